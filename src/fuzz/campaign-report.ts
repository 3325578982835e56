import type { Json, JsonObject } from '../input/json.js';
import { runJson, shardJson, type RunIdentity, type ShardPart } from '../shard/provenance.js';
import { claimInfo } from '../prove/claims.js';
import type { RefutedClaim } from './cross-check.js';
import { describeRefuted, type FailureKind, type FuzzCampaignResult, type SpecificationCounts } from './fuzz-campaign.js';
import type { MutantResult, MutationCampaignResult } from './mutation-campaign.js';

/** A whole `iam-refine fuzz` run: the cross-checking campaign and, with `--mutants`, the mutation campaign. */
export interface FuzzReport {
  /** Who recommended: `iam-refine`, or the module of `--recommender`. */
  readonly recommender: string;
  readonly granularity: 'word' | 'char' | 'both';
  readonly campaign: FuzzCampaignResult;
  readonly mutation?: MutationCampaignResult;
  /** What the run was computed from (src/shard/provenance.ts), for `merge`. */
  readonly identity?: RunIdentity;
  /** For `--shard`: which runs of the campaign this report holds. */
  readonly shard?: ShardPart;
}

/** Whether everything held: no failing case, and every mutant killed without a checker disagreement. */
export function fuzzHeld(report: FuzzReport): boolean {
  return report.campaign.failure === undefined && (report.mutation === undefined || report.mutation.killed === report.mutation.total);
}

/** The one failure that decides the exit code, most serious first: a checker bug (Z3 against the oracle, then the two encoders), an undecided claim, a wrong recommender or a surviving mutant. */
export function worstFailure(report: FuzzReport): FailureKind | 'mutant-survived' | undefined {
  const kind = report.campaign.failure?.kind;
  if (kind === 'checker-disagrees' || report.mutation?.results.some((result) => result.checkerDisagrees)) return 'checker-disagrees';
  if (kind === 'encoders-disagree') return kind;
  if (kind !== undefined) return kind;
  return report.mutation !== undefined && report.mutation.killed < report.mutation.total ? 'mutant-survived' : undefined;
}

export function fuzzReportText(report: FuzzReport): string {
  const { campaign } = report;
  const lines = [
    `fuzz: seed ${campaign.seed}, ${campaign.runs} cases${shareText(report)}, ${report.granularity === 'both' ? 'both granularities' : `${report.granularity} granularity`}, recommender ${report.recommender}`,
    `  ${campaign.cases} cases recommended and judged by the oracle; ${campaign.checked} checked by Z3 too (${campaign.obligations} obligations), and ${campaign.mutantsChecked} broken outputs of them`,
    `  ${specificationLine(campaign.specification)}`,
  ];
  const { failure } = campaign;
  if (failure === undefined) {
    lines.push('  every recommendation held all five claims, and Z3 agreed with the oracle on every claim');
  } else {
    lines.push(
      `  FAILED (${failure.kind}): ${failure.message}`,
      `  smallest case (fast-check seed ${failure.seed}, path ${failure.path}):`,
      `    ${JSON.stringify(failure.case)}`,
      `  recommended: ${failure.recommended === undefined ? 'nothing (DETACH_POLICY)' : JSON.stringify(failure.recommended)}`,
      ...refutations('oracle', failure.oracle),
      ...(failure.checker === undefined ? [] : refutations('Z3', failure.checker)),
      ...(failure.encoders === undefined ? [] : ['  verdicts (specification encoder / checker):', ...failure.encoders.map((item) => `    statement ${item.statement} ${item.claim}: ${item.specification} / ${item.checker}${item.specification === item.checker ? '' : '  <--'}`)]),
    );
  }
  if (report.mutation !== undefined) lines.push('', ...mutationLines(report.mutation));
  lines.push('', `verdict: ${fuzzHeld(report) ? 'HELD' : 'FAILED'}`);
  return `${lines.join('\n')}\n`;
}

/** For a shard: which runs of the campaign (and mutants) it ran. */
function shareText(report: FuzzReport): string {
  if (report.shard === undefined) return '';
  const first = report.campaign.firstRun ?? 0;
  const mutants = report.mutation === undefined ? '' : `, ${report.mutation.total} of the mutants`;
  return ` (shard ${report.shard.index}/${report.shard.count}: runs ${first} to ${first + report.campaign.runs - 1} of ${report.identity?.items ?? '?'}${mutants})`;
}

/** `specification encoder: 12 cases (80 outputs), 610 claims compared: 605 agreed, 5 undecided`. */
export function specificationLine(counts: SpecificationCounts): string {
  if (counts.cases === 0) return 'specification encoder: not run (--spec-share 0, or no case with a small catalog checked by Z3)';
  return `specification encoder: ${counts.cases} cases (${counts.outputs} outputs, correct and broken), ${counts.claims} claims compared with the checker: ${counts.agreed} agreed, ${counts.undecided} undecided`;
}

function refutations(judge: string, claims: readonly RefutedClaim[]): string[] {
  if (claims.length === 0) return [`  ${judge} refutes nothing`];
  return claims.map((claim) => `  ${judge} refutes ${describeRefuted(claim)}${claim.example === undefined ? '' : ` (counterexample: ${claim.example})`}`);
}

function mutationLines(mutation: MutationCampaignResult): string[] {
  const lines = [`mutant recommenders (seed ${mutation.seed}):`];
  for (const result of mutation.results) lines.push(...mutantLines(result));
  const percent = mutation.total === 0 ? 100 : Math.round((100 * mutation.killed) / mutation.total);
  lines.push(`mutation score: ${mutation.killed}/${mutation.total} (${percent}%)`);
  return lines;
}

/** One mutant: killed or not, the claim Z3 refuted, and the smallest input that exposed it. */
export function mutantLine(result: MutantResult): string {
  const claims = result.breaks.map((claim) => claimInfo(claim).number).join(', ');
  if (!result.killed) return `  ${result.name}: SURVIVED (${result.reason ?? 'not refuted'}); expected to break claim ${claims}`;
  return `  ${result.name}: killed after ${result.runs} case${result.runs === 1 ? '' : 's'}: Z3 refutes ${describeRefuted(result.refuted!)}`;
}

function mutantLines(result: MutantResult): string[] {
  const lines = [mutantLine(result), `    bug: ${result.bug}`];
  if (result.case !== undefined) lines.push(`    input: ${JSON.stringify(result.case)}`, `    its recommendation: ${result.recommended === undefined ? 'nothing (DETACH_POLICY)' : JSON.stringify(result.recommended)}`);
  return lines;
}

/** The report for machines: everything above, as JSON. */
export function fuzzReportJson(report: FuzzReport): JsonObject {
  const mutation = report.mutation;
  return {
    held: fuzzHeld(report),
    recommender: report.recommender,
    granularity: report.granularity,
    ...(report.identity === undefined ? {} : { run: runJson(report.identity) }),
    ...(report.shard === undefined ? {} : { shard: shardJson(report.shard) }),
    campaign: toJson(report.campaign),
    ...(mutation === undefined ? {} : { mutation: { ...(toJson(mutation) as JsonObject), score: mutation.total === 0 ? 1 : mutation.killed / mutation.total } }),
  };
}

/** Campaign results are plain data (no `undefined` fields are written): a JSON round trip. */
function toJson(value: object): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
