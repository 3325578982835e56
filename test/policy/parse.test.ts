import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/input/json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { allow, inputErrorOf } from '../support.js';

/** The message parsing a policy with these statements (a list) raises. */
function statementError(...statements: Json[]): string {
  return inputErrorOf(() => parsePolicy({ Version: '2012-10-17', Statement: statements }, 'policy.json'));
}

function policyError(document: Json): string {
  return inputErrorOf(() => parsePolicy(document, 'policy.json'));
}

const withKey = (key: string, value: Json): JsonObject => ({ ...allow('s3:GetObject'), [key]: value });

describe('parsePolicy: the statements', () => {
  it('reads a Statement list, keeping each statement as written', () => {
    const first = { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' };
    const second = { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:s3:::b'] };
    const policy = parsePolicy({ Version: '2012-10-17', Id: 'p1', Statement: [first, second] }, 'policy.json');
    expect(policy.statementsAsList).toBe(true);
    expect(policy.statements).toEqual([
      { index: 0, sid: 'Read', effect: 'Allow', actionKey: 'Action', patterns: ['s3:Get*', 's3:List*'], patternsAsList: true, raw: first },
      { index: 1, sid: undefined, effect: 'Deny', actionKey: 'NotAction', patterns: ['iam:*'], patternsAsList: false, raw: second },
    ]);
  });

  it('reads a single Statement object as a policy of one statement', () => {
    const policy = parsePolicy({ Statement: allow('s3:GetObject') }, 'policy.json');
    expect({ asList: policy.statementsAsList, count: policy.statements.length, patterns: policy.statements[0]?.patterns }).toEqual({ asList: false, count: 1, patterns: ['s3:GetObject'] });
  });

  it('accepts a lone "*" and wildcards in either part of an action', () => {
    expect(parsePolicy({ Statement: allow(['*', '*:Get*', 's?:*Object', 'cloudformation:*Stack*']) }, 'p').statements[0]?.patterns).toEqual(['*', '*:Get*', 's?:*Object', 'cloudformation:*Stack*']);
  });

  it('accepts Principal as "*" or an object of ids, and NotPrincipal likewise', () => {
    const principals = parsePolicy({ Statement: [withKey('Principal', '*'), withKey('Principal', { AWS: ['arn:aws:iam::1:root'], Service: 'ec2.amazonaws.com' }), withKey('NotPrincipal', { AWS: '*' })] }, 'p');
    expect(principals.statements).toHaveLength(3);
  });

  it('accepts Condition blocks whose values are strings, numbers, booleans or lists of them', () => {
    const condition = { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] }, NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': true } };
    expect(parsePolicy({ Statement: withKey('Condition', condition) }, 'p').statements[0]?.raw.Condition).toEqual(condition);
  });

  it('accepts both policy language versions and a policy without Version', () => {
    for (const Version of ['2012-10-17', '2008-10-17']) expect(parsePolicy({ Version, Statement: allow('s3:GetObject') }, 'p').statements).toHaveLength(1);
    expect(parsePolicy({ Statement: allow('s3:GetObject') }, 'p').statements).toHaveLength(1);
  });
});

describe('parsePolicy: every error names the file and the JSON path', () => {
  it('names the entry of an Action list that is not a string', () => {
    expect(statementError(allow('s3:GetObject'), { Effect: 'Allow', Action: ['s3:A', 's3:B', 's3:C', 7], Resource: '*' })).toBe('policy.json: Statement[1].Action[3]: expected a string, got a number');
  });

  it('refuses an Action that is neither a string nor a list, or an empty list', () => {
    expect(statementError({ Effect: 'Allow', Action: { s3: 'Get' } })).toBe('policy.json: Statement[0].Action: expected a string or a list of strings, got an object');
    expect(statementError(allow([]))).toBe('policy.json: Statement[0].Action: expected at least one entry');
  });

  it('refuses an action without its service prefix, with spaces, or with two colons', () => {
    expect(statementError(allow('GetObject'))).toBe('policy.json: Statement[0].Action: "GetObject" is not an action pattern (expected "service:action" or "*")');
    expect(statementError(allow(['s3:Get Object']))).toBe('policy.json: Statement[0].Action[0]: "s3:Get Object" is not an action pattern (expected "service:action" or "*")');
    expect(statementError(allow(['s3:Get', 's3:a:b']))).toBe('policy.json: Statement[0].Action[1]: "s3:a:b" is not an action pattern (expected "service:action" or "*")');
  });

  it('names NotAction entries the same way', () => {
    expect(statementError(allow(['iam:*', 'iam'], 'NotAction'))).toBe('policy.json: Statement[0].NotAction[1]: "iam" is not an action pattern (expected "service:action" or "*")');
  });

  it('refuses a statement with both Action and NotAction, or with neither', () => {
    expect(statementError({ Effect: 'Allow', Action: 's3:Get*', NotAction: 's3:Put*' })).toBe('policy.json: Statement[0]: has both "Action" and "NotAction"; a statement takes one of them');
    expect(statementError({ Effect: 'Allow', Resource: '*' })).toBe('policy.json: Statement[0]: missing "Action" or "NotAction"');
  });

  it('refuses Resource with NotResource and Principal with NotPrincipal', () => {
    expect(statementError({ ...allow('s3:Get*'), NotResource: 'x' })).toBe('policy.json: Statement[0]: has both "Resource" and "NotResource"; a statement takes one of them');
    expect(statementError({ ...allow('s3:Get*'), Principal: '*', NotPrincipal: '*' })).toBe('policy.json: Statement[0]: has both "Principal" and "NotPrincipal"; a statement takes one of them');
  });

  it('refuses a missing or unknown Effect', () => {
    expect(statementError({ Action: 's3:Get*' })).toBe('policy.json: Statement[0].Effect: missing, expected "Allow" or "Deny"');
    expect(statementError({ Effect: 'allow', Action: 's3:Get*' })).toBe('policy.json: Statement[0].Effect: expected "Allow" or "Deny"');
  });

  it('refuses unknown keys in a statement and in the policy, listing the known ones', () => {
    expect(statementError({ ...allow('s3:Get*'), Actions: 's3:Put*' })).toBe('policy.json: Statement[0].Actions: unknown key (expected one of Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)');
    expect(policyError({ Statement: allow('s3:Get*'), Statements: [] })).toBe('policy.json: Statements: unknown key (expected one of Version, Id, Statement)');
  });

  it('refuses a bad Version, Id or Sid', () => {
    expect(policyError({ Version: '2012-10-18', Statement: allow('s3:Get*') })).toBe('policy.json: Version: expected "2012-10-17" or "2008-10-17"');
    expect(policyError({ Version: 2012, Statement: allow('s3:Get*') })).toBe('policy.json: Version: expected "2012-10-17" or "2008-10-17"');
    expect(policyError({ Id: 1, Statement: allow('s3:Get*') })).toBe('policy.json: Id: expected a string, got a number');
    expect(statementError({ ...allow('s3:Get*'), Sid: ['a'] })).toBe('policy.json: Statement[0].Sid: expected a string, got a list');
  });

  it('refuses a document that is not an object, has no Statement, or has an empty Statement list', () => {
    expect(policyError([allow('s3:Get*')])).toBe('policy.json: expected a policy object, got a list');
    expect(policyError({ Version: '2012-10-17' })).toBe('policy.json: missing "Statement"');
    expect(policyError({ Statement: [] })).toBe('policy.json: Statement: expected at least one statement');
  });

  it('names a statement of a single-object Statement without an index', () => {
    expect(policyError({ Statement: { Effect: 'Allow', Action: 5 } })).toBe('policy.json: Statement.Action: expected a string or a list of strings, got a number');
    expect(policyError({ Statement: 'Allow' })).toBe('policy.json: Statement: expected a statement object, got a string');
  });

  it('refuses a Resource that is not a string or a list of strings', () => {
    expect(statementError({ ...allow('s3:Get*'), Resource: ['arn:a', null] })).toBe('policy.json: Statement[0].Resource[1]: expected a string, got null');
  });

  it('refuses a Principal that is neither "*" nor an object of ids', () => {
    expect(statementError(withKey('Principal', 'arn:aws:iam::1:root'))).toBe('policy.json: Statement[0].Principal: expected "*" or an object such as {"AWS": "..."}, got a string');
    expect(statementError(withKey('NotPrincipal', { AWS: [1] }))).toBe('policy.json: Statement[0].NotPrincipal.AWS[0]: expected a string, got a number');
  });

  it('refuses a Condition that is not an object of operators holding objects of keys with scalar values, quoting odd keys', () => {
    expect(statementError(withKey('Condition', []))).toBe('policy.json: Statement[0].Condition: expected an object of condition operators, got a list');
    expect(statementError(withKey('Condition', { StringEquals: 'x' }))).toBe('policy.json: Statement[0].Condition.StringEquals: expected an object of condition keys, got a string');
    expect(statementError(withKey('Condition', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', { cidr: 1 }] } }))).toBe(
      'policy.json: Statement[0].Condition.IpAddress["aws:SourceIp"][1]: expected a string, number or boolean, got an object',
    );
    expect(statementError(withKey('Condition', { Null: { 'aws:TokenIssueTime': null } }))).toBe('policy.json: Statement[0].Condition.Null["aws:TokenIssueTime"]: expected a string, number or boolean, got null');
  });

  it('names the source it is given, such as standard input', () => {
    expect(inputErrorOf(() => parsePolicy({}, '<stdin>'))).toBe('<stdin>: missing "Statement"');
  });
});
