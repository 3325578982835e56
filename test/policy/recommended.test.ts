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

  it('refuses several steps for one policy', () => {
    expect(errorOf(response(create('{}'), step({ recommendedAction: 'DETACH_POLICY' })))).toBe('recommended.json: recommendedSteps: expected one unusedPermissionsRecommendedStep for one policy, found 2');
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
