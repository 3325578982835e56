import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../src/catalog/tokenize.js';
import type { Json } from '../../src/input/json.js';
import { judge } from '../../src/oracle/judge.js';
import type { ClaimId, ClaimResult } from '../../src/prove/claims.js';
import { allow, catalogOf, deny, policyOf, unusedOf } from '../support.js';

const CATALOG = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'PutObject'], iam: ['GetUser'] });
const UNUSED = unusedOf(CATALOG, { s3: ['GetBucketAcl'] });

/** Judges a recommendation (`undefined`: DETACH_POLICY) of an original policy, both given as statements. */
function judged(original: Json, recommended: Json | undefined, claims?: readonly ClaimId[], granularity: Granularity = 'word'): ClaimResult[] {
  return judge({ original: policyOf(original), unused: UNUSED, catalog: CATALOG, recommended: recommended === undefined ? undefined : policyOf(recommended), granularity }, claims);
}

/** The results that do not hold. */
const failures = (results: readonly ClaimResult[]): ClaimResult[] => results.filter((result) => !result.holds);

describe('judge', () => {
  it('finds every claim holding for a right refinement, in claim order, with the minimality witness', () => {
    expect(judged([allow('s3:Get*')], [allow('s3:GetObject*')])).toEqual([
      { claim: 'exact', statement: 0, holds: true, explanation: 'allows exactly the used actions the original allowed' },
      { claim: 'no-escalation', statement: 0, holds: true, explanation: 'the refinement matches no string the original does not' },
      { claim: 'safety', statement: 0, holds: true, explanation: 'no unused action is allowed' },
      { claim: 'minimality', statement: 0, holds: true, example: 's3:GetBucketAcl', explanation: 'every new pattern is a shortest safe prefix' },
      { claim: 'no-redundancy', statement: 0, holds: true, explanation: 'no pattern is covered by the others' },
    ]);
  });

  it('judges only the claims asked for', () => {
    expect(judged([allow('s3:Get*')], [allow('s3:GetObject*')], ['safety']).map((result) => result.claim)).toEqual(['safety']);
  });

  it('refutes exactness with a used action the refinement lost', () => {
    expect(judged([allow('s3:Get*')], [allow('s3:GetObject')], ['exact'])).toEqual([
      { claim: 'exact', statement: 0, holds: false, example: 's3:GetObjectAcl', explanation: 's3:GetObjectAcl is used and was allowed, but the recommendation no longer allows it' },
    ]);
  });

  it('refutes exactness and safety with an unused action still allowed', () => {
    expect(failures(judged([allow('s3:Get*')], [allow('s3:Get*')], ['exact', 'safety']))).toEqual([
      { claim: 'exact', statement: 0, holds: false, example: 's3:GetBucketAcl', explanation: 's3:GetBucketAcl is allowed by the recommendation but should not be' },
      { claim: 'safety', statement: 0, holds: false, example: 's3:GetBucketAcl', explanation: 'unused action s3:GetBucketAcl is still allowed' },
    ]);
  });

  it('refutes no escalation with a string the refinement matches and the original does not, beyond the catalog', () => {
    expect(failures(judged([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:Got*'])], ['exact', 'no-escalation', 'safety']))).toEqual([
      { claim: 'no-escalation', statement: 0, holds: false, example: 's3:got', explanation: 'refined pattern "s3:Got*" matches "s3:got", which the original does not' },
    ]);
  });

  it('refutes minimality for a wildcard that does not end at a word boundary', () => {
    expect(judged([allow('s3:Get*')], [allow('s3:GetObj*')], ['minimality'])).toEqual([
      { claim: 'minimality', statement: 0, holds: false, example: 's3:GetObj*', explanation: '"s3:GetObj*" does not end at a word boundary of an action it stands for' },
    ]);
  });

  it('accepts the same wildcard as a node in char mode, and refutes it because the prefix one character shorter is safe too', () => {
    expect(judged([allow('s3:Get*')], [allow('s3:GetObj*')], ['minimality'], 'char')).toEqual([
      { claim: 'minimality', statement: 0, holds: false, example: 's3:getob*', explanation: '"s3:GetObj*" is not a shortest safe prefix: "s3:getob*" is safe too' },
    ]);
  });

  it('refutes minimality for literals where one wildcard was safe', () => {
    expect(judged([allow('s3:Get*')], [allow(['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging'])], ['minimality'])).toEqual([
      { claim: 'minimality', statement: 0, holds: false, example: 's3:getobject*', explanation: '"s3:GetObject" is not a shortest safe prefix: "s3:getobject*" is safe too' },
    ]);
  });

  it('refutes no redundancy with a pattern the others cover on the catalog', () => {
    expect(judged([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetObjectAcl'])], ['no-redundancy'])).toEqual([
      { claim: 'no-redundancy', statement: 0, holds: false, example: 's3:GetObjectAcl', explanation: '"s3:GetObjectAcl" is covered on the catalog by the other patterns' },
    ]);
  });

  it('accepts a dropped statement whose actions are all unused', () => {
    expect(failures(judged([allow('s3:GetBucket*'), allow('iam:*')], [allow('iam:*')]))).toEqual([]);
  });

  it('refutes a DETACH_POLICY that drops used actions', () => {
    expect(failures(judged([allow('iam:*')], undefined)).map((result) => result.explanation)).toEqual(['iam:GetUser is used and was allowed, but the recommendation no longer allows it']);
  });

  it('checks only that a Deny statement is unchanged', () => {
    expect(judged([deny('s3:GetBucketAcl')], [deny('s3:GetBucketAcl')])).toEqual([{ claim: 'no-escalation', statement: 0, holds: true, explanation: 'Deny statement unchanged' }]);
    expect(judged([deny('s3:Get*'), allow('iam:*')], [deny('s3:GetObject*'), allow('iam:*')], ['no-escalation'])).toEqual([
      { claim: 'no-escalation', statement: 0, holds: false, explanation: 'a Deny statement was changed or dropped' },
      { claim: 'no-escalation', statement: 1, holds: true, explanation: 'the refinement matches no string the original does not' },
    ]);
  });

  it('refutes no escalation for a recommended statement with no original counterpart', () => {
    expect(failures(judged([allow('s3:GetObject')], [allow('s3:GetObject'), { ...allow('iam:*'), Resource: 'arn:aws:iam::1:user/x' }], ['no-escalation']))).toEqual([
      { claim: 'no-escalation', statement: 1, holds: false, explanation: 'recommended statement 1 has no original counterpart (a new statement, or a changed effect or non-action field)' },
    ]);
  });

  it('accepts NotAction exclusions that grow by the unused actions', () => {
    expect(failures(judged([allow('iam:*', 'NotAction')], [allow(['iam:*', 's3:GetBucketAcl'], 'NotAction')]))).toEqual([]);
  });

  it('refutes NotAction exclusions that shrink, with a string no longer excluded', () => {
    expect(failures(judged([allow('iam:*', 'NotAction')], [allow(['s3:GetBucketAcl'], 'NotAction')], ['no-escalation']))).toEqual([
      { claim: 'no-escalation', statement: 0, holds: false, example: 'iam:', explanation: 'original exclusion "iam:*" excludes "iam:", which the refined exclusions do not' },
    ]);
  });
});
