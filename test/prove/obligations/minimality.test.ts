import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../../src/catalog/tokenize.js';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import type { Json } from '../../../src/input/json.js';
import type { Obligation, StructuralResult } from '../../../src/prove/obligation.js';
import { minimalityObligations } from '../../../src/prove/obligations/minimality.js';
import { allow, catalogOf } from '../../support.js';
import { caseOf, idsOf, inputOf, sharedPool, solveAll, type InputOptions } from '../_support.js';

const pool = sharedPool();

/** Claim 4 for statement 0: the obligations and what structure alone decided. */
function minimality(original: Json, recommended: Json, options: InputOptions = {}): { obligations: Obligation[]; structural: StructuralResult[] } {
  const input = inputOf(original, recommended, options);
  return minimalityObligations(caseOf(input), input);
}

const obligationsOf = (original: Json, recommended: Json, granularity: Granularity = 'word'): Obligation[] => minimality(original, recommended, { granularity }).obligations;

const ORIGINAL = [allow(['s3:Get*', 'iam:*', 'ec2:*'])];
const CORRECT = [allow(['s3:GetObject*', 'ec2:*', 'iam:GetUser'])];
/** `s3:GetObjectAcl*` beside the other GetObject actions, where `s3:GetObject*` is safe. */
const TOO_LONG = [allow(['s3:GetObject', 's3:GetObjectAcl*', 's3:GetObjectTagging'])];

