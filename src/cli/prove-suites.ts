import { Command, Option } from 'commander';
import { printJson } from '../policy/print.js';
import { SolverPool } from '../prove/solver/pool.js';
import { findCaseFiles } from '../suite/discover.js';
import { junitXml } from '../suite/junit.js';
import { loadCases, type LoadedCase } from '../suite/load.js';
import { suiteReportJson } from '../suite/report-json.js';
import type { CaseResult } from '../suite/run-case.js';
import { proveCases, tallies } from '../suite/run.js';
import { caseDetails, caseLine, suiteSummaryTable } from '../suite/text.js';
import { EXIT } from './exit-codes.js';
import { positiveInteger, timeoutOption } from './options.js';
import { writeResult } from './output.js';
import { createProgress } from './progress.js';
import { loadRecommender } from './recommender-module.js';

interface ProveSuitesFlags {
  readonly update?: boolean;
  readonly junit?: string;
  readonly json?: string;
  readonly jobs?: number;
  readonly recommender?: string;
  readonly timeoutMs: number;
}

export function proveCommand(): Command {
  return new Command('prove')
    .description('run proof suites: recommend each case, compare with its snapshot, prove the claims of the checker')
    .argument('[paths...]', 'suite folders, case folders or case.json files', ['proofs'])
    .option('--update', 'rewrite the snapshot of each case whose recommendation changed, when it still has the expected verdict')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--json <file>', 'also write the results as JSON')
    .addOption(new Option('--jobs <n>', 'solver workers shared by the cases (default: the cores, at most 4)').argParser(positiveInteger))
    .option('--recommender <module>', "prove this module's recommend function instead of iam-refine's")
    .addOption(timeoutOption())
    .action(async (paths: string[], flags: ProveSuitesFlags) => {
      const started = performance.now();
      const recommender = await loadRecommender(flags.recommender);
      const cases = loadCases(findCaseFiles(paths));
      const pool = await SolverPool.start(flags.jobs === undefined ? { timeoutMs: flags.timeoutMs } : { timeoutMs: flags.timeoutMs, workers: flags.jobs });
      let results: CaseResult[];
      try {
        const interactive = process.stderr.isTTY === true;
        const progress = createProgress({ total: cases.length, noun: 'cases' });
        results = await proveCases(cases, {
          recommender,
          pool,
          update: flags.update === true,
          // On a terminal the bar counts; only the cases that need a look get a line.
          onResult: (result) => progress.advance({ failed: result.status !== 'passed', ...(interactive && result.status === 'passed' ? {} : { line: caseLine(result) }) }),
        });
        progress.finish();
      } finally {
        await pool.close();
      }
      const wallMs = performance.now() - started;
      const counts = tallies(results);
      for (const result of results) if (result.status !== 'passed' || result.snapshot === 'updated') process.stdout.write(`\n${caseDetails(result)}`);
      process.stdout.write(`\n${suiteSummaryTable(counts, wallMs)}`);
      const inputs = inputFiles(cases);
      if (flags.junit !== undefined) writeResult(junitXml(results, counts, wallMs), flags.junit, inputs);
      if (flags.json !== undefined) writeResult(printJson(suiteReportJson(results, counts, { recommender: flags.recommender ?? 'iam-refine', solver: pool.version, wallMs })), flags.json, inputs);
      process.exitCode = results.some((result) => result.status === 'failed') ? EXIT.refuted : results.some((result) => result.status === 'unknown') ? EXIT.unknown : EXIT.ok;
    });
}

/** Every file a case reads, so that a report is never written over one. */
function inputFiles(cases: readonly LoadedCase[]): string[] {
  return cases.flatMap(({ spec }) => [spec.file, spec.policy, spec.unused, spec.catalog, spec.subject.file]);
}
