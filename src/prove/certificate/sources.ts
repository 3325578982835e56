import type { Catalog } from '../../catalog/catalog.js';
import type { Granularity } from '../../catalog/tokenize.js';
import { parseUnusedEntries } from '../../findings/parse.js';
import { resolveUnused } from '../../findings/resolve.js';
import type { JsonObject } from '../../input/json.js';
import { parseJsonSource, textSource, type JsonSource } from '../../input/read-json.js';
import { readPolicyInput } from '../../policy/policy-input.js';
import { printJson } from '../../policy/print.js';
import { DETACH_RECOMMENDATION, parseRecommended, recommendedPolicyOf } from '../../policy/recommended.js';
import type { CheckInput } from '../context.js';
import type { CertificateEvidence } from './evidence.js';

/** The texts a certificate is about, exactly as they were read: what it hashes and copies. */
export interface CertificateSources {
  readonly policy: JsonSource;
  readonly unused: JsonSource;
  readonly recommended: JsonSource;
  /** `iam-refine <version>` when the tool made the recommendation, `given` otherwise. */
  readonly recommendedBy: string;
  /** Which policy's steps of a GetFindingRecommendation response were judged (`--existing-policy-id`). */
  readonly existingPolicyId?: string;
  readonly catalog: Catalog;
  /** The catalog file's text, for a catalog that is not the pinned package. */
  readonly catalogFile: JsonSource | undefined;
  readonly granularity: Granularity;
  /** For an unused set derived from evidence of use (Access Advisor, a used-actions list): the evidence and how. */
  readonly evidence?: CertificateEvidence;
}

/** Parses the sources into what the checker judges: the same function for certify and verify. */
export function checkInputOf(sources: CertificateSources): CheckInput {
  const original = readPolicyInput(parseJsonSource(sources.policy), sources.policy.name).policy;
  const unused = resolveUnused(parseUnusedEntries(parseJsonSource(sources.unused), sources.unused.name), sources.catalog, sources.unused.name);
  const recommended = recommendedPolicyOf(parseRecommended(parseJsonSource(sources.recommended), sources.recommended.name, { existingPolicyId: sources.existingPolicyId }), original);
  return { original, unused, catalog: sources.catalog, recommended, granularity: sources.granularity };
}

/** A recommended policy as the text a certificate copies: the policy, or a DETACH_POLICY step when there is none. */
export function recommendedSource(policy: JsonObject | undefined): JsonSource {
  return textSource('recommended.json', printJson(policy ?? DETACH_RECOMMENDATION));
}
