import type { Json, JsonObject } from '../input/json.js';
import { claimJson } from '../prove/report-json.js';
import type { CaseResult, JudgedRecommendation } from './run-case.js';
import type { Tally } from './run.js';

/**
 * The run for machines (`prove --json FILE`). Apart from the `timeMs` fields it depends only on
 * the cases, the recommender and the solver: two runs, with any number of jobs, compare equal.
 */
export function suiteReportJson(results: readonly CaseResult[], tallies: readonly Tally[], run: { readonly recommender: string; readonly solver: string; readonly wallMs: number }): JsonObject {
  return {
    recommender: run.recommender,
    solver: run.solver,
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

export function caseJson(result: CaseResult): JsonObject {
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

/** A judged recommendation: verdict, action, size, obligations, every claim, and the solver's time. */
export function judgedJson(judged: JudgedRecommendation): JsonObject {
  return {
    verdict: judged.verdict,
    action: judged.action,
    size: judged.size,
    obligations: judged.obligations,
    claims: judged.claims.map((claim): Json => claimJson(claim)),
    solverMs: Math.round(judged.solverMs),
  };
}
