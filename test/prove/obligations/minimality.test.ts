import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../../src/catalog/tokenize.js';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import type { Json } from '../../../src/input/json.js';
import type { Obligation, StructuralResult } from '../../../src/prove/obligation.js';
import { minimalityObligations } from '../../../src/prove/obligations/minimality.js';
import { allow, catalogOf } from '../../support.js';
import { caseOf, inputOf, sharedPool, solveAll, type InputOptions } from '../_support.js';

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
  it('states one obligation per service of new patterns, expected sat, one witness per pattern, and none for a kept one', () => {
    expect(obligationsOf(ORIGINAL, CORRECT).map(({ id, claim, statement, title, expected, witnesses, witnessesFor }) => ({ id, claim, statement, title, expected, witnesses, witnessesFor }))).toEqual([
      { id: 's0-minimality-s3', claim: 'minimality', statement: 0, title: 'statement 0: "s3:GetObject*" not to "s3:get*": no shorter prefix can stand', expected: 'sat', witnesses: ['w_r0'], witnessesFor: ['s3:GetObject*'] },
      { id: 's0-minimality-iam', claim: 'minimality', statement: 0, title: 'statement 0: "iam:GetUser" not to "iam:*": no shorter prefix can stand', expected: 'sat', witnesses: ['w_r2'], witnessesFor: ['iam:GetUser'] },
    ]);
  });

  it('decides on structure a wildcard that does not end at a word boundary, with no obligation', () => {
    expect(minimality([allow('s3:Get*')], [allow('s3:GetObj*')])).toEqual({
      obligations: [],
      structural: [{ id: 's0-minimality-r0-node', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObj*', explanation: '"s3:GetObj*" does not end at a word boundary of an action the statement allows' }],
    });
  });

  it('takes the same wildcard as a node in char mode, one character shorter being its parent', () => {
    expect(obligationsOf([allow('s3:Get*')], [allow('s3:GetObj*')], 'char').map((obligation) => obligation.title)).toEqual(['statement 0: "s3:GetObj*" not to "s3:getob*": no shorter prefix can stand']);
  });

  it('decides on structure a literal that is not a catalog action', () => {
    expect(minimality([allow('s3:Get*')], [allow('s3:GetObjectX')]).structural).toEqual([
      { id: 's0-minimality-r0-node', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObjectX', explanation: '"s3:GetObjectX" is not a catalog action the original statement allows' },
    ]);
  });

  it('decides on structure a literal the original did not allow, and asks about the rest', () => {
    const { obligations, structural } = minimality([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:PutObject'])]);
    expect({ witnesses: obligations.map((obligation) => obligation.witnesses), structural: structural.map((result) => result.explanation) }).toEqual({
      witnesses: [['w_r0']],
      structural: ['"s3:PutObject" is not a catalog action the original statement allows'],
    });
  });

  it('climbs a lone literal to the highest node covering only it, whose parent is the shorter prefix', () => {
    const catalog = catalogOf({ s3: ['GetObjectAclLegacy', 'GetBucketAcl', 'GetBucketPolicy'] });
    const { obligations } = minimality([allow('s3:Get*')], [allow(['s3:GetObjectAclLegacy', 's3:GetBucketPolicy'])], { catalog, unused: { s3: ['GetBucketAcl'] } });
    expect(obligations.map((obligation) => obligation.title)).toEqual(['statement 0: "s3:GetObjectAclLegacy" not to "s3:get*", "s3:GetBucketPolicy" not to "s3:getbucket*": no shorter prefix can stand']);
  });

  it('shortens a literal other members start with to its own wildcard', () => {
    expect(obligationsOf([allow('s3:Get*')], TOO_LONG).map((obligation) => obligation.title)).toEqual([
      'statement 0: "s3:GetObject" not to "s3:getobject*", "s3:GetObjectAcl*" not to "s3:getobject*", "s3:GetObjectTagging" not to "s3:getobject*": no shorter prefix can stand',
    ]);
  });

  it('counts the patterns in the title when there are more than three', () => {
    const { obligations } = minimality([allow('s3:*')], [allow(['s3:GetObject*', 's3:GetBucketPolicy', 's3:PutObject', 's3:ListBucket'])]);
    expect(obligations.map(({ title, witnesses }) => ({ title, witnesses }))).toEqual([{ title: 'statement 0: 4 new s3 patterns: no shorter prefix can stand', witnesses: ['w_r0', 'w_r1', 'w_r2', 'w_r3'] }]);
  });

  it('states, for NotAction, one per service of added exclusions', () => {
    expect(obligationsOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]).map(({ id, witnesses }) => ({ id, witnesses }))).toEqual([{ id: 's0-minimality-iam', witnesses: ['w_r1'] }]);
  });

  it('is proven for a correct refinement, with an unused action the original allowed as each witness', async () => {
    const solved = await solveAll(pool(), obligationsOf(ORIGINAL, CORRECT));
    expect(solved.map(({ id, verdict }) => ({ id, verdict }))).toEqual([
      { id: 's0-minimality-s3', verdict: 'proven' },
      { id: 's0-minimality-iam', verdict: 'proven' },
    ]);
    expect([['s3:getbucketacl', 's3:getbucketpolicy'].includes(solved[0]!.witnesses![0]!), solved[1]!.witnesses]).toEqual([true, ['iam:listusers']]);
  });

  it('is refuted for a needlessly long prefix beside literals, naming the shorter safe prefix', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:Get*')], TOO_LONG))).toEqual([
      {
        id: 's0-minimality-s3',
        status: 'unsat',
        verdict: 'refuted',
        example: 's3:getobject*',
        explanation: '"s3:GetObject" is not a shortest safe prefix: "s3:getobject*" matches no unused action the original allows and no string outside it',
      },
    ]);
  });

  it('is refuted for a service where one pattern is minimal and another is not, naming the one that is not', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:Get*')], [allow(['s3:GetO*', 's3:GetObj*'])], 'char'))).toEqual([
      {
        id: 's0-minimality-s3',
        status: 'unsat',
        verdict: 'refuted',
        example: 's3:getob*',
        explanation: '"s3:GetObj*" is not a shortest safe prefix: "s3:getob*" matches no unused action the original allows and no string outside it',
      },
    ]);
  });

  it('is proven for a NotAction exclusion whose parent would exclude a used action', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]))).toEqual([
      { id: 's0-minimality-iam', status: 'sat', verdict: 'proven', witnesses: ['iam:getuser'] },
    ]);
  });

  it('is refuted for a NotAction exclusion whose parent excludes only unused actions', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 's3:GetBucketAcl', 'iam:ListUsers'], 'NotAction')]))).toEqual([
      { id: 's0-minimality-s3', status: 'unsat', verdict: 'refuted', example: 's3:getbucket*', explanation: '"s3:GetBucketAcl" is not a shortest safe prefix: "s3:getbucket*" excludes no used action' },
      { id: 's0-minimality-iam', status: 'sat', verdict: 'proven', witnesses: ['iam:getuser'] },
    ]);
  });

  it('is proven, for Action, by strings the shorter prefix matches and the original does not', async () => {
    const catalog = catalogOf({ s3: ['GetObjectAcl', 'GetBucketAcl', 'GetObject', 'PutObjectAcl'] });
    const { obligations } = minimality([allow('s3:*Acl')], [allow(['s3:GetBucketAcl', 's3:GetObjectAcl'])], { catalog, unused: { s3: ['PutObjectAcl'] } });
    const [solved] = await solveAll(pool(), obligations);
    expect({ id: solved!.id, verdict: solved!.verdict, witnesses: solved!.witnesses!.map((witness) => ({ starts: witness.startsWith('s3:get'), original: globMatches(parseGlob('s3:*Acl'), witness) })) }).toEqual({
      id: 's0-minimality-s3',
      verdict: 'proven',
      witnesses: [
        { starts: true, original: false },
        { starts: true, original: false },
      ],
    });
  });

  it('replays an unsafe action below the shorter prefix that the original allowed, and nothing else', () => {
    const [obligation] = obligationsOf(ORIGINAL, CORRECT);
    expect(['s3:getbucketacl', 'S3:GetBucketPolicy', 's3:getobject', 'iam:listusers', 's3:getbucketnothing'].map((witness) => obligation!.replay([witness]))).toEqual([true, true, false, false, false]);
  });

  it('replays a chunk only when every witness does', () => {
    const catalog = catalogOf({ s3: ['GetObjectAclLegacy', 'GetBucketAcl', 'GetBucketPolicy'] });
    const [obligation] = minimality([allow('s3:Get*')], [allow(['s3:GetObjectAclLegacy', 's3:GetBucketPolicy'])], { catalog, unused: { s3: ['GetBucketAcl'] } }).obligations;
    expect([['s3:getbucketacl', 's3:getbucketacl'], ['s3:getbucketacl', 's3:getbucketpolicy'], ['s3:getbucketacl']].map((values) => obligation!.replay(values))).toEqual([true, false, false]);
  });

  it('never replays a literal as the witness against its own shortening', () => {
    const [literal] = obligationsOf([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetBucketAcl'])]);
    const witnesses = ['s3:getbucketacl', 's3:getbucketpolicy'].map((value) => literal!.replay(['s3:getbucketacl', value]));
    expect(witnesses).toEqual([false, true]);
  });
});
