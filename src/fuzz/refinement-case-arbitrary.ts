import fc from 'fast-check';
import { GRANULARITIES, type Granularity } from '../catalog/tokenize.js';
import { catalogArbitrary, type CatalogConstraints } from './catalog-arbitrary.js';
import { policySpecArbitrary, writePolicy } from './_internals/policy-spec.js';
import { unusedSpecArbitrary, writeUnused } from './_internals/unused-spec.js';
import type { PolicyConstraints } from './policy-arbitrary.js';
import { refinementCase, type RefinementCase } from './refinement-case.js';
import type { UnusedConstraints } from './unused-arbitrary.js';

export type { RefinementCase } from './refinement-case.js';

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

/**
 * Random recommender inputs: a catalog, and a policy and an unused set over it (the same
 * generators as `policyArbitrary` and `unusedArbitrary`, drawn before the catalog is known so
 * that all three shrink together). A counterexample prints as the JSON of the CLI's three input
 * files and the granularity (`refinementCaseFromJson` reads it back).
 */
export function refinementCaseArbitrary(constraints: RefinementCaseConstraints = {}): fc.Arbitrary<RefinementCase> {
  const granularity = constraints.granularity === undefined ? fc.constantFrom(...GRANULARITIES) : fc.constant(constraints.granularity);
  return fc
    .record({ catalog: catalogArbitrary(constraints.catalog), policy: policySpecArbitrary(constraints.policy), unused: unusedSpecArbitrary(constraints.unused), granularity })
    .map(({ catalog, policy, unused, granularity: chosen }) => refinementCase(catalog, writePolicy(policy, catalog), writeUnused(unused, catalog), chosen));
}
