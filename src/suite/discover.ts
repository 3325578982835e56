import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../input/input-error.js';

export const CASE_FILE = 'case.json';

/**
 * The `case.json` files under the given paths (a suite folder, a case folder, or a case file),
 * each once, in a stable order: folders are walked with their entries sorted.
 */
export function findCaseFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new InputError(path, [], 'no such file or folder');
    }
    const here: string[] = [];
    if (!isDirectory) {
      if (basename(path) !== CASE_FILE) throw new InputError(path, [], `expected a suite folder or a ${CASE_FILE} file`);
      here.push(path);
    } else {
      walk(path, here);
    }
    if (here.length === 0) throw new InputError(path, [], `holds no ${CASE_FILE}`);
    for (const file of here) found.add(file);
  }
  return [...found];
}

function walk(folder: string, found: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isFile() && entry.name === CASE_FILE) found.push(join(folder, entry.name));
  }
  for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(join(folder, entry.name), found);
}
