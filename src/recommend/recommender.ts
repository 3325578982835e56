import type { Catalog } from '../catalog/catalog.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Policy } from '../policy/types.js';
import type { RecommendOptions } from './recommend.js';
import type { Recommendation } from './refinement.js';

/**
 * What any recommender is, ours or a user's: a function of the policy, the unused set and the
 * catalog. `iam-refine fuzz` and `iam-refine prove` take one as `--recommender MODULE`, so that a
 * changed recommender is judged by the same checker as iam-refine's own `recommend`.
 * Only `recommendedAction` and `policy` of the result are judged; the rest is explanation.
 */
export type Recommender = (policy: Policy, unused: UnusedSet, catalog: Catalog, options?: RecommendOptions) => Recommendation;
