/** A deliberately broken recommender: iam-refine's recommendation with one unused action allowed again (claim 3). */
import type { Catalog } from '../../../src/catalog/catalog.js';
import type { UnusedSet } from '../../../src/findings/unused-set.js';
import { chooserFrom } from '../../../src/fuzz/_internals/random.js';
import { addUnusedAction } from '../../../src/fuzz/mutants/add-unused-action.js';
import type { Policy } from '../../../src/policy/types.js';
import { recommend as ours, type RecommendOptions } from '../../../src/recommend/recommend.js';
import type { Recommendation } from '../../../src/recommend/refinement.js';

export default function recommend(policy: Policy, unused: UnusedSet, catalog: Catalog, options: RecommendOptions = {}): Recommendation {
  const recommendation = ours(policy, unused, catalog, options);
  if (recommendation.policy === undefined) return recommendation;
  const mutation = addUnusedAction.apply({ original: policy, recommended: recommendation.policy, catalog, unused, granularity: options.granularity ?? 'word', choose: chooserFrom(1) });
  return mutation === undefined ? recommendation : { ...recommendation, policy: mutation.recommended };
}
