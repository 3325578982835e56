import { catalogFromSource, loadPinnedCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/catalog.js';
import { parseUnusedEntries } from '../findings/parse.js';
import { resolveUnused } from '../findings/resolve.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { InputError } from '../input/input-error.js';
import { parseJsonSource, readJsonFile, readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { parsePolicy } from '../policy/parse.js';
import { parseRecommended, type RecommendedPolicy } from '../policy/recommended.js';
import type { Policy } from '../policy/types.js';

export interface LoadedCatalog {
  readonly catalog: Catalog;
  /** The file's text, when the catalog is a file rather than the pinned package. */
  readonly source: JsonSource | undefined;
}

export interface LoadedPolicy {
  readonly policy: Policy;
  readonly source: JsonSource;
}

export interface LoadedUnused {
  readonly unused: UnusedSet;
  readonly source: JsonSource;
}

export interface LoadedRecommended {
  readonly recommended: RecommendedPolicy;
  readonly source: JsonSource;
}

export function loadCatalog(path: string | undefined): LoadedCatalog {
  if (path === undefined) return { catalog: loadPinnedCatalog(), source: undefined };
  const source = readSource(path, SIZE_LIMITS.catalog);
  return { catalog: catalogFromSource(source), source };
}

export function loadPolicy(path: string): LoadedPolicy {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.policy);
  return { policy: parsePolicy(value, source.name), source };
}

export function loadUnused(path: string, catalog: Catalog, strict: boolean): LoadedUnused {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.unused);
  return { unused: resolveUnused(parseUnusedEntries(value, source.name), catalog, source.name, { strict }), source };
}

export function loadRecommended(path: string): LoadedRecommended {
  const source = readSource(path, SIZE_LIMITS.policy);
  return { recommended: parseRecommended(parseJsonSource(source), source.name), source };
}

/** Standard input can be read once: at most one input may be `-`. */
export function checkOneStdin(paths: readonly (string | undefined)[]): void {
  if (paths.filter((path) => path === '-').length > 1) throw new InputError('<stdin>', [], 'only one input can be read from standard input');
}
