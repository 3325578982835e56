import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { InputError } from '../input/input-error.js';
import { readJsonFile, SIZE_LIMITS } from '../input/read-json.js';
import { printJson } from '../policy/print.js';
import { startSolver, type SolverBackEnd } from '../prove/solver/start.js';
import { shardPositions } from '../shard/split.js';
import { shardName, type Shard } from '../shard/shard.js';
import { findCaseFiles } from '../suite/discover.js';
import { junitXml } from '../suite/junit.js';
import { loadCases, type LoadedCase } from '../suite/load.js';
import { recordDifferences, recordOf, updatedRecord, withoutCases } from '../suite/record.js';
import { proofCaseItems, suiteIdentity } from '../suite/shard.js';
import { suiteReportJson } from '../suite/report-json.js';
import type { CaseResult } from '../suite/run-case.js';
import { proveCases, tallies } from '../suite/run.js';
import { caseDetails, caseLine, suiteSummaryTable } from '../suite/text.js';
import { EXIT } from './exit-codes.js';
import { integerOption, OPTION_BOUNDS, quietOption, solverOption, timeoutOption } from './options.js';
import { memoizedSolver } from '../prove/solver/memoized.js';
import { observedSolver } from '../prove/solver/solver.js';
import { sarifLog } from '../report/sarif.js';
import { suiteSarifRun } from '../suite/sarif.js';
import { checkOutputFile } from '../output/guard.js';
import { writeResult } from './output.js';
import { createProgress } from './progress.js';
import { loadRecommender } from './recommender-module.js';
import { shardOption } from './shard-option.js';
import { solverOptions } from './solver-flags.js';

interface ProveSuitesFlags {
  readonly update?: boolean;
  readonly junit?: string;
  readonly json?: string;
  readonly record?: string;
  readonly jobs?: number;
  readonly recommender?: string;
  readonly timeoutMs: number;
  readonly solver?: SolverBackEnd;
  readonly sarif?: string;
  readonly quiet?: boolean;
  readonly shard?: Shard;
}

