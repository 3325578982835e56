import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { parseJson } from '../../src/input/parse-json.js';
import { alignStatements } from '../../src/policy/align.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { Policy } from '../../src/policy/types.js';
import { allow, deny, policyOf } from '../support.js';

/** For each original statement, the patterns of the recommended statement paired with it. */
function pairing(original: Policy, recommended: Policy | undefined): (readonly string[] | undefined)[] {
  return alignStatements(original, recommended).pairs.map((pair) => pair.refined?.patterns);
}

function unmatched(original: Policy, recommended: Json): (readonly string[])[] {
  return alignStatements(original, policyOf(recommended)).unmatched.map((statement) => statement.patterns);
}

describe('alignStatements', () => {
  it('pairs each statement with itself when nothing changed', () => {
    const policy = policyOf([allow('s3:Get*'), deny('iam:*')]);
    expect(pairing(policy, policy)).toEqual([['s3:Get*'], ['iam:*']]);
  });

  it('pairs a refined statement with its original although its actions changed', () => {
    expect(pairing(policyOf([allow('s3:Get*')]), policyOf([allow(['s3:GetObject', 's3:GetBucket*'])]))).toEqual([['s3:GetObject', 's3:GetBucket*']]);
  });

  it('leaves every original unpaired for a DETACH_POLICY recommendation', () => {
    const original = policyOf([allow('s3:Get*'), allow('ec2:*')]);
    expect(alignStatements(original, undefined)).toEqual({ pairs: original.statements.map((statement) => ({ original: statement, refined: undefined })), unmatched: [] });
  });

  it('pairs the kept one of two look-alike Allow statements with its real original when the first was dropped', () => {
    const original = policyOf([allow('s3:GetObject'), allow(['ec2:Describe*', 'ec2:Get*'])]);
    expect(pairing(original, policyOf([allow(['ec2:DescribeInstances', 'ec2:Get*'])]))).toEqual([undefined, ['ec2:DescribeInstances', 'ec2:Get*']]);
  });

  it('pairs the kept one with its real original when the second look-alike was dropped', () => {
    const original = policyOf([allow(['ec2:Describe*']), allow('s3:GetObject')]);
    expect(pairing(original, policyOf([allow(['ec2:DescribeInstances'])]))).toEqual([['ec2:DescribeInstances'], undefined]);
  });

  // Regression (was a bug): when two look-alike originals share a literal prefix (`s3:*` and `s3:*Object`), the similarity score ties and the backtrack pairs the survivor with the later original, although `s3:GetBucketAcl` can only come from `s3:*`.
  it('pairs a survivor with the original whose patterns match it when both originals share a literal prefix', () => {
    const original = policyOf([allow('s3:*'), allow('s3:*Object')]);
    expect(pairing(original, policyOf([allow(['s3:GetBucketAcl', 's3:ListBucket'])]))).toEqual([['s3:GetBucketAcl', 's3:ListBucket'], undefined]);
  });

  // Regression (was a bug): numbers compared as doubles, so a changed condition value that rounds alike passed claim 2.
  it('compares condition numbers by the text written, as they are printed', () => {
    const withValue = (value: string): Policy => parsePolicy(parseJson(`{"Statement": {"Effect": "Allow", "Action": "s3:Get*", "Resource": "*", "Condition": {"NumericLessThan": {"x": ${value}}}}}`), 'p.json');
    const original = withValue('12345678901234567890123');
    expect(['12345678901234567890123', '12345678901234567890124', '1.2345678901234568e+22'].map((value) => pairing(original, withValue(value)))).toEqual([[['s3:Get*']], [undefined], [undefined]]);
    expect(['1.50', '1.5', '1.500'].map((value) => pairing(withValue('1.50'), withValue(value)))).toEqual([[['s3:Get*']], [undefined], [undefined]]);
  });

  it('ignores the order of the other keys when comparing statements', () => {
    const original = policyOf([{ Resource: '*', Effect: 'Allow', Action: 's3:Get*' }]);
    expect(pairing(original, policyOf([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]))).toEqual([['s3:GetObject']]);
  });

  it('never pairs statements whose effect, action key or other fields differ, and returns those as unmatched', () => {
    const original = policyOf([allow('s3:Get*')]);
    expect(unmatched(original, [deny('s3:Get*')])).toEqual([['s3:Get*']]);
    expect(unmatched(original, [allow('s3:Get*', 'NotAction')])).toEqual([['s3:Get*']]);
    expect(unmatched(original, [{ ...allow('s3:Get*'), Resource: 'arn:aws:s3:::bucket' }])).toEqual([['s3:Get*']]);
    expect(unmatched(original, [{ ...allow('s3:Get*'), Condition: { Bool: { 'aws:SecureTransport': true } } }])).toEqual([['s3:Get*']]);
  });

  it('compares nested fields deeply: equal conditions pair, lists in another order do not', () => {
    const condition = { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } };
    const original = policyOf([{ ...allow('s3:Get*'), Condition: condition }]);
    expect(unmatched(original, [{ ...allow('s3:GetObject'), Condition: structuredClone(condition) }])).toEqual([]);
    expect(unmatched(original, [{ ...allow('s3:GetObject'), Condition: { StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'us-east-1'] } } }])).toEqual([['s3:GetObject']]);
  });

  it('pairs in order and never reorders: swapped look-alike statements pair by position', () => {
    const original = policyOf([allow('s3:Get*'), allow('ec2:*')]);
    expect(pairing(original, policyOf([allow('ec2:*'), allow('s3:Get*')]))).toEqual([['ec2:*'], ['s3:Get*']]);
  });
});
