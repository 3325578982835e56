import type { Catalog } from '../catalog/catalog.js';
import { readJsonFile, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { parseUnusedEntries } from './parse.js';
import { resolveUnused } from './resolve.js';
import type { UnusedSet } from './unused-set.js';

export interface LoadedUnused {
  readonly unused: UnusedSet;
  readonly source: JsonSource;
}

/** Reads an unused-permissions file (`-`: standard input) and resolves it against the catalog. */
export function loadUnused(path: string, catalog: Catalog, strict: boolean): LoadedUnused {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.unused);
  return { unused: resolveUnused(parseUnusedEntries(value, source.name), catalog, source.name, { strict }), source };
}
