import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import { witnessesOf, type Obligation } from '../../../src/prove/obligation.js';
import { noRedundancyObligations } from '../../../src/prove/obligations/no-redundancy.js';
import { allow } from '../../support.js';
import { caseOf, inputOf, sharedPool, solveAll, termsOf } from '../_support.js';

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
  it('states one ground obligation per service of a changed statement, kept patterns included, expected unsat, naming an action per pattern', () => {
    expect(noRedundancy(ORIGINAL, CORRECT).map(({ id, claim, statement, title, expected, witnesses, witnessesFor, namedWitnesses }) => ({ id, claim, statement, title, expected, witnesses, witnessesFor, namedWitnesses }))).toEqual([
      { id: 's0-no-redundancy-s3', claim: 'no-redundancy', statement: 0, title: 'statement 0: "s3:GetObject*" each cover an action no other pattern covers', expected: 'unsat', witnesses: ['w'], witnessesFor: ['s3:GetObject*'], namedWitnesses: ['s3:getobject'] },
      { id: 's0-no-redundancy-ec2', claim: 'no-redundancy', statement: 0, title: 'statement 0: "ec2:*" each cover an action no other pattern covers', expected: 'unsat', witnesses: ['w'], witnessesFor: ['ec2:*'], namedWitnesses: ['ec2:describeinstances'] },
      { id: 's0-no-redundancy-iam', claim: 'no-redundancy', statement: 0, title: 'statement 0: "iam:GetUser" each cover an action no other pattern covers', expected: 'unsat', witnesses: ['w'], witnessesFor: ['iam:GetUser'], namedWitnesses: ['iam:getuser'] },
    ]);
  });

  it('asks about the patterns of one service together', () => {
    expect(noRedundancy(ORIGINAL, COVERED_BY('s3:GetBucketPolicy')).map(({ id, title, witnessesFor, namedWitnesses }) => ({ id, title, witnessesFor, namedWitnesses }))[0]).toEqual({
      id: 's0-no-redundancy-s3',
      title: 'statement 0: "s3:GetObject*", "s3:GetBucketPolicy" each cover an action no other pattern covers',
      witnessesFor: ['s3:GetObject*', 's3:GetBucketPolicy'],
      namedWitnesses: ['s3:getobject', 's3:getbucketpolicy'],
    });
  });

  it('states per pattern its named action, whether the pattern matches it, and whether another pattern does', () => {
    const [s3] = noRedundancy(ORIGINAL, [allow(['s3:GetObject*', 's3:GetObjectAcl', 's3:GetBucketPolicy', 'iam:GetUser'])]);
    expect(termsOf(s3!.script, 'covered')).toEqual([
      '(covered "s3:GetObject*" "s3:getobject" (r0 "s3:getobject") false)',
      '(covered "s3:GetObjectAcl" "s3:getobjectacl" (r1 "s3:getobjectacl") (r0 "s3:getobjectacl"))',
      '(covered "s3:GetBucketPolicy" "s3:getbucketpolicy" (r2 "s3:getbucketpolicy") false)',
    ]);
  });

  it('states none for an unchanged statement', () => {
    expect(noRedundancy(ORIGINAL, ORIGINAL)).toEqual([]);
  });

  it('states none for a dropped statement', () => {
    expect(noRedundancy(ORIGINAL, undefined)).toEqual([]);
  });

  it('asks nothing about a pattern that matches no catalog action', () => {
    expect(noRedundancy([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetNothing*'])]).map(({ id, witnessesFor }) => ({ id, witnessesFor }))).toEqual([{ id: 's0-no-redundancy-s3', witnessesFor: ['s3:GetObject*'] }]);
  });

  it('asks, for NotAction, about the added exclusions only', () => {
    expect(noRedundancy([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 'iam:ListUsers', 's3:GetBucket*'], 'NotAction')]).map(({ id, witnessesFor, namedWitnesses }) => ({ id, witnessesFor, namedWitnesses }))).toEqual([
      { id: 's0-no-redundancy-iam', witnessesFor: ['iam:ListUsers'], namedWitnesses: ['iam:listusers'] },
      { id: 's0-no-redundancy-s3', witnessesFor: ['s3:GetBucket*'], namedWitnesses: ['s3:getbucketacl'] },
    ]);
  });

  it('is proven for a correct refinement, each named witness an action only its pattern covers', async () => {
    const obligations = noRedundancy(ORIGINAL, CORRECT);
    const solved = await solveAll(pool(), obligations);
    expect(solved.map(({ id, status, verdict }, index) => ({ id, status, verdict, witnesses: witnessesOf(obligations[index]!, { status: status as 'unsat', timeMs: 1 }) }))).toEqual([
      { id: 's0-no-redundancy-s3', status: 'unsat', verdict: 'proven', witnesses: ['s3:getobject'] },
      { id: 's0-no-redundancy-ec2', status: 'unsat', verdict: 'proven', witnesses: ['ec2:describeinstances'] },
      { id: 's0-no-redundancy-iam', status: 'unsat', verdict: 'proven', witnesses: ['iam:getuser'] },
    ]);
  });

  it('is refuted for a duplicate pattern, the solver naming it', async () => {
    expect(await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:GetObject*')))).toEqual([
      { id: 's0-no-redundancy-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:GetObject*'], example: 's3:GetObject*', explanation: '"s3:GetObject*" is covered, on the catalog, by the other patterns of the statement' },
      { id: 's0-no-redundancy-iam', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is refuted for a literal a wildcard beside it covers, naming the literal', async () => {
    const [s3] = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:GetObjectAcl')));
    expect(s3).toEqual({ id: 's0-no-redundancy-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:GetObjectAcl'], example: 's3:GetObjectAcl', explanation: '"s3:GetObjectAcl" is covered, on the catalog, by the other patterns of the statement' });
  });

  it('is refuted for a pattern covered on the catalog though not on every string', async () => {
    const [s3] = await solveAll(pool(), noRedundancy(ORIGINAL, COVERED_BY('s3:*Tagging')));
    expect(s3).toEqual({ id: 's0-no-redundancy-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:*Tagging'], example: 's3:*Tagging', explanation: '"s3:*Tagging" is covered, on the catalog, by the other patterns of the statement' });
  });

  it('replays a refutation only for a pattern of the obligation that every catalog action it matches another pattern matches too', () => {
    const [covered] = noRedundancy(ORIGINAL, COVERED_BY('s3:GetObjectAcl'));
    const [notCovered] = noRedundancy(ORIGINAL, COVERED_BY('s3:GetBucketPolicy'));
    expect({
      covered: ['s3:GetObjectAcl', 's3:GetObject*', 's3:getobjectacl', 'iam:GetUser', ''].map((witness) => covered!.replay([witness])),
      notCovered: ['s3:GetObject*', 's3:GetBucketPolicy'].map((witness) => notCovered!.replay([witness])),
    }).toEqual({ covered: [true, false, false, false, false], notCovered: [false, false] });
  });
});
