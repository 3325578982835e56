import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../src/catalog/tokenize.js';
import { refineNotActionStatement } from '../../src/recommend/refine-not-action.js';
import type { StatementRefinement } from '../../src/recommend/refinement.js';
import { allow, catalogOf, policyOf, unusedOf } from '../support.js';

const CATALOG = catalogOf({
  s3: ['GetObject', 'GetObjectAcl', 'GetBucketAcl', 'PutObject', 'ListBucket'],
  ec2: ['DescribeInstances', 'RunInstances'],
  iam: ['CreateUser', 'DeleteUser', 'GetUser'],
});

/** Refines one Allow statement with these NotAction exclusions. */
function refine(exclusions: string | string[], unused: Readonly<Record<string, readonly string[] | undefined>>, granularity: Granularity = 'word'): StatementRefinement {
  const statement = policyOf([allow(exclusions, 'NotAction')]).statements[0]!;
  return refineNotActionStatement(statement, { catalog: CATALOG, unused: unusedOf(CATALOG, unused), granularity });
}

const summary = (refinement: StatementRefinement) => ({ outcome: refinement.outcome, added: refinement.addedExclusions, redundant: refinement.redundant, result: refinement.result });

describe('refineNotActionStatement', () => {
  it('leaves the statement unchanged when every unused action is already excluded', () => {
    expect(summary(refine(['iam:*', 'ec2:Run*'], { iam: undefined, ec2: ['RunInstances'] }))).toEqual({ outcome: 'unchanged', added: [], redundant: [], result: ['iam:*', 'ec2:Run*'] });
  });

  it('adds the unused actions it allowed as exclusions, after the original ones', () => {
    expect(summary(refine('iam:*', { s3: ['GetBucketAcl', 'ListBucket'] }))).toEqual({ outcome: 'refined', added: ['s3:GetBucketAcl', 's3:ListBucket'], redundant: [], result: ['iam:*', 's3:GetBucketAcl', 's3:ListBucket'] });
  });

  it('compresses the added exclusions to shortest prefixes that exclude no used action', () => {
    expect(refine('iam:*', { s3: ['GetObject', 'GetObjectAcl'], ec2: undefined }).addedExclusions).toEqual(['ec2:*', 's3:GetObject*']);
  });

  it('writes a literal where a prefix would also exclude a used action', () => {
    expect(refine('iam:*', { s3: ['GetObject'] }).addedExclusions).toEqual(['s3:GetObject']);
  });

  it('compresses at characters in char mode', () => {
    expect(refine('iam:*', { s3: ['GetBucketAcl', 'GetObject', 'GetObjectAcl'] }, 'char').addedExclusions).toEqual(['s3:G*']);
  });

  // Regression (was a bug): the char-mode trie over the whole catalog cuts inside service prefixes, so excluding all of s3 gives "s*", which IAM (and parsePolicy) refuse as an action pattern.
  it('in char mode, adds only exclusions of the form "service:action"', () => {
    expect(refine('iam:*', { s3: undefined }, 'char').addedExclusions).toEqual(['s3:*']);
  });

  it('drops an original exclusion that an added one contains for every string', () => {
    expect(summary(refine(['iam:*', 's3:Get*'], { s3: undefined }))).toEqual({ outcome: 'refined', added: ['s3:*'], redundant: ['s3:Get*'], result: ['iam:*', 's3:*'] });
  });

  it('keeps an original exclusion that no single pattern contains for every string', () => {
    expect(refine(['iam:*', 's3:Get?bject'], { s3: ['GetObject', 'GetObjectAcl'] }).result).toEqual(['iam:*', 's3:Get?bject', 's3:GetObject*']);
  });

  it('drops the statement when it would allow no used action', () => {
    expect(summary(refine('iam:*', { s3: undefined, ec2: undefined }))).toEqual({ outcome: 'dropped', added: [], redundant: [], result: [] });
  });

  it('keeps the Action outcome list empty: NotAction patterns have no fates', () => {
    expect(refine('iam:*', { s3: ['GetObject'] }).patterns).toEqual([]);
  });
});
