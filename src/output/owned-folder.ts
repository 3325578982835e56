import { existsSync, lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../input/input-error.js';
import { isJsonObject, type JsonObject } from '../input/json.js';
import { parseJsonSource, readSource } from '../input/read-json.js';

/**
 * An output folder iam-refine owns: its `manifest.json` carries one of iam-refine's format
 * markers and lists every file in it. Only such a folder (or an empty one) is ever replaced; a
 * folder holding anything its manifest does not list is the user's, and is refused.
 */
export interface OwnedFolderKind {
  /** What the folder is, for messages: "an iam-refine certificate". */
  readonly noun: string;
  /** Whether a manifest's `format` is this kind's marker (any version iam-refine wrote). */
  readonly isFormat: (format: string) => boolean;
  /**
   * The entries a manifest lists, relative to the folder with `/` separators (a trailing `/`
   * names a folder that may be empty), `manifest.json` included; `undefined` when the manifest
   * lists them in a way iam-refine never writes.
   */
  readonly listed: (manifest: JsonObject) => readonly string[] | undefined;
}

export const MANIFEST_FILE = 'manifest.json';
/** A manifest is small; a bigger one is not iam-refine's. */
const MANIFEST_LIMIT = 64 * 1024 * 1024;

/** How a path stands as the target of an output folder. */
export type FolderState = 'absent' | 'empty' | 'owned';

/**
 * Refuses, with one line, a target that iam-refine may not replace: anything but an absent path,
 * an empty folder, or a folder of `kind` that holds exactly what its manifest lists.
 */
export function checkOwnedFolder(directory: string, kind: OwnedFolderKind): FolderState {
  const refuse = (why: string): never => {
    throw new InputError(directory, [], `${why}; choose a new or empty folder`);
  };
  let stats: Stats;
  try {
    stats = lstatSync(directory);
  } catch {
    return 'absent';
  }
  if (stats.isSymbolicLink()) return refuse('is a symbolic link');
  if (!stats.isDirectory()) return refuse('exists and is not a folder');
  const present = folderEntries(directory);
  if (present.length === 0) return 'empty';
  const manifest = readOwnManifest(directory);
  if (manifest === undefined || typeof manifest.format !== 'string' || !kind.isFormat(manifest.format)) return refuse(`exists and is not ${kind.noun}`);
  const listed = kind.listed(manifest);
  if (listed === undefined) return refuse(`exists and is not ${kind.noun} (its manifest.json names files outside it)`);
  const stray = unlistedEntries(present, listed);
  if (stray.length > 0) return refuse(`holds ${stray[0]}, which is not part of ${kind.noun} (its manifest.json does not list it)`);
  return 'owned';
}

/** The entries under `directory` that `listed` does not account for, in name order. */
export function unlistedFiles(directory: string, listed: readonly string[]): string[] {
  return existsSync(directory) ? unlistedEntries(folderEntries(directory), listed) : [];
}

/**
 * Every entry under `directory`, relative with `/` separators: files, links and other non-folders
 * by name; a folder only when it is empty (as `name/`), since otherwise its entries stand for it.
 */
export function folderEntries(directory: string): string[] {
  const entries: string[] = [];
  const walk = (relativePath: string): void => {
    const names = readdirSync(join(directory, relativePath)).sort();
    if (names.length === 0 && relativePath !== '') entries.push(`${relativePath}/`);
    for (const name of names) {
      const child = relativePath === '' ? name : `${relativePath}/${name}`;
      if (lstatSync(join(directory, child)).isDirectory()) walk(child);
      else entries.push(child);
    }
  };
  walk('');
  return entries;
}

/** A relative path as iam-refine writes them: no `..`, no empty or absolute part, no backslash. */
export function isSafeRelativePath(path: string): boolean {
  const parts = (path.endsWith('/') ? path.slice(0, -1) : path).split('/');
  return path !== '' && !path.includes('\\') && !path.includes('\0') && parts.every((part) => part !== '' && part !== '.' && part !== '..');
}

function unlistedEntries(present: readonly string[], listed: readonly string[]): string[] {
  const files = new Set(listed.filter((entry) => !entry.endsWith('/')));
  const folders = new Set(listed.filter((entry) => entry.endsWith('/')));
  return present.filter((entry) => !(entry.endsWith('/') ? folders.has(entry) || [...files].some((file) => file.startsWith(entry)) : files.has(entry)));
}

function readOwnManifest(directory: string): JsonObject | undefined {
  const path = join(directory, MANIFEST_FILE);
  try {
    if (!lstatSync(path).isFile()) return undefined;
    const value = parseJsonSource(readSource(path, MANIFEST_LIMIT));
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
