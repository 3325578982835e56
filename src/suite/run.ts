import type { Solver } from '../prove/solver/solver.js';
import type { Recommender } from '../recommend/recommender.js';
import type { LoadedCase } from './load.js';
import { runCase, type CaseResult, type ReportedCase } from './run-case.js';

export interface ProveCasesOptions {
  readonly recommender: Recommender;
  /** One pool for every case: its workers stay warm, and cases in flight share them. */
  readonly pool: Solver;
  readonly update: boolean;
  /**
   * How many cases are in flight at once (recommending, or waiting on the pool); default: one per
   * solver worker. Measured on 2 cores, 119 corpus cases on 2 workers: 2 in flight 47 to 51 s,
   * 4 in flight 59 to 60 s, 3 in flight 77 s, 1 in flight 65 s: more cases in flight only add
   * planning on the main thread, which competes with the workers for the cores.
   */
  readonly concurrency?: number;
  /** Called as each case ends, in the order they end. */
  readonly onResult?: (result: CaseResult) => void;
}

/** Runs the cases, a few at a time on the shared pool; the results come back in the cases' order. */
export async function proveCases(cases: readonly LoadedCase[], options: ProveCasesOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array<CaseResult>(cases.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const result = await runCase(cases[index]!, options);
      results[index] = result;
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? options.pool.workers, cases.length)) }, lane));
  return results;
}

/** The counts of a run, for one suite or for all. */
export interface Tally {
  readonly suite: string;
  readonly cases: number;
  /** Passed with every claim proven. */
  readonly proven: number;
  /** Passed with exactly the expected refutations (a given wrong recommendation). */
  readonly refutedAsExpected: number;
  readonly failed: number;
  readonly unknown: number;
  /** The cases' own times added up (cases overlap: this is more than the wall time). */
  readonly timeMs: number;
}

/** One tally per suite in the order the suites first appear, then the total (suite `all`). */
export function tallies(results: readonly ReportedCase[]): Tally[] {
  const suites = [...new Set(results.map((result) => result.spec.suite))];
  return [...suites.map((suite) => tally(suite, results.filter((result) => result.spec.suite === suite))), tally('all', results)];
}

function tally(suite: string, results: readonly ReportedCase[]): Tally {
  const passed = results.filter((result) => result.status === 'passed');
  return {
    suite,
    cases: results.length,
    proven: passed.filter((result) => result.judged?.verdict === 'proven').length,
    refutedAsExpected: passed.filter((result) => result.judged?.verdict === 'refuted').length,
    failed: results.filter((result) => result.status === 'failed').length,
    unknown: results.filter((result) => result.status === 'unknown').length,
    timeMs: results.reduce((sum, result) => sum + result.timeMs, 0),
  };
}
