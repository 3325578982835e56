import { loadCatalogFile, loadPinnedCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/catalog.js';
import { parseUnusedEntries } from '../findings/parse.js';
import { resolveUnused } from '../findings/resolve.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { InputError } from '../input/input-error.js';
import { readJsonFile, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/types.js';

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly source: JsonSource;
}

export interface LoadedUnused {
  readonly unused: UnusedSet;
  readonly source: JsonSource;
}

export function loadCatalog(path: string | undefined): Catalog {
  return path === undefined ? loadPinnedCatalog() : loadCatalogFile(path);
}

export function loadPolicy(path: string): LoadedPolicy {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.policy);
  return { policy: parsePolicy(value, source.name), source };
}

export function loadUnused(path: string, catalog: Catalog, strict: boolean): LoadedUnused {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.unused);
  return { unused: resolveUnused(parseUnusedEntries(value, source.name), catalog, source.name, { strict }), source };
}

/** Standard input can be read once: at most one input may be `-`. */
export function checkOneStdin(paths: readonly (string | undefined)[]): void {
  if (paths.filter((path) => path === '-').length > 1) throw new InputError('<stdin>', [], 'only one input can be read from standard input');
}
