import type { Json, JsonObject } from '../input/json.js';
import { claimJson } from '../prove/report-json.js';
import type { ReportedCase, JudgedRecommendation } from './run-case.js';
import type { Tally } from './run.js';
import { runJson, shardJson, type RunIdentity, type ShardPart } from '../shard/provenance.js';

/** What a report says about its run besides the results. */
export interface SuiteRun {
  readonly recommender: string;
  readonly solver: string;
  readonly wallMs: number;
  /** What the run was computed from (src/shard/provenance.ts), for `merge`; absent in reports of the library's own callers. */
  readonly identity?: RunIdentity;
  /** For `--shard`: which share of the cases this report holds. */
  readonly shard?: ShardPart;
}

/**
 * The run for machines (`prove --json FILE`). Apart from the `timeMs` fields it depends only on
 * the cases, the recommender and the solver: two runs, with any number of jobs, compare equal;
 * and so do the shards' reports merged (`iam-refine merge`) and the unsharded run's.
 */
export function suiteReportJson(results: readonly ReportedCase[], tallies: readonly Tally[], run: SuiteRun): JsonObject {
  return {
    recommender: run.recommender,
    solver: run.solver,
    ...(run.identity === undefined ? {} : { run: runJson(run.identity) }),
    ...(run.shard === undefined ? {} : { shard: shardJson(run.shard) }),
    summary: tallies.map(
      (tally): JsonObject => ({
        suite: tally.suite,
        cases: tally.cases,
        proven: tally.proven,
        refutedAsExpected: tally.refutedAsExpected,
        failed: tally.failed,
        unknown: tally.unknown,
        timeMs: Math.round(tally.suite === 'all' ? run.wallMs : tally.timeMs),
      }),
    ),
    cases: results.map(caseJson),
  };
}

export function caseJson(result: ReportedCase): JsonObject {
  return {
    id: result.spec.id,
    suite: result.spec.suite,
    description: result.spec.description,
    granularity: result.spec.granularity,
    status: result.status,
    snapshot: result.snapshot,
    problems: [...result.problems],
    ...(result.judged === undefined ? {} : { recommendation: judgedJson(result.judged) }),
    ...(result.previous === undefined ? {} : { previous: judgedJson(result.previous) }),
    ...(result.diff === undefined ? {} : { diff: result.diff }),
    ...(result.meaning === undefined ? {} : { meaning: [...result.meaning] }),
    timeMs: Math.round(result.timeMs),
  };
}

/** A judged recommendation: verdict, action, size, obligations, every claim, the findings spelled out, and the solver's time. */
export function judgedJson(judged: JudgedRecommendation): JsonObject {
  return {
    verdict: judged.verdict,
    action: judged.action,
    size: judged.size,
    obligations: judged.obligations,
    claims: judged.claims.map((claim): Json => claimJson(claim)),
    findings: [...judged.findings],
    solverMs: Math.round(judged.solverMs),
  };
}
