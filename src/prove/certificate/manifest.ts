import { createHash } from 'node:crypto';
import type { CatalogIdentity } from '../../catalog/catalog.js';
import type { Granularity } from '../../catalog/tokenize.js';
import type { ClaimId } from '../claims.js';
import { claimJson, obligationJson } from '../report-json.js';
import type { CheckReport } from '../check.js';
import type { ObligationStatus, Verdict } from '../obligation.js';
import { TOOL_NAME, TOOL_VERSION } from '../../version.js';
import { catalogParts } from '../obligations/parts.js';
import type { EvidenceKind } from '../../findings/derive.js';
import { EVIDENCE_FILE, type DerivationRecord } from './evidence.js';
import type { CertificateSources } from './sources.js';

export const CERTIFICATE_FORMAT = 'iam-refine-certificate/1';

export interface InputEntry {
  readonly file: string;
  readonly sha256: string;
}

export interface ObligationEntry {
  readonly id: string;
  readonly claim: ClaimId;
  readonly statement: number;
  readonly part?: string;
  readonly title: string;
  readonly file: string;
  readonly sha256: string;
  readonly expected: 'sat' | 'unsat';
  readonly actual: ObligationStatus;
  readonly verdict: Verdict;
  readonly witnesses?: readonly string[];
  readonly note?: string;
  readonly timeMs: number;
}

export interface CertificatePart {
  readonly key: string;
  readonly first: string;
  readonly last: string;
  readonly actions: number;
}

/** `manifest.json`: everything needed to re-check the certificate, in a fixed order. */
export interface Manifest {
  readonly format: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly solver: string;
  readonly catalog: CatalogIdentity & { readonly actions: number };
  readonly granularity: Granularity;
  /**
   * The catalog's parts, in catalog order: together exactly the catalog. Each ground obligation
   * (claims 1 and 3) names its part; a statement has no file for a part that none of its
   * patterns' literal prefixes reaches (nothing there is allowed before or after).
   */
  readonly parts: readonly CertificatePart[];
  readonly inputs: {
    readonly policy: InputEntry;
    readonly unused: InputEntry;
    readonly recommended: InputEntry & { readonly by: string; readonly existingPolicyId?: string };
    readonly catalog?: InputEntry;
    /** The evidence a derived unused set comes from. */
    readonly evidence?: InputEntry & { readonly kind: EvidenceKind };
  };
  /** How `inputs.unused` was derived from `inputs.evidence`. */
  readonly derivation?: DerivationRecord;
  readonly verdict: Verdict;
  readonly claims: readonly {
    readonly statement: number;
    readonly claim: ClaimId;
    readonly number: number;
    readonly verdict: Verdict;
    readonly obligations: number;
    readonly example?: string;
    readonly explanation: string;
  }[];
  readonly structural: readonly { readonly id: string; readonly claim: ClaimId; readonly statement: number; readonly holds: boolean; readonly explanation: string; readonly example?: string }[];
  readonly obligations: readonly ObligationEntry[];
  readonly timeMs: number;
}

export const INPUT_FILES = {
  policy: 'inputs/policy.json',
  unused: 'inputs/unused.json',
  recommended: 'inputs/recommended.json',
  catalog: 'inputs/catalog.json',
  evidence: EVIDENCE_FILE,
} as const;

export function obligationFile(id: string): string {
  return `obligations/${id}.smt2`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The manifest of a check: a pure function of the sources and the report. */
export function buildManifest(sources: CertificateSources, report: CheckReport): Manifest {
  return {
    format: CERTIFICATE_FORMAT,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    solver: report.solver,
    catalog: { ...sources.catalog.identity, actions: sources.catalog.size },
    granularity: sources.granularity,
    parts: catalogParts(sources.catalog).map((part) => ({
      key: part.key,
      first: sources.catalog.lowerActions[part.from]!,
      last: sources.catalog.lowerActions[part.to - 1]!,
      actions: part.to - part.from,
    })),
    inputs: {
      policy: { file: INPUT_FILES.policy, sha256: sources.policy.sha256 },
      unused: { file: INPUT_FILES.unused, sha256: sources.unused.sha256 },
      recommended: { file: INPUT_FILES.recommended, sha256: sources.recommended.sha256, by: sources.recommendedBy, ...(sources.existingPolicyId === undefined ? {} : { existingPolicyId: sources.existingPolicyId }) },
      ...(sources.catalogFile === undefined ? {} : { catalog: { file: INPUT_FILES.catalog, sha256: sources.catalogFile.sha256 } }),
      ...(sources.evidence === undefined ? {} : { evidence: { file: INPUT_FILES.evidence, sha256: sources.evidence.source.sha256, kind: sources.evidence.derivation.kind } }),
    },
    ...(sources.evidence === undefined ? {} : { derivation: sources.evidence.derivation }),
    verdict: report.verdict,
    claims: report.claims.map(claimJson) as unknown as Manifest['claims'],
    structural: report.structural.map((result) => ({ ...result })),
    obligations: report.obligations.map((result) =>
      obligationJson(result, { file: obligationFile(result.obligation.id), sha256: sha256(result.obligation.script) }),
    ) as unknown as Manifest['obligations'],
    timeMs: Math.round(report.timeMs),
  };
}
