import { fstatSync, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from '../input/input-error.js';

/**
 * iam-refine never writes over what it was given: no output path may be an input, contain one,
 * or share a file with one. Paths are compared after resolving links, and files by device and
 * inode, which also catches a hard link (`ln policy.json out.json`) and standard input
 * redirected from a file (`--policy - < out.json`).
 */

/** One input as the guard compares it. */
interface InputFile {
  readonly name: string;
  readonly real: string | undefined;
  readonly id: string | undefined;
}

const identity = (stats: Stats): string => `${stats.dev}:${stats.ino}`;

function inputFiles(inputs: readonly (string | undefined)[]): InputFile[] {
  return inputs.flatMap((input): InputFile[] => {
    if (input === undefined) return [];
    if (input === '-') {
      try {
        const stats = fstatSync(0);
        return stats.isFile() ? [{ name: '<stdin>', real: undefined, id: identity(stats) }] : [];
      } catch {
        return [];
      }
    }
    try {
      return [{ name: input, real: realpathSync(input), id: identity(statSync(input)) }];
    } catch {
      return [{ name: input, real: resolve(input), id: undefined }];
    }
  });
}

/** The path with links resolved, as far as it exists. */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

const REFUSAL = 'iam-refine never writes over what it was given';
const FILE_REFUSAL = 'iam-refine never overwrites what it was given';

/** Refuses an output file that is one of the inputs, by path or by file (a hard link). */
export function checkOutputFile(out: string, inputs: readonly (string | undefined)[]): void {
  const target = canonicalPath(out);
  let id: string | undefined;
  try {
    id = identity(statSync(out));
  } catch {
    id = undefined;
  }
  for (const input of inputFiles(inputs)) {
    if (input.real === target) throw new InputError(out, [], `--out names one of the inputs; ${FILE_REFUSAL}`);
    if (id !== undefined && input.id === id) throw new InputError(out, [], `is the same file as the input ${input.name} (a link to it); ${FILE_REFUSAL}`);
  }
}

/**
 * Refuses an output folder that is, or holds, one of the inputs, or holds a link to one: writing
 * the folder replaces everything in it.
 */
export function checkOutputFolder(out: string, inputs: readonly (string | undefined)[]): void {
  const target = canonicalPath(out);
  const files = inputFiles(inputs);
  for (const input of files) {
    if (input.real === undefined) continue;
    const from = relative(target, input.real);
    if (from === '' || (!from.startsWith('..') && !isAbsolute(from))) throw new InputError(out, [], `holds the input ${input.name}; ${REFUSAL}`);
  }
  const ids = new Map(files.flatMap((input) => (input.id === undefined ? [] : [[input.id, input.name] as const])));
  if (ids.size === 0) return;
  const shared = sharedFile(out, ids);
  if (shared !== undefined) throw new InputError(out, [], `holds ${shared.file}, the same file as the input ${shared.input}; ${REFUSAL}`);
}

/** The first file under `folder` that is one of `ids`, by device and inode. */
function sharedFile(folder: string, ids: ReadonlyMap<string, string>): { file: string; input: string } | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(folder);
  } catch {
    return undefined;
  }
  const input = ids.get(identity(stats));
  if (input !== undefined) return { file: folder, input };
  if (!stats.isDirectory()) return undefined;
  for (const entry of readdirSync(folder)) {
    const found = sharedFile(join(folder, entry), ids);
    if (found !== undefined) return found;
  }
  return undefined;
}
