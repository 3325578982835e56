import { describeCatalog, type CatalogIdentity } from '../catalog/catalog.js';
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
    // Whether the run proved (--prove): a table then says "-" for a policy with nothing to prove.
    proved: proofs !== undefined,
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
 * findings reported rather than refined, and the totals. Drawn from the JSON report as
 * `accountReport` writes it: the table is drawn from the JSON
 * report, so that `merge` draws the merged report's exactly as the unsharded run draws its own.
 */
export function summaryTableOf(report: JsonObject): string {
  const proved = report.proved === true;
  const rows: string[][] = [['principal', 'policy', 'kind', 'outcome', 'removed', 'chars before', 'chars after', 'quota', 'proof']];
  const notes: string[] = [];
  for (const principal of list(report.principals)) {
    const who = `${text(field(principal, 'principal').kind)}/${text(field(principal, 'principal').name)}`;
    const policies = list(principal.policies);
    if (policies.length === 0) rows.push([who, '-', '-', 'no policies of its own', '', '', '', '', '']);
    for (const policy of policies) {
      const size = policy.size === undefined ? undefined : field(policy, 'size');
      const parts = size === undefined ? [] : (size.parts as readonly number[]);
      rows.push([
        who,
        text(policy.policyName),
        text(policy.kind),
        policy.outcome === 'split' ? `split (${(policy.files as readonly Json[]).length})` : text(policy.outcome),
        String(policy.actionsRemoved),
        size === undefined ? '-' : String(size.original),
        size === undefined ? '-' : parts.length > 0 ? parts.join('+') : String(size.recommended),
        size === undefined ? '-' : `${String(size.quota)}${policy.kind === 'inline' ? ' (all inline)' : ''}`,
        policy.proof === undefined ? (proved ? '-' : '') : text(field(policy, 'proof').verdict),
      ]);
      for (const note of (policy.notes as readonly string[]).filter((line) => /not applicable|not refined|different recommendation|split into/.test(line))) {
        notes.push(`note: ${who} ${text(policy.policyName)}: ${note}`);
      }
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = [...rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()), ...notes];
  for (const skipped of list(report.skipped)) lines.push(`skipped: ${text(skipped.kind)}/${text(skipped.name)}: ${text(skipped.reason)}`);
  for (const notice of list(report.findings)) lines.push(`finding: ${text(notice.resource)}: ${text(notice.message)}`);
  lines.push(`${totalsLine(field(report, 'summary'), proved)} (${describeCatalog(report.catalog as unknown as CatalogIdentity)})`);
  return `${lines.join('\n')}\n`;
}

/** `6 principals, 9 policies, ... after; proofs: 9 of 9 proven`, from a report's `summary`. */
export function totalsLine(totals: JsonObject, proved: boolean): string {
  return (
    `${String(totals.principals)} principals, ${String(totals.policies)} policies, ${String(totals.actionsRemoved)} actions removed, ${String(totals.charactersBefore)} characters before, ${String(totals.charactersAfter)} after` +
    ((totals.notApplicable as number) > 0 ? `, ${String(totals.notApplicable)} not applicable as is` : '') +
    (proved ? `; proofs: ${String(totals.proven)} of ${String(totals.proofs)} proven` : '')
  );
}

// The report is this module's own output: its shape is known.
function list(value: Json | undefined): readonly JsonObject[] {
  return (value ?? []) as readonly JsonObject[];
}

function field(value: JsonObject, key: string): JsonObject {
  return value[key] as JsonObject;
}

function text(value: Json | undefined): string {
  return String(value);
}
