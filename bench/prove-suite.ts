/**
 * The proof suites CI runs (`iam-refine prove proofs`), timed with 1 and 2 jobs, and the slowest
 * cases by solver time:
 *
 *   npx tsx bench/prove-suite.ts [PATHS...]      (default: proofs)
 *
 * The figures are printed, never asserted; the two runs' results are compared (minus times).
 */
import { SolverPool } from '../src/prove/solver/pool.js';
import { recommend } from '../src/recommend/recommend.js';
import { findCaseFiles } from '../src/suite/discover.js';
import { loadCases, type LoadedCase } from '../src/suite/load.js';
import { caseJson } from '../src/suite/report-json.js';
import type { CaseResult } from '../src/suite/run-case.js';
import { proveCases } from '../src/suite/run.js';
import { formatTable, milliseconds } from './table.js';

async function timedRun(cases: readonly LoadedCase[], jobs: number): Promise<{ results: CaseResult[]; wallMs: number }> {
  const started = performance.now();
  const pool = await SolverPool.start({ workers: jobs });
  try {
    const results = await proveCases(cases, { recommender: recommend, pool, update: false });
    return { results, wallMs: milliseconds(started) };
  } finally {
    await pool.close();
  }
}

/** A case's report without its times, to compare two runs. */
const timeless = (result: CaseResult): string => JSON.stringify(caseJson(result), (key, value: unknown) => (key.endsWith('Ms') ? undefined : value));

export async function proveSuiteBench(paths: readonly string[]): Promise<void> {
  const loadStarted = performance.now();
  const cases = loadCases(findCaseFiles(paths));
  const obligations = (results: readonly CaseResult[]) => results.reduce((sum, result) => sum + (result.judged?.obligations ?? 0), 0);
  console.log(`${cases.length} cases from ${paths.join(' ')}, read in ${(milliseconds(loadStarted) / 1000).toFixed(1)} s`);
  const runs = [];
  for (const jobs of [1, 2]) {
    const run = await timedRun(cases, jobs);
    runs.push({ jobs, ...run });
    const passed = run.results.filter((result) => result.status === 'passed').length;
    console.log(`jobs ${jobs}: ${(run.wallMs / 1000).toFixed(1)} s wall, ${obligations(run.results).toLocaleString('en-US')} obligations, ${passed}/${cases.length} passed`);
  }
  const [one, two] = runs;
  const differing = one!.results.filter((result, index) => timeless(result) !== timeless(two!.results[index]!)).map((result) => result.spec.id);
  console.log(differing.length === 0 ? 'jobs 1 and jobs 2: the same results' : `jobs 1 and jobs 2 differ on ${differing.join(', ')}`);
  // The full-corpus determinism check: a difference fails the script.
  if (differing.length > 0) process.exitCode = 1;

  const solverMs = (result: CaseResult) => (result.judged?.solverMs ?? 0) + (result.previous?.solverMs ?? 0);
  const totalSolver = one!.results.reduce((sum, result) => sum + solverMs(result), 0);
  const slowest = [...one!.results].sort((a, b) => solverMs(b) - solverMs(a)).slice(0, 12);
  console.log(`\nslowest cases (jobs 1; solver time, all cases: ${(totalSolver / 1000).toFixed(1)} s)\n`);
  console.log(
    formatTable(
      ['case', 'statements', 'obligations', 'solver s', 'case s', 'size'],
      slowest.map((result) => [
        result.spec.id,
        cases.find((loaded) => loaded.spec.id === result.spec.id)!.policy.statements.length,
        result.judged?.obligations ?? 0,
        Number((solverMs(result) / 1000).toFixed(1)),
        Number((result.timeMs / 1000).toFixed(1)),
        result.judged?.size ?? 0,
      ]),
    ),
  );
}

await proveSuiteBench(process.argv.length > 2 ? process.argv.slice(2) : ['proofs']);
