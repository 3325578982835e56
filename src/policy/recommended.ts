import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import { parseJson, JsonSyntaxError } from '../input/parse-json.js';
import { parsePolicy } from './parse.js';
import type { Policy } from './types.js';

/** A recommendation to judge: a policy, or "detach it", or "leave it as it is". */
export type RecommendedPolicy = { readonly kind: 'policy'; readonly policy: Policy } | { readonly kind: 'detach' } | { readonly kind: 'unchanged' };

const STEP = 'unusedPermissionsRecommendedStep';

/** `recommendationType` as the API reference spells the enum, and as AWS's real responses spell it. */
export const RECOMMENDATION_TYPES = ['UnusedPermissionRecommendation', 'UNUSED_PERMISSION_RECOMMENDATION'] as const;

/** "Detach the policy" as a file holds it: the `GetFindingRecommendation` shape `parseRecommended` reads. */
export const DETACH_RECOMMENDATION: JsonObject = { recommendedSteps: [{ [STEP]: { recommendedAction: 'DETACH_POLICY' } }] };

/** Which policy of a response is judged: the one with this `existingPolicyId`. */
export interface RecommendedChoice {
  readonly existingPolicyId?: string | undefined;
}

interface Step {
  readonly index: number;
  readonly action: 'CREATE_POLICY' | 'DETACH_POLICY';
  readonly existingPolicyId: string | undefined;
  readonly fields: JsonObject;
}

/**
 * Reads a recommendation in any of the shapes it comes in: a policy document, or a
 * `GetFindingRecommendation` response (Access Analyzer's own, `recommend --format json`'s, an
 * `account` principal's). A response holds steps for every policy of the principal: a refined
 * policy has a `CREATE_POLICY` step (the policy as a JSON string) and its paired `DETACH_POLICY`
 * step, an unused one a `DETACH_POLICY` step alone. `choice.existingPolicyId` picks one policy's
 * steps; without it, steps that all name one policy are taken, and anything else is refused with
 * the `existingPolicyId`s present.
 */
export function parseRecommended(value: Json, source: string, choice: RecommendedChoice = {}): RecommendedPolicy {
  // A document is one policy already: there is no step to choose.
  if (!isJsonObject(value) || !('recommendedSteps' in value || 'recommendationType' in value)) return { kind: 'policy', policy: parsePolicy(value, source) };
  checkResponse(value, source);
  const steps = stepsOf(value, source);
  const chosen = chooseSteps(steps, source, choice);
  const creates = chosen.filter((step) => step.action === 'CREATE_POLICY');
  if (chosen.length === 0) return { kind: 'unchanged' };
  if (creates.length === 0) return { kind: 'detach' };
  if (creates.length > 1) {
    throw new InputError(source, ['recommendedSteps'], `${creates.length} CREATE_POLICY steps for ${describeId(creates[0]!.existingPolicyId)} (a policy split in parts): iam-refine judges one policy; join the parts' statements into one document`);
  }
  return { kind: 'policy', policy: createdPolicy(creates[0]!, source) };
}

/** The fields that say whether there is a recommendation at all: its type, and a status other than success. */
function checkResponse(value: JsonObject, source: string): void {
  const type = value.recommendationType;
  if (type !== undefined && !RECOMMENDATION_TYPES.includes(type as (typeof RECOMMENDATION_TYPES)[number])) {
    throw new InputError(source, ['recommendationType'], `expected ${RECOMMENDATION_TYPES.map((name) => JSON.stringify(name)).join(' or ')}`);
  }
  const status = value.status;
  if (status === undefined || status === 'SUCCEEDED') return;
  if (status === 'IN_PROGRESS') throw new InputError(source, ['status'], 'the recommendation is still IN_PROGRESS: call GetFindingRecommendation again once it has SUCCEEDED');
  if (status === 'FAILED') {
    const error = isJsonObject(value.error) ? value.error : {};
    const why = [error.code, error.message].filter((part): part is string => typeof part === 'string').join(': ');
    throw new InputError(source, ['status'], `the recommendation FAILED${why === '' ? '' : ` (${why})`}: there is no recommendation to judge`);
  }
  throw new InputError(source, ['status'], 'expected "SUCCEEDED", "IN_PROGRESS" or "FAILED"');
}

function stepsOf(value: JsonObject, source: string): Step[] {
  const list = value.recommendedSteps ?? [];
  if (!Array.isArray(list)) throw new InputError(source, ['recommendedSteps'], `expected a list, got ${describeJsonType(list)}`);
  return list.flatMap((entry: Json, index: number): Step[] => {
    // Other kinds of steps (none exist today) carry nothing about unused permissions.
    if (!isJsonObject(entry) || !isJsonObject(entry[STEP])) return [];
    const fields = entry[STEP];
    const path = ['recommendedSteps', index, STEP];
    const action = fields.recommendedAction;
    if (action !== 'CREATE_POLICY' && action !== 'DETACH_POLICY') throw new InputError(source, [...path, 'recommendedAction'], 'expected "CREATE_POLICY" or "DETACH_POLICY"');
    const id = fields.existingPolicyId;
    if (id !== undefined && typeof id !== 'string') throw new InputError(source, [...path, 'existingPolicyId'], `expected a string, got ${describeJsonType(id)}`);
    return [{ index, action, existingPolicyId: id, fields }];
  });
}

/** The steps of the one policy judged. */
function chooseSteps(steps: readonly Step[], source: string, choice: RecommendedChoice): readonly Step[] {
  const ids = [...new Set(steps.map((step) => step.existingPolicyId))];
  if (choice.existingPolicyId !== undefined) {
    const chosen = steps.filter((step) => step.existingPolicyId === choice.existingPolicyId);
    if (chosen.length === 0) throw new InputError(source, ['recommendedSteps'], `no step for existingPolicyId ${JSON.stringify(choice.existingPolicyId)}; ${describeIds(ids)}`);
    return chosen;
  }
  if (ids.length <= 1) return steps;
  const named = ids.map(describeId);
  throw new InputError(source, ['recommendedSteps'], `steps for ${ids.length} policies (${[...named.slice(0, -1), `and ${named.at(-1)!}`].join(', ')}): choose one with --existing-policy-id`);
}

function describeIds(ids: readonly (string | undefined)[]): string {
  return ids.length === 0 ? 'the response has no steps' : `the response has steps for ${ids.map(describeId).join(', ')}`;
}

function describeId(id: string | undefined): string {
  return id === undefined ? 'a step without existingPolicyId' : JSON.stringify(id);
}

function createdPolicy(step: Step, source: string): Policy {
  const path = ['recommendedSteps', step.index, STEP, 'recommendedPolicy'];
  const text = step.fields.recommendedPolicy;
  if (typeof text !== 'string') throw new InputError(source, path, `expected the policy as a JSON string, got ${describeJsonType(text)}`);
  let policy: Json;
  try {
    policy = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new InputError(source, path, `not valid JSON: ${error.message}`);
    throw error;
  }
  return parsePolicy(policy, `${source} (recommendedPolicy)`);
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