describe('minimalityObligations', () => {
  it('states one obligation per new pattern, expected sat, and none for a kept one', () => {
    expect(obligationsOf(ORIGINAL, CORRECT).map(({ id, claim, statement, title, expected, unsatExample }) => ({ id, claim, statement, title, expected, unsatExample }))).toEqual([
      { id: 's0-minimality-r0', claim: 'minimality', statement: 0, title: 'statement 0: "s3:GetObject*" cannot be shortened to "s3:get*"', expected: 'sat', unsatExample: 's3:get*' },
      { id: 's0-minimality-r2', claim: 'minimality', statement: 0, title: 'statement 0: "iam:GetUser" cannot be shortened to "iam:*"', expected: 'sat', unsatExample: 'iam:*' },
    ]);
  });

  it('decides on structure a wildcard that does not end at a word boundary, with no obligation', () => {
    expect(minimality([allow('s3:Get*')], [allow('s3:GetObj*')])).toEqual({
      obligations: [],
      structural: [{ id: 's0-minimality-r0', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObj*', explanation: '"s3:GetObj*" does not end at a word boundary of an action the statement allows' }],
    });
  });

  it('takes the same wildcard as a node in char mode, one character shorter being its parent', () => {
    expect(obligationsOf([allow('s3:Get*')], [allow('s3:GetObj*')], 'char').map((obligation) => obligation.title)).toEqual(['statement 0: "s3:GetObj*" cannot be shortened to "s3:getob*"']);
  });

  it('decides on structure a literal that is not a catalog action', () => {
    expect(minimality([allow('s3:Get*')], [allow('s3:GetObjectX')]).structural).toEqual([
      { id: 's0-minimality-r0', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObjectX', explanation: '"s3:GetObjectX" is not a catalog action the original statement allows' },
    ]);
  });

  it('decides on structure a literal the original did not allow', () => {
    expect(minimality([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:PutObject'])]).structural.map((result) => result.explanation)).toEqual([
      '"s3:PutObject" is not a catalog action the original statement allows',
    ]);
  });

  it('climbs a lone literal to the highest node covering only it, whose parent is the shorter prefix', () => {
    const catalog = catalogOf({ s3: ['GetObjectAclLegacy', 'GetBucketAcl', 'GetBucketPolicy'] });
    const { obligations } = minimality([allow('s3:Get*')], [allow(['s3:GetObjectAclLegacy', 's3:GetBucketPolicy'])], { catalog, unused: { s3: ['GetBucketAcl'] } });
    expect(obligations.map((obligation) => obligation.title)).toEqual([
      'statement 0: "s3:GetObjectAclLegacy" cannot be shortened to "s3:get*"',
      'statement 0: "s3:GetBucketPolicy" cannot be shortened to "s3:getbucket*"',
    ]);
  });

  it('shortens a literal other members start with to its own wildcard', () => {
    expect(obligationsOf([allow('s3:Get*')], TOO_LONG).map((obligation) => obligation.title)).toEqual([
      'statement 0: "s3:GetObject" cannot be shortened to "s3:getobject*"',
      'statement 0: "s3:GetObjectAcl*" cannot be shortened to "s3:getobject*"',
      'statement 0: "s3:GetObjectTagging" cannot be shortened to "s3:getobject*"',
    ]);
  });

  it('states, for NotAction, one per added exclusion', () => {
    expect(idsOf(obligationsOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]))).toEqual(['s0-minimality-r1']);
  });

  it('is proven for a correct refinement, with an unused action the original allowed as witness', async () => {
    const solved = await solveAll(pool(), obligationsOf(ORIGINAL, CORRECT));
    expect(solved.map(({ id, verdict }) => ({ id, verdict }))).toEqual([
      { id: 's0-minimality-r0', verdict: 'proven' },
      { id: 's0-minimality-r2', verdict: 'proven' },
    ]);
    expect([['s3:getbucketacl', 's3:getbucketpolicy'].includes(solved[0]!.witness!), solved[1]!.witness]).toEqual([true, 'iam:listusers']);
  });

  it('is refuted for a needlessly long prefix, naming the shorter safe one', async () => {
    const solved = await solveAll(pool(), obligationsOf([allow('s3:Get*')], TOO_LONG));
    expect(solved[1]).toEqual({
      id: 's0-minimality-r1',
      status: 'unsat',
      verdict: 'refuted',
      explanation: '"s3:GetObjectAcl*" is not a shortest safe prefix: "s3:getobject*" matches no unused action the original allows and no string outside it',
    });
  });

  it('is refuted for each literal that one safe wildcard could replace', async () => {
    const solved = await solveAll(pool(), obligationsOf([allow('s3:Get*')], TOO_LONG));
    expect(solved.map(({ id, verdict }) => ({ id, verdict }))).toEqual([
      { id: 's0-minimality-r0', verdict: 'refuted' },
      { id: 's0-minimality-r1', verdict: 'refuted' },
      { id: 's0-minimality-r2', verdict: 'refuted' },
    ]);
  });

  it('is refuted in char mode for a prefix one character longer than a safe one', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:Get*')], [allow('s3:GetObj*')], 'char'))).toEqual([
      {
        id: 's0-minimality-r0',
        status: 'unsat',
        verdict: 'refuted',
        explanation: '"s3:GetObj*" is not a shortest safe prefix: "s3:getob*" matches no unused action the original allows and no string outside it',
      },
    ]);
  });

  it('is proven for a NotAction exclusion whose parent would exclude a used action', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]))).toEqual([
      { id: 's0-minimality-r1', status: 'sat', verdict: 'proven', witness: 'iam:getuser' },
    ]);
  });

  it('is refuted for a NotAction exclusion whose parent excludes only unused actions', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 's3:GetBucketAcl', 'iam:ListUsers'], 'NotAction')]))).toEqual([
      { id: 's0-minimality-r1', status: 'unsat', verdict: 'refuted', explanation: '"s3:GetBucketAcl" is not a shortest safe prefix: "s3:getbucket*" excludes no used action' },
      { id: 's0-minimality-r2', status: 'sat', verdict: 'proven', witness: 'iam:getuser' },
    ]);
  });

  it('is proven, for Action, by a string the shorter prefix matches and the original does not', async () => {
    const catalog = catalogOf({ s3: ['GetObjectAcl', 'GetBucketAcl', 'GetObject', 'PutObjectAcl'] });
    const { obligations } = minimality([allow('s3:*Acl')], [allow(['s3:GetBucketAcl', 's3:GetObjectAcl'])], { catalog, unused: { s3: ['PutObjectAcl'] } });
    const solved = await solveAll(pool(), obligations);
    expect(solved.map(({ id, verdict, witness }) => ({ id, verdict, starts: witness!.startsWith('s3:get'), original: globMatches(parseGlob('s3:*Acl'), witness!) }))).toEqual([
      { id: 's0-minimality-r0', verdict: 'proven', starts: true, original: false },
      { id: 's0-minimality-r1', verdict: 'proven', starts: true, original: false },
    ]);
  });

  it('replays an unsafe action below the shorter prefix that the original allowed, and nothing else', () => {
    const [obligation] = obligationsOf(ORIGINAL, CORRECT);
    expect(['s3:getbucketacl', 'S3:GetBucketPolicy', 's3:getobject', 'iam:listusers', 's3:getbucketnothing'].map((witness) => obligation!.replay!(witness))).toEqual([true, true, false, false, false]);
  });

  it('never replays the literal itself as the witness of its own shortening', () => {
    const [literal] = obligationsOf([allow('s3:Get*')], TOO_LONG);
    expect(['s3:getobject', 's3:getobjectacl'].map((witness) => literal!.replay!(witness))).toEqual([false, false]);
  });
});
