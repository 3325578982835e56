import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { noRedundancyObligations } from '../../../src/prove/obligations/no-redundancy.js';
import { allow } from '../../support.js';
import { caseOf, idsOf, inputOf, sharedPool, solveAll } from '../_support.js';

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
  it('states one obligation per pattern of a changed statement, kept ones included, expected sat', () => {
    expect(noRedundancy(ORIGINAL, CORRECT).map(({ id, claim, statement, title, expected, unsatExample }) => ({ id, claim, statement, title, expected, unsatExample }))).toEqual([
      { id: 's0-no-redundancy-r0', claim: 'no-redundancy', statement: 0, title: 'statement 0: "s3:GetObject*" covers an action no other pattern covers', expected: 'sat', unsatExample: 's3:GetObject*' },
      { id: 's0-no-redundancy-r1', claim: 'no-redundancy', statement: 0, title: 'statement 0: "ec2:*" covers an action no other pattern covers', expected: 'sat', unsatExample: 'ec2:*' },
      { id: 's0-no-redundancy-r2', claim: 'no-redundancy', statement: 0, title: 'statement 0: "iam:GetUser" covers an action no other pattern covers', expected: 'sat', unsatExample: 'iam:GetUser' },
    ]);
  });

  it('states none for an unchanged statement', () => {
    expect(noRedundancy(ORIGINAL, ORIGINAL)).toEqual([]);
  });

  it('states none for a dropped statement', () => {
    expect(noRedundancy(ORIGINAL, undefined)).toEqual([]);
  });

  it('states none for a pattern that matches no catalog action', () => {
    expect(idsOf(noRedundancy([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetNothing*'])]))).toEqual(['s0-no-redundancy-r0']);
  });

  it('states, for NotAction, one per added exclusion only', () => {
    expect(idsOf(noRedundancy([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 'iam:ListUsers', 's3:GetBucket*'], 'NotAction')]))).toEqual(['s0-no-redundancy-r1', 's0-no-redundancy-r2']);
  });

  it('is proven for a correct refinement, each witness an action only its pattern covers', async () => {
    const solved = await solveAll(pool(), noRedundancy(ORIGINAL, CORRECT));
    expect(solved.map(({ id, verdict }) => ({ id, verdict }))).toEqual([
      { id: 's0-no-redundancy-r0', verdict: 'proven' },
      { id: 's0-no-redundancy-r1', verdict: 'proven' },
      { id: 's0-no-redundancy-r2', verdict: 'proven' },
    ]);
    expect([['s3:getobject', 's3:getobjectacl', 's3:getobjecttagging'].includes(solved[0]!.witness!), solved[1]!.witness, solved[2]!.witness]).toEqual([true, 'ec2:describeinstances', 'iam:getuser']);
  });

  it('is refuted for both copies of a duplicate pattern', async () => {
    const solved = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:GetObject*')));
    expect(solved.slice(0, 2)).toEqual([
      { id: 's0-no-redundancy-r0', status: 'unsat', verdict: 'refuted', explanation: '"s3:GetObject*" is covered, on the catalog, by the other patterns of the statement' },
      { id: 's0-no-redundancy-r1', status: 'unsat', verdict: 'refuted', explanation: '"s3:GetObject*" is covered, on the catalog, by the other patterns of the statement' },
    ]);
  });

  it('is refuted for a literal a wildcard beside it covers, and proven for the wildcard', async () => {
    const solved = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:GetObjectAcl')));
    expect(solved.slice(0, 2).map(({ id, verdict, explanation }) => ({ id, verdict, explanation }))).toEqual([
      { id: 's0-no-redundancy-r0', verdict: 'proven', explanation: undefined },
      { id: 's0-no-redundancy-r1', verdict: 'refuted', explanation: '"s3:GetObjectAcl" is covered, on the catalog, by the other patterns of the statement' },
    ]);
  });

  it('is refuted for a pattern covered on the catalog though not on every string', async () => {
    const [, tagging] = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:*Tagging')));
    expect(tagging).toEqual({ id: 's0-no-redundancy-r1', status: 'unsat', verdict: 'refuted', explanation: '"s3:*Tagging" is covered, on the catalog, by the other patterns of the statement' });
  });

  it('replays a catalog action only that pattern matches, and nothing else', () => {
    const [getObject] = noRedundancy(ORIGINAL, COVERED_BY('s3:GetObjectAcl'));
    expect(['s3:getobject', 's3:getobjectacl', 'iam:getuser', 's3:getobjectx'].map((witness) => getObject!.replay!(witness))).toEqual([true, false, false, false]);
  });
});
