import type { Catalog } from '../catalog/catalog.js';
import { readJsonFile, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { parseUnusedInput } from './parse.js';
import { resolveUnused } from './resolve.js';
import type { UnusedSet } from './unused-set.js';

export interface LoadedUnused {
  readonly unused: UnusedSet;
  readonly source: JsonSource;
}

/** Reads an unused-permissions file (`-`: standard input) and resolves it against the catalog. */
export function loadUnused(path: string, catalog: Catalog, strict: boolean): LoadedUnused {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.unused);
  const input = parseUnusedInput(value, source.name);
  const unused = resolveUnused(input.entries, catalog, source.name, { strict });
  return { unused: { ...unused, warnings: [...input.warnings, ...unused.warnings] }, source };
}
