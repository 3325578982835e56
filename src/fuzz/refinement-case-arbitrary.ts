import fc from 'fast-check';
import type { Catalog } from '../catalog/catalog.js';
import { GRANULARITIES, type Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { JsonObject } from '../input/json.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/types.js';
import { catalogArbitrary, type CatalogConstraints } from './catalog-arbitrary.js';
import { catalogServices } from './_internals/catalog-services.js';
import { policySpecArbitrary, writePolicy } from './_internals/policy-spec.js';
import { printedAs } from './_internals/printable.js';
import { resolveShortForm, shortFormJson, type ShortFormEntry } from './_internals/short-form.js';
import { unusedSpecArbitrary, writeUnused } from './_internals/unused-spec.js';
import type { PolicyConstraints } from './policy-arbitrary.js';
import type { UnusedConstraints } from './unused-arbitrary.js';

/**
 * Constraints to be applied on {@link refinementCaseArbitrary}.
 */
export interface RefinementCaseConstraints {
  readonly catalog?: CatalogConstraints;
  readonly policy?: PolicyConstraints;
  readonly unused?: UnusedConstraints;
  /** Only this granularity; both by default. */
  readonly granularity?: Granularity;
}

/** Everything the recommender takes: a catalog, a policy over it, an unused set and a granularity. */
export interface RefinementCase {
  readonly catalog: Catalog;
  readonly document: JsonObject;
  readonly policy: Policy;
  readonly unusedEntries: readonly ShortFormEntry[];
  readonly unused: UnusedSet;
  readonly granularity: Granularity;
}

/**
 * Random recommender inputs: a catalog, and a policy and an unused set over it (the same
 * generators as `policyArbitrary` and `unusedArbitrary`, drawn before the catalog is known so
 * that all three shrink together). A counterexample prints as the JSON of the CLI's three input
 * files and the granularity, so that `iam-refine recommend` replays it.
 */
export function refinementCaseArbitrary(constraints: RefinementCaseConstraints = {}): fc.Arbitrary<RefinementCase> {
  const granularity = constraints.granularity === undefined ? fc.constantFrom(...GRANULARITIES) : fc.constant(constraints.granularity);
  return fc
    .record({ catalog: catalogArbitrary(constraints.catalog), policy: policySpecArbitrary(constraints.policy), unused: unusedSpecArbitrary(constraints.unused), granularity })
    .map(({ catalog, policy, unused, granularity: chosen }) => {
      const document = writePolicy(policy, catalog);
      const unusedEntries = writeUnused(unused, catalog);
      const refinementCase: RefinementCase = {
        catalog,
        document,
        policy: parsePolicy(document, 'policy.json'),
        unusedEntries,
        unused: resolveShortForm(unusedEntries, catalog),
        granularity: chosen,
      };
      return printedAs(refinementCase, describeCase(refinementCase));
    });
}

function describeCase({ catalog, document, unusedEntries, granularity }: RefinementCase): string {
  return JSON.stringify({ catalog: catalogServices(catalog), policy: document, unused: shortFormJson(unusedEntries), granularity });
}
