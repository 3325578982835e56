import fc from 'fast-check';
import { expect } from 'vitest';
import { refinementCaseArbitrary, type RefinementCase, type RefinementCaseConstraints } from '../../../src/fuzz/refinement-case-arbitrary.js';
import type { JsonObject } from '../../../src/input/json.js';
import { judge } from '../../../src/oracle/judge.js';
import { parsePolicy } from '../../../src/policy/parse.js';
import type { ClaimId, ClaimResult } from '../../../src/prove/claims.js';
import { recommend } from '../../../src/recommend/recommend.js';
import type { Recommendation } from '../../../src/recommend/refinement.js';
import { fuzzParameters } from './fuzz-parameters.js';

export const ALL_CLAIMS: readonly ClaimId[] = ['exact', 'no-escalation', 'safety', 'minimality', 'no-redundancy'];

export function refineCase(input: RefinementCase): Recommendation {
  return recommend(input.policy, input.unused, input.catalog, { granularity: input.granularity });
}

/** The claims the oracle refutes for a recommended policy (`undefined`: detach) of the case. */
export function refutedClaims(input: RefinementCase, recommended: JsonObject | undefined, claims: readonly ClaimId[]): ClaimResult[] {
  const parsed = recommended === undefined ? undefined : parsePolicy(recommended, 'recommended.json');
  return judge({ original: input.policy, unused: input.unused, catalog: input.catalog, recommended: parsed, granularity: input.granularity }, claims).filter((result) => !result.holds);
}

/** The recommender's output for the case satisfies the claims, as the oracle judges them. */
export function expectClaimsHold(input: RefinementCase, claims: readonly ClaimId[]): void {
  expect(refutedClaims(input, refineCase(input).policy, claims)).toEqual([]);
}

/** `expectClaimsHold` as a property over random cases. */
export function assertClaimsHold(claims: readonly ClaimId[], constraints: RefinementCaseConstraints, numRuns: number): void {
  fc.assert(
    fc.property(refinementCaseArbitrary(constraints), (input) => expectClaimsHold(input, claims)),
    fuzzParameters(numRuns),
  );
}