export function proveCommand(): Command {
  return new Command('prove')
    .description('run proof suites: recommend each case, compare with its snapshot, prove the claims of the checker')
    .argument('[paths...]', 'suite folders, case folders or case.json files', ['proofs'])
    .option('--update', 'rewrite the snapshot of each case whose recommendation changed, when it still has the expected verdict')
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--json <file>', 'also write the results as JSON (- for standard output)')
    .option('--sarif <file>', 'also write every refuted or unknown claim as SARIF 2.1.0, for code scanning')
    .option('--record <file>', 'compare every verdict, claim and witness with this record of an earlier run (with --update: write it)')
    .addOption(integerOption('--jobs <n>', 'solver workers shared by the cases', OPTION_BOUNDS.jobs, 'default: the cores, at most 4'))
    .option('--recommender <module>', "prove this module's recommend function instead of iam-refine's")
    .addOption(timeoutOption())
    .addOption(solverOption())
    .addOption(quietOption())
    .addOption(shardOption('cases, balanced by the obligations of each case in --record'))
    .action(async (paths: string[], flags: ProveSuitesFlags) => {
      const started = performance.now();
      const recommender = await loadRecommender(flags.recommender);
      const everyCase = loadCases(findCaseFiles(paths));
      if (flags.update === true) checkSnapshots(everyCase);
      if (flags.update === true && flags.shard !== undefined) throw new InputError('--shard', [], 'cannot be used with --update: update snapshots and the record in one unsharded run');
      if (flags.record !== undefined && flags.update !== true && !existsSync(flags.record)) {
        throw new InputError(flags.record, [], 'no such proof record (run once with --update to write it)');
      }
      const specs = everyCase.map(({ spec }) => spec);
      const identity = suiteIdentity(specs, {
        recommender: flags.recommender ?? 'iam-refine',
        ...(flags.recommender === undefined ? {} : { recommenderFile: flags.recommender }),
        timeoutMs: flags.timeoutMs,
        solver: flags.solver ?? 'wasm',
      });
      const recorded = flags.record === undefined || !existsSync(flags.record) ? undefined : readJsonFile(flags.record, SIZE_LIMITS.catalog).value;
      const shard = flags.shard === undefined ? undefined : { ...flags.shard, positions: shardPositions(proofCaseItems(specs, recorded, flags.record), flags.shard) };
      const cases = shard === undefined ? everyCase : shard.positions.map((position) => everyCase[position]!);
      if (shard !== undefined) process.stderr.write(`shard ${shardName(shard)}: ${cases.length} of ${everyCase.length} cases\n`);
      const pool = await startSolver(solverOptions({ timeoutMs: flags.timeoutMs, workers: flags.jobs, solver: flags.solver }));
      let results: CaseResult[];
      try {
        const interactive = process.stderr.isTTY === true;
        const progress = createProgress({ total: cases.length, noun: 'cases', label: 'prove', stepNoun: 'obligations', quiet: flags.quiet === true });
        results = await proveCases(cases, {
          recommender,
          // The cases of one policy (unused sets none, random, all) share a fifth of their scripts: each is solved once.
          pool: observedSolver(memoizedSolver(pool), { onSettled: () => progress.step() }),
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
      if (flags.sarif !== undefined) writeResult(printJson(sarifLog([suiteSarifRun(cases, results)])), flags.sarif, inputs);
      const run = { recommender: flags.recommender ?? 'iam-refine', solver: pool.version, wallMs, identity, ...(shard === undefined ? {} : { shard }) };
      if (flags.json !== undefined) writeResult(printJson(suiteReportJson(results, counts, run)), flags.json, inputs);
      // A shard compares its own cases; the others' are another shard's to compare (and merge's, all together).
      const mine = new Set(shard?.positions);
      const others = new Set(shard === undefined ? [] : specs.filter((_, position) => !mine.has(position)).map((spec) => spec.id));
      const departures = flags.record === undefined ? [] : keepRecord(results, flags.record, flags.update === true, inputs, others);
      const failed = results.some((result) => result.status === 'failed') || departures.length > 0;
      process.exitCode = failed ? EXIT.refuted : results.some((result) => result.status === 'unknown') ? EXIT.unknown : EXIT.ok;
    });
}

/**
 * `--record`: with `--update`, writes the run's record when every case passed; otherwise compares
 * the run with the record and prints where it departs from it. Returns the departures.
 */
function keepRecord(results: readonly CaseResult[], file: string, update: boolean, inputs: readonly string[], otherShards: ReadonlySet<string>): string[] {
  const record = recordOf(results, file);
  if (update) {
    if (results.every((result) => result.status === 'passed')) {
      writeResult(printJson(updatedRecord(existsSync(file) ? readJsonFile(file, SIZE_LIMITS.catalog).value : undefined, record)), file, inputs);
      process.stdout.write(`record: ${file} written (${results.length} cases)\n`);
    } else {
      process.stdout.write(`record: ${file} left as it was, since not every case passed\n`);
    }
    return [];
  }
  return reportRecord(recordDifferences(withoutCases(readJsonFile(file, SIZE_LIMITS.catalog).value, otherShards, file), record, file), file);
}

/** Prints how a run compares with its record (as `prove --record` and `merge --record` do); returns the departures. */
export function reportRecord(departures: readonly string[], file: string): string[] {
  process.stdout.write(
    departures.length === 0
      ? `record: every case as recorded in ${file}\n`
      : `record: ${departures.length} cases depart from ${file}\n${departures.map((line) => `  ${line}\n`).join('')}`,
  );
  return [...departures];
}

/** `--update` rewrites snapshots: none may be, or be a link to, a file some case reads. */
function checkSnapshots(cases: readonly LoadedCase[]): void {
  const read = cases.flatMap(({ spec }) => [spec.file, spec.policy, spec.unused, spec.catalog, ...(spec.subject.kind === 'given' ? [spec.subject.file] : [])]);
  for (const { spec } of cases) if (spec.subject.kind === 'snapshot') checkOutputFile(spec.subject.file, read);
}

/** Every file a case reads, so that a report is never written over one. */
function inputFiles(cases: readonly LoadedCase[]): string[] {
  return cases.flatMap(({ spec }) => [spec.file, spec.policy, spec.unused, spec.catalog, spec.subject.file]);
}
