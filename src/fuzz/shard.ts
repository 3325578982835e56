import { InputError } from '../input/input-error.js';
import type { JsonObject } from '../input/json.js';
import { jsonReader } from '../input/json-reader.js';
import { fileDigester, identityOf, joinShards, readProvenance, type RunIdentity, type ShardReport } from '../shard/provenance.js';
import { TOOL_VERSION } from '../version.js';
import type { FuzzReport } from './campaign-report.js';
import type { FuzzCampaignResult, SpecificationCounts } from './fuzz-campaign.js';
import type { MutantResult, MutationCampaignResult } from './mutation-campaign.js';
import { ALL_RECOMMENDER_MUTANTS } from './recommender-mutants/all-recommender-mutants.js';

/** Every option of `fuzz` that changes what a campaign finds, as `merge` compares them. */
export interface FuzzRunOptions {
  readonly runs: number;
  readonly seed: number;
  readonly recommender: string;
  readonly recommenderFile?: string;
  readonly granularity: string;
  readonly solverShare: number;
  readonly specShare: number;
  readonly largeServices: boolean;
  /** The most cases per mutant, with `--mutants`. */
  readonly mutantRuns: number | undefined;
  readonly timeoutMs: number;
  readonly solver: string;
}

/** A campaign's items are its runs, by index: shards split them into contiguous blocks (src/shard/split.ts `runRange`). */
export function fuzzIdentity(options: FuzzRunOptions): RunIdentity {
  const inputs: Record<string, string> = {
    seed: String(options.seed),
    runs: String(options.runs),
    recommender: options.recommender,
    ...(options.recommenderFile === undefined ? {} : { 'recommender module': fileDigester()(options.recommenderFile) }),
    granularity: options.granularity,
    solverShare: String(options.solverShare),
    specShare: String(options.specShare),
    largeServices: String(options.largeServices),
    mutants: options.mutantRuns === undefined ? 'none' : `${ALL_RECOMMENDER_MUTANTS.length}, at most ${options.mutantRuns} cases each`,
    solver: options.solver,
    timeoutMs: String(options.timeoutMs),
  };
  return identityOf('fuzz', TOOL_VERSION, inputs, Array.from({ length: options.runs }, (_, run) => String(run)));
}

/** A `fuzz --format json` report read back. */
export interface FuzzShardReport extends ShardReport {
  readonly report: FuzzReport;
}

export function readFuzzReport(value: JsonObject, file: string): FuzzShardReport {
  const read = jsonReader(file);
  const { identity, shard } = readProvenance(value, file);
  const campaign = read.object(value.campaign, ['campaign']);
  for (const key of ['seed', 'runs', 'cases', 'checked', 'obligations', 'mutantsChecked'] as const) read.number(campaign[key], ['campaign', key]);
  const specification = read.object(campaign.specification, ['campaign', 'specification']);
  for (const key of ['cases', 'outputs', 'claims', 'agreed', 'undecided'] as const) read.number(specification[key], ['campaign', 'specification', key]);
  if (campaign.failure !== undefined) read.object(campaign.failure, ['campaign', 'failure']);
  const mutation = value.mutation === undefined ? undefined : read.object(value.mutation, ['mutation']);
  if (mutation !== undefined) read.list(mutation.results, ['mutation', 'results']).forEach((result, at) => read.string(read.object(result, ['mutation', 'results', at]).name, ['mutation', 'results', at, 'name']));
  const report: FuzzReport = {
    recommender: read.string(value.recommender, ['recommender']),
    granularity: read.oneOf(value.granularity, ['granularity'], ['word', 'char', 'both'] as const),
    // Checked above where merging reads them; the rest is carried through as the shard wrote it.
    campaign: campaign as unknown as FuzzCampaignResult,
    ...(mutation === undefined ? {} : { mutation: mutation as unknown as MutationCampaignResult }),
    identity,
    ...(shard === undefined ? {} : { shard }),
  };
  return { file, identity, shard, held: report.campaign.runs, report };
}

/**
 * The shards' campaigns as the unsharded campaign: the runs in order, up to the first failure,
 * which ends the campaign as it would have ended the unsharded one; what later shards found
 * after that point is not part of it (and is returned apart, to be mentioned). The mutants'
 * results, in the campaign's order of mutants.
 */
export function mergeFuzzReports(reports: readonly FuzzShardReport[]): { readonly report: FuzzReport; readonly beyond: readonly string[] } {
  joinShards(reports);
  const ordered = [...reports].sort((a, b) => (a.shard?.index ?? 1) - (b.shard?.index ?? 1));
  const first = ordered[0]!.report;
  const totals = { cases: 0, checked: 0, obligations: 0, mutantsChecked: 0 };
  const specification: Record<keyof SpecificationCounts, number> = { cases: 0, outputs: 0, claims: 0, agreed: 0, undecided: 0 };
  let failure: FuzzCampaignResult['failure'];
  const beyond: string[] = [];
  for (const { report, file } of ordered) {
    if (report.recommender !== first.recommender || report.granularity !== first.granularity) throw new InputError(file, ['recommender'], 'recommender or granularity differs from the other shards');
    if (failure !== undefined) {
      if (report.campaign.failure !== undefined) beyond.push(`${file}: ${report.campaign.failure.kind}: ${report.campaign.failure.message}`);
      continue;
    }
    for (const key of ['cases', 'checked', 'obligations', 'mutantsChecked'] as const) totals[key] += report.campaign[key];
    for (const key of Object.keys(specification) as (keyof SpecificationCounts)[]) specification[key] += report.campaign.specification[key];
    failure = report.campaign.failure;
  }
  const campaign: FuzzCampaignResult = { seed: first.campaign.seed, runs: ordered[0]!.identity.items, ...totals, specification, ...(failure === undefined ? {} : { failure }) };
  const mutation = mergeMutations(ordered);
  return { report: { recommender: first.recommender, granularity: first.granularity, campaign, ...(mutation === undefined ? {} : { mutation }), identity: ordered[0]!.identity }, beyond };
}

function mergeMutations(reports: readonly FuzzShardReport[]): MutationCampaignResult | undefined {
  const withMutants = reports.filter(({ report }) => report.mutation !== undefined);
  if (withMutants.length === 0) return undefined;
  const byName = new Map<string, { result: MutantResult; file: string }>();
  for (const { report, file } of withMutants) {
    for (const result of report.mutation!.results) {
      const twice = byName.get(result.name);
      if (twice !== undefined) throw new InputError(file, ['mutation'], `mutant ${result.name} is also in ${twice.file}: the shards overlap`);
      byName.set(result.name, { result, file });
    }
  }
  const missing = ALL_RECOMMENDER_MUTANTS.filter((mutant) => !byName.has(mutant.name));
  if (missing.length > 0) throw new InputError('merge', [], `no shard holds the mutants ${missing.map((mutant) => mutant.name).join(', ')}`);
  const results = ALL_RECOMMENDER_MUTANTS.map((mutant) => byName.get(mutant.name)!.result);
  return { seed: withMutants[0]!.report.mutation!.seed, results, killed: results.filter((result) => result.killed).length, total: results.length };
}
