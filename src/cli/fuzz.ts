import { randomInt } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Granularity } from '../catalog/tokenize.js';
import { fuzzReportJson, fuzzReportText, mutantLine, worstFailure, type FuzzReport } from '../fuzz/campaign-report.js';
import { CAMPAIGN_CONSTRAINTS, runFuzzCampaign } from '../fuzz/fuzz-campaign.js';
import { runMutationCampaign, type MutationCampaignResult } from '../fuzz/mutation-campaign.js';
import { ALL_RECOMMENDER_MUTANTS } from '../fuzz/recommender-mutants/all-recommender-mutants.js';
import { fuzzIdentity } from '../fuzz/shard.js';
import { InputError } from '../input/input-error.js';
import { printJson } from '../policy/print.js';
import { runRange, shardPositions } from '../shard/split.js';
import type { Shard } from '../shard/shard.js';
import { startSolver, type SolverBackEnd } from '../prove/solver/start.js';
import { EXIT } from './exit-codes.js';
import { integerOption, OPTION_BOUNDS, quietOption, solverOption, timeoutOption, workersOption } from './options.js';
import { observedSolver } from '../prove/solver/solver.js';
import { createProgress } from './progress.js';
import { loadRecommender } from './recommender-module.js';
import { shardOption } from './shard-option.js';
import { solverOptions } from './solver-flags.js';

interface FuzzFlags {
  readonly runs: number;
  readonly seed?: number;
  readonly mutants?: boolean;
  readonly mutantRuns: number;
  readonly recommender?: string;
  readonly format: 'text' | 'json';
  readonly granularity?: Granularity;
  readonly solverShare: number;
  readonly specShare: number;
  readonly largeServices: boolean;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly quiet?: boolean;
  readonly shard?: Shard;
}

export function fuzzCommand(): Command {
  return new Command('fuzz')
    .description('hunt for inputs on which a recommender is wrong: random cases recommended, judged by the concrete oracle and checked by Z3, which must agree')
    .addOption(integerOption('--runs <n>', 'random cases', OPTION_BOUNDS.runs).default(300))
    .addOption(integerOption('--seed <seed>', 'the random seed, to replay a run', OPTION_BOUNDS.seed, 'default: a new one, printed'))
    .option('--mutants', 'also run the mutation campaign: each seeded mutant recommender must be exposed and refuted with the claim it breaks')
    // The oracle screens a mutant's cases at about a thousand a second, so the search can afford many more than --runs.
    .addOption(integerOption('--mutant-runs <n>', 'with --mutants: the most cases tried per mutant', OPTION_BOUNDS.mutantRuns).default(2000))
    .option('--recommender <module>', "fuzz this module's recommend (or default) export instead of iam-refine's recommender")
    .addOption(new Option('--format <format>', 'text for people, json for machines').choices(['text', 'json']).default('text'))
    .addOption(new Option('--granularity <granularity>', 'only this granularity (default: both, at random)').choices(['word', 'char']))
    .addOption(new Option('--solver-share <fraction>', 'the share of cases Z3 checks besides the oracle, from 0 to 1').argParser(fraction).default(1))
    .addOption(new Option('--spec-share <fraction>', 'the share of the cases Z3 checks on a small catalog (under 300 actions) that the specification encoder checks too, which must agree with the checker').argParser(fraction).default(0.2))
    .option('--no-large-services', 'leave out the occasional service of 1,000+ actions (faster)')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(quietOption())
    .addOption(shardOption('runs (and, with --mutants, of the mutants); needs --seed'))
    .action(async (flags: FuzzFlags) => {
      if (flags.shard !== undefined && flags.seed === undefined) throw new InputError('--shard', [], 'needs --seed: every shard must draw from the same campaign');
      const recommender = await loadRecommender(flags.recommender);
      const seed = flags.seed ?? randomInt(2 ** 31);
      const identity = fuzzIdentity({
        runs: flags.runs,
        seed,
        recommender: flags.recommender ?? 'iam-refine',
        ...(flags.recommender === undefined ? {} : { recommenderFile: flags.recommender }),
        granularity: flags.granularity ?? 'both',
        solverShare: flags.solverShare,
        specShare: flags.specShare,
        largeServices: flags.largeServices,
        mutantRuns: flags.mutants === true ? flags.mutantRuns : undefined,
        timeoutMs: flags.timeoutMs,
        solver: flags.solver ?? 'wasm',
      });
      const share = flags.shard === undefined ? { first: 0, count: flags.runs } : runRange(flags.runs, flags.shard);
      const shard = flags.shard === undefined ? undefined : { ...flags.shard, positions: Array.from({ length: share.count }, (_, at) => share.first + at) };
      const mutantPositions = flags.shard === undefined ? undefined : new Set(shardPositions(ALL_RECOMMENDER_MUTANTS.map((mutant) => ({ id: mutant.name, cost: 1 })), flags.shard));
      const mutantsOfShard = ALL_RECOMMENDER_MUTANTS.filter((_, position) => mutantPositions === undefined || mutantPositions.has(position));
      const pool = await startSolver(solverOptions(flags));
      try {
        // A case can take minutes on a large service: the obligations solved inside it count too.
        const cases = createProgress({ total: share.count, noun: 'cases', label: 'fuzz', stepNoun: 'obligations', quiet: flags.quiet === true });
        const campaign = await runFuzzCampaign({
          runs: share.count,
          firstRun: share.first,
          seed,
          recommender,
          pool: observedSolver(pool, { onSettled: () => cases.step() }),
          solverShare: flags.solverShare,
          specShare: flags.specShare,
          constraints: { ...(flags.largeServices ? CAMPAIGN_CONSTRAINTS : {}), ...(flags.granularity === undefined ? {} : { granularity: flags.granularity }) },
          onCase: ({ failed }) => cases.advance({ failed }),
        });
        cases.finish();
        let mutation: MutationCampaignResult | undefined;
        if (flags.mutants === true) {
          const mutants = createProgress({ total: mutantsOfShard.length, noun: 'mutants', label: 'fuzz --mutants', stepNoun: 'obligations', quiet: flags.quiet === true });
          const constraints = flags.granularity === undefined ? {} : { granularity: flags.granularity };
          mutation = await runMutationCampaign({ runs: flags.mutantRuns, seed, pool: observedSolver(pool, { onSettled: () => mutants.step() }), constraints, mutants: mutantsOfShard, onMutant: (result) => mutants.advance({ failed: !result.killed, line: mutantLine(result) }) });
          mutants.finish();
        }
        const report: FuzzReport = {
          recommender: flags.recommender ?? 'iam-refine',
          granularity: flags.granularity ?? 'both',
          campaign,
          ...(mutation === undefined ? {} : { mutation }),
          identity,
          ...(shard === undefined ? {} : { shard }),
        };
        process.stdout.write(flags.format === 'json' ? printJson(fuzzReportJson(report)) : fuzzReportText(report));
        process.exitCode = fuzzExitCode(worstFailure(report));
      } finally {
        await pool.close();
      }
    });
}

export function fuzzExitCode(failure: ReturnType<typeof worstFailure>): number {
  switch (failure) {
    case undefined:
      return EXIT.ok;
    case 'checker-disagrees':
    case 'encoders-disagree':
      return EXIT.internal;
    case 'unknown':
      return EXIT.unknown;
    default:
      return EXIT.refuted;
  }
}

function fraction(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new InvalidArgumentError('expected a number from 0 to 1');
  return value;
}
