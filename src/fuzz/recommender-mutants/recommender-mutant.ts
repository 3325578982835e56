import type { ClaimId } from '../../prove/claims.js';
import { RECOMMENDER_PARTS, recommendUnchecked, type RecommenderParts } from '../../recommend/recommend.js';
import type { Recommender } from '../../recommend/recommender.js';

/**
 * A deliberately broken recommender: iam-refine's own, built from its real parts with exactly
 * one of them replaced by a realistic bug, and without the self-check that would refuse the
 * wrong result. The fuzz campaign must find an input on which its output breaks one of the
 * claims in `breaks`, and the checker must refute that claim.
 */
export interface RecommenderMutant {
  readonly name: string;
  /** The bug, as a reviewer would name it. */
  readonly bug: string;
  /** The claims its output is expected to break: on an exposing input, at least one of them. */
  readonly breaks: readonly ClaimId[];
  readonly recommend: Recommender;
}

/** The recommender with some of its parts replaced, and no self-check. */
export function recommenderWith(replaced: Partial<RecommenderParts>): Recommender {
  const parts: RecommenderParts = { ...RECOMMENDER_PARTS, ...replaced };
  return (policy, unused, catalog, options) => recommendUnchecked(policy, unused, catalog, options, parts);
}
