import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { REFINE_PARTS, type RefineParts } from './parts.js';

/** What every refinement step reads: the catalog, the unused set and the chosen granularity. */
export interface RefineContext {
  readonly catalog: Catalog;
  readonly unused: UnusedSet;
  readonly granularity: Granularity;
  /** The steps to refine with; iam-refine's own (`REFINE_PARTS`) when absent. */
  readonly parts?: RefineParts;
}

export function partsOf(context: RefineContext): RefineParts {
  return context.parts ?? REFINE_PARTS;
}

export function byLowerCase(a: string, b: string): number {
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  return lowerA < lowerB ? -1 : lowerA > lowerB ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted by lower-cased text, duplicates (case-insensitively) removed. */
export function sortedPatterns(patterns: Iterable<string>): string[] {
  const seen = new Set<string>();
  return [...patterns].sort(byLowerCase).filter((pattern) => {
    const lower = pattern.toLowerCase();
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}
