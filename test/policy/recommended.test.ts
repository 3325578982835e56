import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { parseRecommended, recommendedPolicyOf } from '../../src/policy/recommended.js';
import { allow, inputErrorOf, policyOf } from '../support.js';

const DOCUMENT = { Version: '2012-10-17', Statement: [allow('s3:GetObject*')] };

/** A GetFindingRecommendation-shaped response with these steps. */
const response = (...steps: Json[]): Json => ({
  resourceArn: 'arn:aws:iam::111122223333:role/MyRole',
  recommendationType: 'UnusedPermissionRecommendation',
  status: 'SUCCEEDED',
  recommendedSteps: steps,
});

/** One `unusedPermissionsRecommendedStep` with these fields. */
const step = (fields: Json): Json => ({ unusedPermissionsRecommendedStep: fields });

const create = (policy: Json): Json => step({ recommendedAction: 'CREATE_POLICY', existingPolicyId: 'p-1', recommendedPolicy: policy });

const errorOf = (value: Json): string => inputErrorOf(() => parseRecommended(value, 'recommended.json'));

describe('parseRecommended', () => {
  it('reads a policy document as the recommended policy', () => {
    expect(parseRecommended(DOCUMENT, 'recommended.json')).toEqual({ kind: 'policy', policy: policyOf([allow('s3:GetObject*')], 'recommended.json') });
  });

  it('reads a CREATE_POLICY step, the policy given as a JSON string', () => {
    expect(parseRecommended(response(create(JSON.stringify(DOCUMENT))), 'recommended.json')).toEqual({ kind: 'policy', policy: policyOf([allow('s3:GetObject*')], 'recommended.json (recommendedPolicy)') });
  });

  it('reads a DETACH_POLICY step as detach', () => {
    expect(parseRecommended(response(step({ recommendedAction: 'DETACH_POLICY', existingPolicyId: 'p-1' })), 'recommended.json')).toEqual({ kind: 'detach' });
  });

  it('reads a response without steps as leaving the policy unchanged', () => {
    expect(parseRecommended(response(), 'recommended.json')).toEqual({ kind: 'unchanged' });
  });

  it('skips steps of another kind', () => {
    expect(parseRecommended(response({ otherStep: {} }, create(JSON.stringify(DOCUMENT))), 'recommended.json').kind).toBe('policy');
  });

  it('names the path of steps that are not a list', () => {
    expect(errorOf({ recommendedSteps: 'CREATE_POLICY' })).toBe('recommended.json: recommendedSteps: expected a list, got a string');
  });

  it('takes a CREATE_POLICY step with its paired DETACH_POLICY step as that policy', () => {
    const paired = response(create(JSON.stringify(DOCUMENT)), step({ recommendedAction: 'DETACH_POLICY', existingPolicyId: 'p-1' }));
    expect(parseRecommended(paired, 'recommended.json')).toEqual({ kind: 'policy', policy: policyOf([allow('s3:GetObject*')], 'recommended.json (recommendedPolicy)') });
  });

  it('refuses, listing the existingPolicyIds present, steps for several policies without --existing-policy-id', () => {
    expect(errorOf(response(create('{}'), step({ recommendedAction: 'DETACH_POLICY', existingPolicyId: 'p-2' }), step({ recommendedAction: 'DETACH_POLICY' })))).toBe(
      'recommended.json: recommendedSteps: steps for 3 policies ("p-1", "p-2", and a step without existingPolicyId): choose one with --existing-policy-id',
    );
  });

  it("picks one policy's steps with existingPolicyId, and names the ones present when there is none for it", () => {
    const steps = response(create('{}'), step({ recommendedAction: 'DETACH_POLICY', existingPolicyId: 'p-2' }), create(JSON.stringify(DOCUMENT)));
    expect(parseRecommended(steps, 'recommended.json', { existingPolicyId: 'p-2' })).toEqual({ kind: 'detach' });
    expect(inputErrorOf(() => parseRecommended(steps, 'recommended.json', { existingPolicyId: 'p-3' }))).toBe('recommended.json: recommendedSteps: no step for existingPolicyId "p-3"; the response has steps for "p-1", "p-2"');
    // Two CREATE_POLICY steps for one policy: a split, which is refused rather than judged as one part.
    expect(inputErrorOf(() => parseRecommended(steps, 'recommended.json', { existingPolicyId: 'p-1' }))).toMatch(/^recommended\.json: recommendedSteps: 2 CREATE_POLICY steps for "p-1" \(a policy split in parts\)/);
  });

  it('reads both spellings of recommendationType and refuses any other', () => {
    for (const recommendationType of ['UnusedPermissionRecommendation', 'UNUSED_PERMISSION_RECOMMENDATION']) {
      expect(parseRecommended({ recommendationType, status: 'SUCCEEDED', recommendedSteps: [] }, 'recommended.json')).toEqual({ kind: 'unchanged' });
    }
    expect(errorOf({ recommendationType: 'UnusedAccess', recommendedSteps: [] })).toBe('recommended.json: recommendationType: expected "UnusedPermissionRecommendation" or "UNUSED_PERMISSION_RECOMMENDATION"');
  });

  it('refuses a response that holds no recommendation yet, or failed, saying why', () => {
    expect(errorOf({ recommendationType: 'UNUSED_PERMISSION_RECOMMENDATION', status: 'IN_PROGRESS', startedAt: '2025-03-10T08:05:12Z' })).toBe(
      'recommended.json: status: the recommendation is still IN_PROGRESS: call GetFindingRecommendation again once it has SUCCEEDED',
    );
    expect(errorOf({ status: 'FAILED', recommendedSteps: [], error: { code: 'ServiceError', message: 'try again' } })).toBe('recommended.json: status: the recommendation FAILED (ServiceError: try again): there is no recommendation to judge');
  });

  it('names the path of an unknown recommended action', () => {
    expect(errorOf(response({ other: 1 }, step({ recommendedAction: 'DELETE_POLICY' })))).toBe('recommended.json: recommendedSteps[1].unusedPermissionsRecommendedStep.recommendedAction: expected "CREATE_POLICY" or "DETACH_POLICY"');
  });

  it('names the path of a policy given as an object instead of a string', () => {
    expect(errorOf(response(create(DOCUMENT)))).toBe('recommended.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: expected the policy as a JSON string, got an object');
  });

  it('names the path of a missing policy string', () => {
    expect(errorOf(response(step({ recommendedAction: 'CREATE_POLICY' })))).toBe('recommended.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: expected the policy as a JSON string, got nothing');
  });

  it('names the path of a policy string that is not valid JSON', () => {
    expect(errorOf(response(create('{"Statement": [}')))).toBe('recommended.json: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: not valid JSON: unexpected character "}" at line 1, column 16');
  });

  it('names the source and the path inside the policy string of a bad action', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [allow(['s3:GetObject', 'GetObject'])] });
    expect(errorOf(response(create(policy)))).toBe('recommended.json (recommendedPolicy): Statement[0].Action[1]: "GetObject" is not an action pattern (expected "service:action" or "*")');
  });

  it('names the path of a bad action in a policy document', () => {
    expect(errorOf({ Statement: { Effect: 'Allow', Action: ['s3:GetObject', 7], Resource: '*' } })).toBe('recommended.json: Statement.Action[1]: expected a string, got a number');
  });

  it('refuses what is neither a policy nor a response', () => {
    expect(errorOf(['s3:GetObject'])).toBe('recommended.json: expected a policy object, got a list');
  });
});

describe('recommendedPolicyOf', () => {
  const ORIGINAL = policyOf([allow('s3:Get*')]);
  const RECOMMENDED = policyOf([allow('s3:GetObject*')]);

  it('is the recommended policy for a policy', () => {
    expect(recommendedPolicyOf({ kind: 'policy', policy: RECOMMENDED }, ORIGINAL)).toBe(RECOMMENDED);
  });

  it('is nothing for detach', () => {
    expect(recommendedPolicyOf({ kind: 'detach' }, ORIGINAL)).toBeUndefined();
  });

  it('is the original for unchanged', () => {
    expect(recommendedPolicyOf({ kind: 'unchanged' }, ORIGINAL)).toBe(ORIGINAL);
  });
});
