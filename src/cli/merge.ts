import { Command } from 'commander';
import { InputError } from '../input/input-error.js';
import { isJsonObject, type JsonObject } from '../input/json.js';
import { readJsonFile, SIZE_LIMITS } from '../input/read-json.js';
import { printJson } from '../policy/print.js';
import { readProvenance } from '../shard/provenance.js';
import { junitXml } from '../suite/junit.js';
import { findCaseFiles } from '../suite/discover.js';
import { loadCases } from '../suite/load.js';
import { suiteSarifRun } from '../suite/sarif.js';
import { sarifLog, type SarifRunInput } from '../report/sarif.js';
import type { ReportedCase } from '../suite/run-case.js';
import { mergeSuiteReports, readSuiteReport } from '../suite/merge.js';
import { recordDifferences, recordOf } from '../suite/record.js';
import { suiteReportJson } from '../suite/report-json.js';
import { tallies } from '../suite/run.js';
import { caseDetails, suiteSummaryTable } from '../suite/text.js';
import { fuzzReportJson, fuzzReportText, worstFailure } from '../fuzz/campaign-report.js';
import { mergeFuzzReports, readFuzzReport } from '../fuzz/shard.js';
import { mergeAccountReports, readAccountReport } from '../account/merge.js';
import { organizationTable } from '../account/organization.js';
import { summaryTableOf } from '../account/report.js';
import { EXIT } from './exit-codes.js';
import { fuzzExitCode } from './fuzz.js';
import { writeResult } from './output.js';
import { reportRecord } from './prove-suites.js';

interface MergeFlags {
  readonly json?: string;
  readonly junit?: string;
  readonly sarif?: string;
  readonly record?: string;
}

export function mergeCommand(): Command {
  return new Command('merge')
    .description('merge the JSON reports of the shards of one run (prove --json, fuzz --format json, account --format json) into the report the unsharded run writes')
    .argument('<reports...>', 'the shards\' JSON reports, one per shard, in any order')
    .option('--json <file>', 'write the merged report as JSON')
    .option('--junit <file>', 'prove: write the merged results as JUnit XML')
    .option('--sarif <file>', 'prove: write the merged results as SARIF 2.1.0 (reads the cases where the shards ran)')
    .option('--record <file>', 'prove: compare every verdict, claim and witness with this record, as prove --record does')
    .action((files: string[], flags: MergeFlags) => {
      const reports = files.map((file) => {
        const { value } = readJsonFile(file, SIZE_LIMITS.catalog);
        if (!isJsonObject(value)) throw new InputError(file, [], 'expected a JSON report (an object)');
        return { file, value };
      });
      const commands = new Set(reports.map(({ file, value }) => readProvenance(value, file).identity.command));
      if (commands.size > 1) throw new InputError('merge', [], `the reports come from different commands (${[...commands].join(', ')})`);
      const [command] = commands;
      if (command === 'prove') return mergeProve(reports, flags);
      if (flags.junit !== undefined || flags.sarif !== undefined || flags.record !== undefined) throw new InputError(flags.junit !== undefined ? '--junit' : flags.sarif !== undefined ? '--sarif' : '--record', [], `applies to prove reports, not ${command} reports`);
      if (command === 'fuzz') return mergeFuzz(reports, flags);
      return mergeAccount(reports, flags);
    });
}

function mergeProve(reports: readonly { readonly file: string; readonly value: JsonObject }[], flags: MergeFlags): void {
  const merged = mergeSuiteReports(reports.map(({ file, value }) => readSuiteReport(value, file)));
  const { results, wallMs } = merged;
  const counts = tallies(results);
  for (const result of results) if (result.status !== 'passed' || result.snapshot === 'updated') process.stdout.write(`\n${caseDetails(result)}`);
  process.stdout.write(`\n${suiteSummaryTable(counts, wallMs)}`);
  const inputs = reports.map(({ file }) => file);
  if (flags.junit !== undefined) writeResult(junitXml(results, counts, wallMs), flags.junit, inputs);
  if (flags.sarif !== undefined) writeResult(printJson(sarifLog([mergedSarifRun(results)])), flags.sarif, inputs);
  if (flags.json !== undefined) writeResult(printJson(suiteReportJson(results, counts, merged)), flags.json, inputs);
  const departures = flags.record === undefined ? [] : reportRecord(recordDifferences(readJsonFile(flags.record, SIZE_LIMITS.catalog).value, recordOf(results, flags.record), flags.record), flags.record);
  const failed = results.some((result) => result.status === 'failed') || departures.length > 0;
  process.exitCode = failed ? EXIT.refuted : results.some((result) => result.status === 'unknown') ? EXIT.unknown : EXIT.ok;
}

/**
 * The suite's SARIF run, as `prove --sarif` writes it: locations point into the cases' files,
 * which merge reads where the shards ran (case ids are their folders' paths).
 */
function mergedSarifRun(results: readonly ReportedCase[]): SarifRunInput {
  const loaded = loadCases(findCaseFiles(results.map((result) => result.spec.id)));
  const specs = new Map(loaded.map((item) => [item.spec.id, item.spec]));
  return suiteSarifRun(
    loaded,
    results.flatMap((result) => {
      const spec = specs.get(result.spec.id);
      return spec === undefined ? [] : [{ ...result, spec }];
    }),
  );
}

function mergeFuzz(reports: readonly { readonly file: string; readonly value: JsonObject }[], flags: MergeFlags): void {
  const { report, beyond } = mergeFuzzReports(reports.map(({ file, value }) => readFuzzReport(value, file)));
  process.stdout.write(fuzzReportText(report));
  // Not part of the unsharded campaign, which would have stopped at the first failure; still worth a look.
  for (const line of beyond) process.stderr.write(`note: after the campaign's first failure, ${line}\n`);
  if (flags.json !== undefined) writeResult(printJson(fuzzReportJson(report)), flags.json, reports.map(({ file }) => file));
  process.exitCode = fuzzExitCode(worstFailure(report));
}

function mergeAccount(reports: readonly { readonly file: string; readonly value: JsonObject }[], flags: MergeFlags): void {
  const merged = mergeAccountReports(reports.map(({ file, value }) => readAccountReport(value, file)));
  process.stdout.write(merged.accounts === undefined ? summaryTableOf(merged) : organizationTable(merged));
  if (flags.json !== undefined) writeResult(printJson(merged), flags.json, reports.map(({ file }) => file));
  // As account exits: on the proofs' verdicts.
  const accounts = (merged.accounts ?? [merged]) as readonly JsonObject[];
  const verdicts = accounts.flatMap((account) => (account.principals as readonly JsonObject[]).flatMap((principal) => (principal.policies as readonly JsonObject[]).map((policy) => (policy.proof as JsonObject | undefined)?.verdict)));
  process.exitCode = verdicts.includes('refuted') ? EXIT.refuted : verdicts.includes('unknown') ? EXIT.unknown : EXIT.ok;
}
