import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import { parseJson, JsonSyntaxError } from '../input/parse-json.js';
import { parsePolicy } from './parse.js';
import type { Policy } from './types.js';

/** A recommendation to judge: a policy, or "detach it", or "leave it as it is". */
export type RecommendedPolicy = { readonly kind: 'policy'; readonly policy: Policy } | { readonly kind: 'detach' } | { readonly kind: 'unchanged' };

const STEP = 'unusedPermissionsRecommendedStep';

/** "Detach the policy" as a file holds it: the `GetFindingRecommendation` shape `parseRecommended` reads. */
export const DETACH_RECOMMENDATION: JsonObject = { recommendedSteps: [{ [STEP]: { recommendedAction: 'DETACH_POLICY' } }] };

/**
 * Reads a recommendation in any of the shapes it comes in: a policy document, or a
 * `GetFindingRecommendation`-shaped response (Access Analyzer's own, or `recommend --format json`)
 * whose step is `CREATE_POLICY` with the policy as a JSON string, or `DETACH_POLICY`.
 */
export function parseRecommended(value: Json, source: string): RecommendedPolicy {
  if (!isJsonObject(value) || !('recommendedSteps' in value)) return { kind: 'policy', policy: parsePolicy(value, source) };
  const steps = value.recommendedSteps;
  if (!Array.isArray(steps)) throw new InputError(source, ['recommendedSteps'], `expected a list, got ${describeJsonType(steps)}`);
  const found = steps.flatMap((step: Json, index: number) => (isJsonObject(step) && isJsonObject(step[STEP]) ? [{ step: step[STEP], index }] : []));
  if (found.length === 0) return { kind: 'unchanged' };
  if (found.length > 1) throw new InputError(source, ['recommendedSteps'], `expected one ${STEP} for one policy, found ${found.length}`);
  const { step, index } = found[0]!;
  const path = ['recommendedSteps', index, STEP];
  if (step.recommendedAction === 'DETACH_POLICY') return { kind: 'detach' };
  if (step.recommendedAction !== 'CREATE_POLICY') throw new InputError(source, [...path, 'recommendedAction'], 'expected "CREATE_POLICY" or "DETACH_POLICY"');
  const text = step.recommendedPolicy;
  if (typeof text !== 'string') throw new InputError(source, [...path, 'recommendedPolicy'], `expected the policy as a JSON string, got ${describeJsonType(text)}`);
  let policy: Json;
  try {
    policy = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new InputError(source, [...path, 'recommendedPolicy'], `not valid JSON: ${error.message}`);
    throw error;
  }
  return { kind: 'policy', policy: parsePolicy(policy, `${source} (recommendedPolicy)`) };
}

/** A recommender's output policy as the judges read it: `undefined` when there is none (detach). */
export function parseRecommendedPolicy(policy: JsonObject | undefined, source = 'recommendation'): Policy | undefined {
  return policy === undefined ? undefined : parsePolicy(policy, source);
}

/** The policy a recommendation leaves: `undefined` when it says to detach. */
export function recommendedPolicyOf(recommended: RecommendedPolicy, original: Policy): Policy | undefined {
  if (recommended.kind === 'policy') return recommended.policy;
  return recommended.kind === 'detach' ? undefined : original;
}
