import { parseRecommendedPolicy } from '../policy/recommended.js';
import { printJson } from '../policy/print.js';
import type { Policy } from '../policy/types.js';
import type { CheckReport } from '../prove/check.js';
import { explanationPage } from './html.js';
import { explain, withWitnesses, type ExplainInput, type Explanation } from './model.js';
import { minimalityWitnesses, proofSummary } from './proof.js';
import { explanationSummary } from './summary.js';
import { explanationTree, type TreeStyle } from './tree-text.js';

export type ExplainFormat = 'html' | 'tree';

export interface ExplainRequest extends ExplainInput {
  /** The original policy's name (a file name) and the given recommendation's, when there is one. */
  readonly policyName: string;
  readonly givenName?: string;
}

/** The recommendation being explained: the given one, or iam-refine's; `undefined` for detach. */
export function explainedPolicy(request: ExplainInput): Policy | undefined {
  if (request.given !== undefined) return request.given.policy;
  return parseRecommendedPolicy(request.recommendation.policy);
}

/** The model, with the checker's minimality witnesses beside their nodes when there is a proof. */
export function explanationOf(request: ExplainInput, proof?: CheckReport): Explanation {
  const explanation = explain(request);
  return proof === undefined ? explanation : withWitnesses(explanation, minimalityWitnesses(proof, request.catalog));
}

/** The page (`html`) or the terminal tree (`tree`, coloured with `style`). */
export function renderExplanation(request: ExplainRequest, format: ExplainFormat, options: { readonly proof?: CheckReport; readonly style?: TreeStyle } = {}): string {
  const explanation = explanationOf(request, options.proof);
  const after = explainedPolicy(request);
  const summary = explanationSummary(request, after);
  if (format === 'tree') return `${summary.lines.join('\n')}\n${explanationTree(explanation, options.style)}`;
  const afterName = request.givenName ?? `${request.policyName} (recommended by iam-refine)`;
  return explanationPage({
    explanation,
    before: printJson(request.original.raw),
    after: after === undefined ? '' : printJson(after.raw),
    beforeName: request.policyName,
    afterName: after === undefined ? `${afterName}: DETACH_POLICY` : afterName,
    summary,
    ...(options.proof === undefined ? {} : { proof: proofSummary(options.proof, request.catalog) }),
  });
}
