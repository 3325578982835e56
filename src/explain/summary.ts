import { QUOTAS } from '../account/quotas.js';
import { allowedActions } from '../policy/allowed.js';
import { policySize } from '../policy/size.js';
import type { Policy } from '../policy/types.js';
import { TOOL_NAME } from '../version.js';
import type { ExplainRequest } from './render.js';

/** What the explanation is of, and what the explained recommendation does, in a few words for the top of the page or the tree. */
export interface ExplanationSummary {
  /** What was judged: `the given recommendation rec.json`, or `iam-refine's own recommendation for policy.json`. */
  readonly judged: string;
  readonly lines: readonly string[];
}

/**
 * The heading facts: which recommendation is explained (the given one, or iam-refine's own for
 * the policy), how many catalog actions it stops allowing, and its size against the quota of a
 * managed policy (whitespace-free, as IAM counts it).
 */
export function explanationSummary(request: ExplainRequest, explained: Policy | undefined): ExplanationSummary {
  const judged = request.givenName === undefined ? `${TOOL_NAME}'s own recommendation for ${request.policyName}` : `the given recommendation ${request.givenName} for ${request.policyName}`;
  const before = allowedActions(request.original, request.catalog);
  const after = explained === undefined ? new Set<number>() : allowedActions(explained, request.catalog);
  const removed = [...before].filter((action) => !after.has(action)).length;
  const added = [...after].filter((action) => !before.has(action)).length;
  const sizeBefore = policySize(request.original.raw);
  const quota = QUOTAS.managedPolicy;
  const size = explained === undefined ? 'DETACH_POLICY: nothing is left to attach' : `size ${count(sizeBefore)} → ${count(policySize(explained.raw))} characters of the ${count(quota)} a managed policy may hold${policySize(explained.raw) > quota ? ' (OVER the quota)' : ''}`;
  return {
    judged,
    lines: [
      `explained: ${judged}`,
      `actions: ${count(removed)} of the ${count(before.size)} catalog actions the policy allows are removed${added > 0 ? `, and ${count(added)} it did not allow are added` : ''}; ${size}`,
    ],
  };
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
