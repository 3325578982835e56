import { describeCatalog } from '../catalog/catalog.js';
import { formatJsonPath } from '../input/json-path.js';
import type { Json, JsonObject } from '../input/json.js';
import { findingRecommendationResponse, recommendedStepsOf, refinementSection } from '../report/access-analyzer.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { policyFiles } from './layout.js';
import { proofKey, type AccountProofs, type PolicyProof } from './prove.js';
import type { AccountResult, PolicyResult, PrincipalResult } from './refine.js';

/** When the run started and ended (ISO 8601): a response's `startedAt` and `completedAt`. */
export interface RunTimes {
  readonly startedAt: string;
  readonly completedAt: string;
}

/**
 * One principal's recommendation as a complete `GetFindingRecommendation` response: for each
 * policy to change, in the principal's order, its `CREATE_POLICY` steps (one per part of a split
 * policy) and the paired `DETACH_POLICY`, or `DETACH_POLICY` alone; then, beside it, what
 * iam-refine adds: per policy the outcome, the sizes against the quota, the actions removed, the
 * files, the proof, and how to apply the step.
 */
export function principalReport(account: AccountResult, index: number, proofs: AccountProofs | undefined, times: RunTimes): JsonObject {
  const result = account.principals[index]!;
  const steps = result.policies.flatMap((policy) => stepsOf(policy));
  return {
    ...findingRecommendationResponse({ resourceArn: result.principal.arn, ...times }, steps),
    principal: { kind: result.principal.kind, name: result.principal.name, findingIds: [...result.findingIds] },
    tool: `${TOOL_NAME} ${TOOL_VERSION}`,
    catalog: { ...account.catalog },
    policies: result.policies.map((policy, q) => policySection(result, policy, proofs?.get(proofKey(index, q)))),
    notes: [...result.notes, ...withoutStep(result)],
  };
}

/** The policies a principal's steps leave out although they are not settled: said at the top, not only in their sections. */
function withoutStep(result: PrincipalResult): string[] {
  return result.policies
    .filter((policy) => policy.outcome === 'not-applicable' || policy.outcome === 'missing')
    .map((policy) => `no step for ${policy.existingPolicyId}: ${policy.outcome === 'missing' ? 'its document is not in the export' : 'its recommendation does not fit IAM quotas as is'} (see its notes)`);
}

function stepsOf(policy: PolicyResult): JsonObject[] {
  if (policy.outcome !== 'detach' && policy.create.length === 0) return [];
  return recommendedStepsOf(policy);
}

function policySection(result: PrincipalResult, policy: PolicyResult, proof: PolicyProof | undefined): JsonObject {
  const section: Record<string, Json> = {
    policyName: policy.name,
    kind: policy.kind,
    existingPolicyId: policy.existingPolicyId,
    outcome: policy.outcome,
  };
  if (policy.size !== undefined) section.size = { ...policy.size, parts: [...policy.size.parts] };
  section.actionsRemoved = policy.actionsRemoved;
  if (policy.recommendation !== undefined) section.granularity = policy.recommendation.granularity;
  if (policy.create.length > 0) section.files = [...policyFiles(result, policy).policies];
  // For each part, the statement of the whole recommendation each of its statements is a piece of: how the parts join back.
  if (policy.split !== undefined) section.splitStatements = policy.split.origins.map((origins) => [...origins]);
  if (proof !== undefined) section.proof = { verdict: proof.report.verdict, ...(proof.certificate === undefined ? {} : { certificate: policyFiles(result, policy).certificate }) };
  section.notes = [...policy.notes];
  if (policy.original !== undefined && policy.recommendation !== undefined) {
    section.refinement = refinementSection(policy.original, policy.recommendation);
  }
  return section;
}

/** Every principal's report and the run's notices, for `--format json`. */
export function accountReport(account: AccountResult, proofs: AccountProofs | undefined, times: RunTimes): JsonObject {
  return {
    tool: `${TOOL_NAME} ${TOOL_VERSION}`,
    catalog: { ...account.catalog },
    granularity: account.granularity,
    summary: summaryJson(account, proofs),
    principals: account.principals.map((_, index) => principalReport(account, index, proofs, times)),
    skipped: account.skipped.map(({ principal, reason }) => ({ kind: principal.kind, name: principal.name, arn: principal.arn, reason })),
    findings: account.notices.map((notice) => ({
      resource: notice.resource,
      ...(notice.id === undefined ? {} : { id: notice.id }),
      findingType: notice.findingType,
      message: notice.message,
      file: notice.place.file,
      path: formatJsonPath(notice.place.path),
    })),
    warnings: account.warnings.map((warning) => ({ file: warning.source, path: formatJsonPath(warning.path), message: warning.message })),
  };
}

