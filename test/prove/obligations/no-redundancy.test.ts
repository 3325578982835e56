import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { noRedundancyObligations } from '../../../src/prove/obligations/no-redundancy.js';
import { allow } from '../../support.js';
import { caseOf, inputOf, sharedPool, solveAll } from '../_support.js';

const pool = sharedPool();

/** Claim 5's obligations for statement 0. */
function noRedundancy(original: Json, recommended: Json | undefined): Obligation[] {
  const input = inputOf(original, recommended);
  return noRedundancyObligations(caseOf(input), input);
}

const ORIGINAL = [allow(['s3:Get*', 'iam:*', 'ec2:*'])];
const CORRECT = [allow(['s3:GetObject*', 'ec2:*', 'iam:GetUser'])];
const COVERED_BY = (redundant: string): Json => [allow(['s3:GetObject*', redundant, 'iam:GetUser'])];

describe('noRedundancyObligations', () => {
  it('states one obligation per service of a changed statement, kept patterns included, expected sat, one witness per pattern', () => {
    expect(noRedundancy(ORIGINAL, CORRECT).map(({ id, claim, statement, title, expected, witnesses }) => ({ id, claim, statement, title, expected, witnesses }))).toEqual([
      { id: 's0-no-redundancy-s3', claim: 'no-redundancy', statement: 0, title: 'statement 0: "s3:GetObject*" each cover an action no other pattern covers', expected: 'sat', witnesses: ['w_r0'] },
      { id: 's0-no-redundancy-ec2', claim: 'no-redundancy', statement: 0, title: 'statement 0: "ec2:*" each cover an action no other pattern covers', expected: 'sat', witnesses: ['w_r1'] },
      { id: 's0-no-redundancy-iam', claim: 'no-redundancy', statement: 0, title: 'statement 0: "iam:GetUser" each cover an action no other pattern covers', expected: 'sat', witnesses: ['w_r2'] },
    ]);
  });

  it('asks about the patterns of one service together', () => {
    expect(noRedundancy(ORIGINAL, COVERED_BY('s3:GetBucketPolicy')).map(({ id, title, witnesses }) => ({ id, title, witnesses }))[0]).toEqual({
      id: 's0-no-redundancy-s3',
      title: 'statement 0: "s3:GetObject*", "s3:GetBucketPolicy" each cover an action no other pattern covers',
      witnesses: ['w_r0', 'w_r1'],
    });
  });

  it('states none for an unchanged statement', () => {
    expect(noRedundancy(ORIGINAL, ORIGINAL)).toEqual([]);
  });

  it('states none for a dropped statement', () => {
    expect(noRedundancy(ORIGINAL, undefined)).toEqual([]);
  });

  it('asks nothing about a pattern that matches no catalog action', () => {
    expect(noRedundancy([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetNothing*'])]).map(({ id, witnesses }) => ({ id, witnesses }))).toEqual([{ id: 's0-no-redundancy-s3', witnesses: ['w_r0'] }]);
  });

  it('asks, for NotAction, about the added exclusions only', () => {
    expect(noRedundancy([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 'iam:ListUsers', 's3:GetBucket*'], 'NotAction')]).map(({ id, witnesses }) => ({ id, witnesses }))).toEqual([
      { id: 's0-no-redundancy-iam', witnesses: ['w_r1'] },
      { id: 's0-no-redundancy-s3', witnesses: ['w_r2'] },
    ]);
  });

  it('is proven for a correct refinement, each witness an action only its pattern covers', async () => {
    const solved = await solveAll(pool(), noRedundancy(ORIGINAL, CORRECT));
    expect(solved.map(({ id, verdict }) => ({ id, verdict }))).toEqual([
      { id: 's0-no-redundancy-s3', verdict: 'proven' },
      { id: 's0-no-redundancy-ec2', verdict: 'proven' },
      { id: 's0-no-redundancy-iam', verdict: 'proven' },
    ]);
    expect([['s3:getobject', 's3:getobjectacl', 's3:getobjecttagging'].includes(solved[0]!.witnesses![0]!), solved[1]!.witnesses, solved[2]!.witnesses]).toEqual([true, ['ec2:describeinstances'], ['iam:getuser']]);
  });

  it('is refuted for a duplicate pattern', async () => {
    expect(await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:GetObject*')))).toEqual([
      { id: 's0-no-redundancy-s3', status: 'unsat', verdict: 'refuted', example: 's3:GetObject*', explanation: '"s3:GetObject*" is covered, on the catalog, by the other patterns of the statement' },
      { id: 's0-no-redundancy-iam', status: 'sat', verdict: 'proven', witnesses: ['iam:getuser'] },
    ]);
  });

  it('is refuted for a literal a wildcard beside it covers, naming the literal', async () => {
    const [s3] = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:GetObjectAcl')));
    expect(s3).toEqual({ id: 's0-no-redundancy-s3', status: 'unsat', verdict: 'refuted', example: 's3:GetObjectAcl', explanation: '"s3:GetObjectAcl" is covered, on the catalog, by the other patterns of the statement' });
  });

  it('is refuted for a pattern covered on the catalog though not on every string', async () => {
    const [s3] = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:*Tagging')));
    expect(s3).toEqual({ id: 's0-no-redundancy-s3', status: 'unsat', verdict: 'refuted', example: 's3:*Tagging', explanation: '"s3:*Tagging" is covered, on the catalog, by the other patterns of the statement' });
  });

  it('replays catalog actions each matched by its own pattern only, and nothing else', () => {
    const [s3] = noRedundancy(ORIGINAL, COVERED_BY('s3:GetBucketPolicy'));
    const cases = [
      ['s3:getobject', 's3:getbucketpolicy'],
      ['s3:getobject', 's3:getobject'],
      ['iam:getuser', 's3:getbucketpolicy'],
      ['s3:getobjectx', 's3:getbucketpolicy'],
      ['s3:getobject'],
    ];
    expect(cases.map((values) => s3!.replay(values))).toEqual([true, false, false, false, false]);
  });
});
