import { catalogFromSource, loadPinnedCatalog } from '../catalog/load.js';
import type { Catalog } from '../catalog/catalog.js';
import { InputError } from '../input/input-error.js';
import { parseJsonSource, readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { parseRecommended, type RecommendedChoice, type RecommendedPolicy } from '../policy/recommended.js';

// The policy and unused files are read by their own modules; the commands find every loader here.
export { loadPolicy, type LoadedPolicy } from '../policy/load.js';
export { loadUnused, type LoadedUnused } from '../findings/load.js';

export interface LoadedCatalog {
  readonly catalog: Catalog;
  /** The file's text, when the catalog is a file rather than the pinned package. */
  readonly source: JsonSource | undefined;
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

/** Reads a recommendation; `choice` picks one policy's steps of a response. */
export function loadRecommended(path: string, choice: RecommendedChoice = {}): LoadedRecommended {
  const source = readSource(path, SIZE_LIMITS.policy);
  return { recommended: parseRecommended(parseJsonSource(source), source.name, choice), source };
}

/** Standard input can be read once: at most one input may be `-`. */
export function checkOneStdin(paths: readonly (string | undefined)[]): void {
  if (paths.filter((path) => path === '-').length > 1) throw new InputError('<stdin>', [], 'only one input can be read from standard input');
}
