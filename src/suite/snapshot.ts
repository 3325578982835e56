import type { Json, JsonObject } from '../input/json.js';
import { printJson } from '../policy/print.js';
import type { Recommendation } from '../recommend/refinement.js';

/** "Detach the policy", in the `GetFindingRecommendation` shape every reader of recommendations accepts. */
const DETACH: JsonObject = { recommendedSteps: [{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY' } }] };

/** What a snapshot holds for a recommendation: the recommended policy document, or the detach step. */
export function snapshotOf(recommendation: Recommendation): Json {
  return recommendation.policy ?? DETACH;
}

/** Snapshots are compared and written as two-space JSON, so that reformatting a file is no change. */
export function snapshotText(value: Json): string {
  return printJson(value);
}
