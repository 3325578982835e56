import type { RefinementCase } from '../../../src/fuzz/refinement-case-arbitrary.js';
import type { JsonObject } from '../../../src/input/json.js';
import { judge } from '../../../src/oracle/judge.js';
import { parsePolicy } from '../../../src/policy/parse.js';
import type { ClaimId, ClaimResult } from '../../../src/prove/claims.js';
import { recommend } from '../../../src/recommend/recommend.js';
import type { Recommendation } from '../../../src/recommend/refinement.js';

export function refineCase(input: RefinementCase): Recommendation {
  return recommend(input.policy, input.unused, input.catalog, { granularity: input.granularity });
}

/** The claims the oracle refutes for a recommended policy (`undefined`: detach) of the case. */
export function refutedClaims(input: RefinementCase, recommended: JsonObject | undefined, claims: readonly ClaimId[]): ClaimResult[] {
  const parsed = recommended === undefined ? undefined : parsePolicy(recommended, 'recommended.json');
  return judge({ original: input.policy, unused: input.unused, catalog: input.catalog, recommended: parsed, granularity: input.granularity }, claims).filter((result) => !result.holds);
}

export const ALL_CLAIMS: readonly ClaimId[] = ['exact', 'no-escalation', 'safety', 'minimality', 'no-redundancy'];
