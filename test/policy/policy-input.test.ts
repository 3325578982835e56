import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { parseJson } from '../../src/input/parse-json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { readPolicyInput } from '../../src/policy/policy-input.js';
import { inputErrorOf } from '../support.js';

const SHAPES = 'corpus/aws-shapes/';
const read = (name: string): Json => parseJson(readFileSync(`${SHAPES}${name}`, 'utf8'));

const DOCUMENT = { Version: '2012-10-17', Statement: [{ Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*'], Resource: '*' }] };
const encoded = (value: Json): string => encodeURIComponent(JSON.stringify(value));
const errorOf = (value: Json): string => inputErrorOf(() => readPolicyInput(value, 'policy.json'));

describe('readPolicyInput', () => {
  it('reads a bare document, a URL-encoded document string, and each aws iam output as the same policy', () => {
    const bare = parsePolicy(DOCUMENT, 'policy.json');
    const forms: Json[] = [
      DOCUMENT,
      encoded(DOCUMENT),
      { PolicyVersion: { Document: encoded(DOCUMENT), VersionId: 'v1', IsDefaultVersion: true, CreateDate: '2025-01-15T09:30:00+00:00' } },
      { PolicyVersion: { Document: DOCUMENT, VersionId: 'v1', IsDefaultVersion: true } },
      { RoleName: 'DevRole', PolicyName: 'read', PolicyDocument: DOCUMENT },
      { UserName: 'alice', PolicyName: 'read', PolicyDocument: encoded(DOCUMENT) },
      { GroupName: 'developers', PolicyName: 'read', PolicyDocument: DOCUMENT },
    ];
    for (const form of forms) expect(readPolicyInput(form, 'policy.json').policy).toEqual(bare);
  });

  it('fills what the output names: an inline policy its name and kind, a policy version its date', () => {
    const identities = [
      readPolicyInput(DOCUMENT, 'p').identity,
      readPolicyInput({ PolicyVersion: { Document: DOCUMENT, CreateDate: '2025-01-15T09:30:00+00:00' } }, 'p').identity,
      readPolicyInput({ RoleName: 'DevRole', PolicyName: 'read', PolicyDocument: DOCUMENT }, 'p').identity,
      readPolicyInput({ UserName: 'alice', PolicyName: 'mine', PolicyDocument: DOCUMENT }, 'p').identity,
      readPolicyInput({ GroupName: 'developers', PolicyName: 'ours', PolicyDocument: DOCUMENT }, 'p').identity,
    ];
    expect(identities).toEqual([
      {},
      { policyUpdatedAt: '2025-01-15T09:30:00+00:00' },
      { existingPolicyId: 'read', kind: 'role-inline' },
      { existingPolicyId: 'mine', kind: 'user-inline' },
      { existingPolicyId: 'ours', kind: 'group-inline' },
    ]);
  });

  it('reads the hand-written AWS outputs of corpus/aws-shapes as the documents they wrap', () => {
    const devTools = read('dev-tools.policy.json');
    expect(readPolicyInput(read('get-policy-version.dev-tools.json'), 'v').policy.raw).toEqual(devTools);
    expect(readPolicyInput(read('get-role-policy.dev-s3.json'), 'r').policy.raw).toEqual(read('dev-s3.policy.json'));
    expect(readPolicyInput(read('get-policy-version.sqs-read.json'), 's').policy.raw).toEqual(read('sqs-read.policy.json'));
    expect(readPolicyInput(read('get-group-policy.developers-codebuild.json'), 'g').identity).toEqual({ existingPolicyId: 'developers-codebuild', kind: 'group-inline' });
    expect(readPolicyInput(read('get-user-policy.alice-logs.json'), 'u').policy.statements[0]!.patterns).toEqual(['logs:Get*']);
  });

  it('names the path into the output of an error inside the document, encoded or not', () => {
    const bad = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 7], Resource: '*' }] };
    expect(errorOf({ PolicyVersion: { Document: encoded(bad) } })).toBe('policy.json: PolicyVersion.Document.Statement[0].Action[1]: expected a string, got a number');
    expect(errorOf({ PolicyVersion: { Document: bad } })).toBe('policy.json: PolicyVersion.Document.Statement[0].Action[1]: expected a string, got a number');
    expect(errorOf({ RoleName: 'DevRole', PolicyName: 'p', PolicyDocument: bad })).toBe('policy.json: PolicyDocument.Statement[0].Action[1]: expected a string, got a number');
    expect(errorOf(encoded(bad))).toBe('policy.json: Statement[0].Action[1]: expected a string, got a number');
  });

  it('refuses a broken wrapper or encoding with its path', () => {
    expect(errorOf({ PolicyVersion: 'v1' })).toBe('policy.json: PolicyVersion: expected the object "aws iam get-policy-version" prints, got a string');
    expect(errorOf({ PolicyVersion: { VersionId: 'v1' } })).toBe('policy.json: PolicyVersion.Document: missing');
    expect(errorOf({ PolicyVersion: { Document: '%7B%22Version' } })).toMatch(/^policy\.json: PolicyVersion\.Document: the decoded policy document is not valid JSON: /);
    expect(errorOf({ PolicyVersion: { Document: '%E0%A4%A' } })).toBe('policy.json: PolicyVersion.Document: expected a URL-encoded policy document, but it is not valid URL encoding');
    expect(errorOf({ RoleName: 'DevRole', PolicyName: 3, PolicyDocument: DOCUMENT })).toBe('policy.json: PolicyName: expected a string, got a number');
    expect(errorOf({ RoleName: '', PolicyName: 'p', PolicyDocument: DOCUMENT })).toBe('policy.json: RoleName: expected a non-empty string');
    expect(errorOf(['s3:GetObject'])).toBe('policy.json: expected a policy object, got a list');
  });
});
