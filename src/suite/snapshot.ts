import type { Json } from '../input/json.js';
import { printJson } from '../policy/print.js';
import { DETACH_RECOMMENDATION } from '../policy/recommended.js';
import type { Recommendation } from '../recommend/refinement.js';


/** What a snapshot holds for a recommendation: the recommended policy document, or the detach step. */
export function snapshotOf(recommendation: Recommendation): Json {
  return recommendation.policy ?? DETACH_RECOMMENDATION;
}

/** Snapshots are compared and written as two-space JSON, so that reformatting a file is no change. */
export function snapshotText(value: Json): string {
  return printJson(value);
}
