import type { Granularity } from '../catalog/tokenize.js';
import type { Warning } from '../findings/unused-set.js';
import type { JsonObject } from '../input/json.js';
import { describePolicyKind, quotaOf, type PolicyKind } from '../policy/quotas.js';
import { policySize } from '../policy/size.js';
import type { Policy } from '../policy/types.js';
import type { Recommendation } from '../recommend/refinement.js';

/** A recommendation's size against the quota of the policy's kind. */
export interface QuotaCheck {
  readonly kind: PolicyKind;
  readonly quota: number;
  readonly original: number;
  /** 0 for a detached policy. */
  readonly recommended: number;
  /** Set when the recommendation is over the quota: what is wrong and what to do. */
  readonly warning: Warning | undefined;
}

/**
 * Measures the recommendation as IAM does (characters without whitespace) against the quota of
 * the policy's kind; over it, the warning says what to do: the character granularity (the most
 * compact), or `account`, which splits a managed policy into parts within the quota.
 */
export function checkQuota(original: Policy, recommendation: Recommendation, kind: PolicyKind, source: string): QuotaCheck {
  const quota = quotaOf(kind);
  const recommended = recommendation.policy === undefined ? 0 : policySize(recommendation.policy);
  const size = { kind, quota, original: policySize(original.raw), recommended };
  if (recommended <= quota) return { ...size, warning: undefined };
  return { ...size, warning: { source, path: [], message: `the recommendation is ${figure(recommended)} characters, over the ${figure(quota)} of ${describePolicyKind(kind)}; ${remedy(kind, recommendation.granularity)}` } };
}

function remedy(kind: PolicyKind, granularity: Granularity): string {
  const split = kind === 'managed' ? 'or let "iam-refine account" split it into managed policies that each fit' : 'or move part of it to managed policies (as "iam-refine account" splits them)';
  return granularity === 'word' ? `try --granularity char (the most compact), ${split}` : `it is as compact as it gets; ${split.slice(3)}`;
}

export function quotaJson(check: QuotaCheck): JsonObject {
  return { original: check.original, recommended: check.recommended, policyKind: check.kind, quota: check.quota, withinQuota: check.warning === undefined };
}

function figure(value: number): string {
  return value.toLocaleString('en-US');
}