interface Totals {
  readonly principals: number;
  readonly policies: number;
  readonly actionsRemoved: number;
  readonly charactersBefore: number;
  readonly charactersAfter: number;
  readonly proven: number;
  readonly proofs: number;
  readonly notApplicable: number;
}

function totalsOf(account: AccountResult, proofs: AccountProofs | undefined): Totals {
  const policies = account.principals.flatMap((principal) => principal.policies);
  const sized = policies.filter((policy) => policy.size !== undefined && policy.outcome !== 'not-applicable');
  return {
    principals: account.principals.length,
    policies: policies.length,
    actionsRemoved: policies.filter((policy) => policy.outcome !== 'not-applicable').reduce((sum, policy) => sum + policy.actionsRemoved, 0),
    charactersBefore: sized.reduce((sum, policy) => sum + policy.size!.original, 0),
    charactersAfter: sized.reduce((sum, policy) => sum + policy.size!.recommended, 0),
    proven: proofs === undefined ? 0 : [...proofs.values()].filter((proof) => proof.report.verdict === 'proven').length,
    proofs: proofs?.size ?? 0,
    notApplicable: policies.filter((policy) => policy.outcome === 'not-applicable').length,
  };
}

function summaryJson(account: AccountResult, proofs: AccountProofs | undefined): JsonObject {
  return { ...totalsOf(account, proofs) };
}

/**
 * The summary table: one line per policy of each refined principal (outcome, actions removed,
 * characters before and after against the quota, proof), then the skipped principals, the
 * findings reported rather than refined, and the totals.
 */
export function summaryTable(account: AccountResult, proofs: AccountProofs | undefined): string {
  const rows: string[][] = [['principal', 'policy', 'kind', 'outcome', 'removed', 'chars before', 'chars after', 'quota', 'proof']];
  account.principals.forEach((result, p) => {
    if (result.policies.length === 0) rows.push([`${result.principal.kind}/${result.principal.name}`, '-', '-', 'no policies of its own', '', '', '', '', '']);
    result.policies.forEach((policy, q) => {
      const proof = proofs?.get(proofKey(p, q));
      const after = policy.size === undefined ? '-' : policy.size.parts.length > 0 ? `${policy.size.parts.join('+')}` : String(policy.size.recommended);
      rows.push([
        `${result.principal.kind}/${result.principal.name}`,
        policy.name,
        policy.kind,
        policy.outcome === 'split' ? `split (${policy.create.length})` : policy.outcome,
        String(policy.actionsRemoved),
        policy.size === undefined ? '-' : String(policy.size.original),
        after,
        policy.size === undefined ? '-' : `${policy.size.quota}${policy.kind === 'inline' ? ' (all inline)' : ''}`,
        proof === undefined ? (proofs === undefined ? '' : '-') : proof.report.verdict,
      ]);
    });
  });
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
  for (const result of account.principals) {
    for (const policy of result.policies) {
      for (const note of policy.notes.filter((text) => /not applicable|not refined|different recommendation|split into/.test(text))) {
        lines.push(`note: ${result.principal.kind}/${result.principal.name} ${policy.name}: ${note}`);
      }
    }
  }
  for (const { principal, reason } of account.skipped) lines.push(`skipped: ${principal.kind}/${principal.name}: ${reason}`);
  for (const notice of account.notices) lines.push(`finding: ${notice.resource}: ${notice.message}`);
  const totals = totalsOf(account, proofs);
  lines.push(
    `${totals.principals} principals, ${totals.policies} policies, ${totals.actionsRemoved} actions removed, ${totals.charactersBefore} characters before, ${totals.charactersAfter} after` +
      (totals.notApplicable > 0 ? `, ${totals.notApplicable} not applicable as is` : '') +
      (proofs === undefined ? '' : `; proofs: ${totals.proven} of ${totals.proofs} proven`) +
      ` (${describeCatalog(account.catalog)})`,
  );
  return `${lines.join('\n')}\n`;
}
