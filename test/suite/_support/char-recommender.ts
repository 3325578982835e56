/** A deliberately changed recommender: iam-refine's, at character granularity whatever the case asks. */
import type { Catalog } from '../../../src/catalog/catalog.js';
import type { UnusedSet } from '../../../src/findings/unused-set.js';
import type { Policy } from '../../../src/policy/types.js';
import { recommend as ours, type RecommendOptions } from '../../../src/recommend/recommend.js';
import type { Recommendation } from '../../../src/recommend/refinement.js';

export function recommend(policy: Policy, unused: UnusedSet, catalog: Catalog, options: RecommendOptions = {}): Recommendation {
  return ours(policy, unused, catalog, { ...options, granularity: 'char' });
}
