import fc from 'fast-check';
import type { RefinementCase } from '../../../src/fuzz/refinement-case-arbitrary.js';
import { InputError } from '../../../src/input/input-error.js';
import type { JsonObject } from '../../../src/input/json.js';
import { judge } from '../../../src/oracle/judge.js';
import { parsePolicy } from '../../../src/policy/parse.js';
import type { ClaimId, ClaimResult } from '../../../src/prove/claims.js';
import { recommend } from '../../../src/recommend/recommend.js';
import type { Recommendation } from '../../../src/recommend/refinement.js';

export function refineCase(input: RefinementCase): Recommendation {
  return recommend(input.policy, input.unused, input.catalog, { granularity: input.granularity });
}

/**
 * KNOWN BUG (valid-output.test.ts keeps it failing): in char mode a trie node can end inside the
 * service prefix, and the recommender writes it as `s3e*` or `e*`, which is no action pattern; its
 * self-check re-parses the result and throws. The other properties skip such cases, so that they
 * still judge everything else the char mode writes. Remove this once the bug is fixed.
 */
export function refineCaseSkippingKnownBug(input: RefinementCase): Recommendation {
  try {
    return refineCase(input);
  } catch (error) {
    fc.pre(!writesInvalidPattern(error));
    throw error;
  }
}

export function writesInvalidPattern(error: unknown): boolean {
  return error instanceof InputError && error.source === 'recommendation' && error.problem.includes('is not an action pattern');
}

/** The claims the oracle refutes for a recommended policy (`undefined`: detach) of the case. */
export function refutedClaims(input: RefinementCase, recommended: JsonObject | undefined, claims: readonly ClaimId[]): ClaimResult[] {
  const parsed = recommended === undefined ? undefined : parsePolicy(recommended, 'recommended.json');
  return judge({ original: input.policy, unused: input.unused, catalog: input.catalog, recommended: parsed, granularity: input.granularity }, claims).filter((result) => !result.holds);
}

export const ALL_CLAIMS: readonly ClaimId[] = ['exact', 'no-escalation', 'safety', 'minimality', 'no-redundancy'];
