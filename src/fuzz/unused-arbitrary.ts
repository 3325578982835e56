import type fc from 'fast-check';
import type { Catalog } from '../catalog/catalog.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { resolveShortForm, type ShortFormEntry } from './_internals/short-form.js';
import { unusedSpecArbitrary, writeUnused } from './_internals/unused-spec.js';

export type { ShortFormEntry } from './_internals/short-form.js';

/**
 * Constraints to be applied on {@link unusedArbitrary}.
 */
export interface UnusedConstraints {
  /** Whether entries may name an action or a service the catalog does not know (warnings). Default true. */
  readonly withUnknown?: boolean;
}

/** Unused permissions as an `--unused` file holds them, and as the recommender receives them. */
export interface GeneratedUnused {
  readonly entries: readonly ShortFormEntry[];
  readonly unused: UnusedSet;
}

/**
 * Random unused sets over a catalog, in the article's short form: per service nothing, the whole
 * service (an entry without `actions`), or a subset of its actions at a random density (from
 * none to all), each name bare or prefixed and in random case; sometimes an action or a service
 * the catalog does not know. The entries are resolved with `resolveUnused`, as the CLI does.
 */
export function unusedArbitrary(catalog: Catalog, constraints: UnusedConstraints = {}): fc.Arbitrary<GeneratedUnused> {
  return unusedSpecArbitrary(constraints).map((spec) => {
    const entries = writeUnused(spec, catalog);
    return { entries, unused: resolveShortForm(entries, catalog) };
  });
}
