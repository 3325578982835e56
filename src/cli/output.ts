import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../input/input-error.js';
import { formatJsonPath } from '../input/json-path.js';
import type { Warning } from '../findings/unused-set.js';

/** Writes a result to `--out` or standard output; never over one of the user's inputs. */
export function writeResult(text: string, out: string | undefined, inputs: readonly (string | undefined)[]): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  const target = canonicalPath(out);
  if (inputs.some((input) => input !== undefined && input !== '-' && canonicalPath(input) === target)) {
    throw new InputError(out, [], '--out names one of the inputs; iam-refine never overwrites what it was given');
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new InputError(out, [], `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function printWarnings(warnings: readonly Warning[]): void {
  for (const warning of warnings) {
    const where = formatJsonPath(warning.path);
    process.stderr.write(`warning: ${warning.source}: ${where === '' ? '' : `${where}: `}${warning.message}\n`);
  }
}

export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
