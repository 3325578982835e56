import type { Catalog } from '../catalog/catalog.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { judge } from '../oracle/judge.js';
import { parseRecommendedPolicy } from '../policy/recommended.js';
import type { Policy } from '../policy/types.js';
import { claimInfo } from '../prove/claims.js';
import type { Recommendation } from './refinement.js';

/** A refinement the tool will not give: it would lose a used action or allow more than before. */
export class RefusedRecommendation extends Error {
  override readonly name = 'RefusedRecommendation';
}

/**
 * The recommender's last step: its result is judged on the catalog by the independent oracle
 * (exact, no escalation, safe) before anyone sees it. Failing this is a bug, never an answer.
 */
export function assertSound(original: Policy, recommendation: Recommendation, unused: UnusedSet, catalog: Catalog): void {
  const recommended = parseRecommendedPolicy(recommendation.policy);
  const failure = judge({ original, unused, catalog, recommended, granularity: recommendation.granularity }, ['exact', 'no-escalation', 'safety']).find((result) => !result.holds);
  if (failure !== undefined) {
    throw new RefusedRecommendation(`refusing to recommend: claim ${claimInfo(failure.claim).number} (${claimInfo(failure.claim).title}) fails for statement ${failure.statement}: ${failure.explanation}`);
  }
}
