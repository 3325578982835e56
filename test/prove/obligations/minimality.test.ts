import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../../src/catalog/tokenize.js';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import type { Json } from '../../../src/input/json.js';
import { witnessesOf, type Obligation, type StructuralResult } from '../../../src/prove/obligation.js';
import { minimalityObligations } from '../../../src/prove/obligations/minimality.js';
import { allow, catalogOf } from '../../support.js';
import { caseOf, inputOf, sharedPool, solveAll, termsOf, UNUSED, type InputOptions } from '../_support.js';

const pool = sharedPool();

/** Claim 4 for statement 0: the obligations and what structure alone decided. */
function minimality(original: Json, recommended: Json, options: InputOptions = {}): { obligations: Obligation[]; structural: StructuralResult[] } {
  const input = inputOf(original, recommended, options);
  return minimalityObligations(caseOf(input), input);
}

const obligationsOf = (original: Json, recommended: Json, granularity: Granularity = 'word'): Obligation[] => minimality(original, recommended, { granularity }).obligations;

/** Solves obligations and gives each one's witnesses as the checker reports them (`witnessesOf`). */
async function provenWitnesses(obligations: readonly Obligation[]): Promise<{ id: string; verdict: string; witnesses?: readonly string[] }[]> {
  const solved = await solveAll(pool(), obligations);
  return solved.map(({ id, status, verdict, witnesses }, index) => {
    const named = witnessesOf(obligations[index]!, { status: status as 'sat' | 'unsat', timeMs: 1, ...(witnesses === undefined ? {} : { witnesses }) });
    return { id, verdict, ...(named === undefined ? {} : { witnesses: named }) };
  });
}

const ORIGINAL = [allow(['s3:Get*', 'iam:*', 'ec2:*'])];
const CORRECT = [allow(['s3:GetObject*', 'ec2:*', 'iam:GetUser'])];
/** `s3:GetObjectAcl*` beside the other GetObject actions, where `s3:GetObject*` is safe. */
const TOO_LONG = [allow(['s3:GetObject', 's3:GetObjectAcl*', 's3:GetObjectTagging'])];
/** The `Action` case where no catalog action stands against a shorter prefix: only strings outside the original can. */
const OUTSIDE = { catalog: catalogOf({ s3: ['GetObjectAcl', 'GetBucketAcl', 'GetObject', 'PutObjectAcl'] }), unused: { s3: ['PutObjectAcl'] } };
/** A NotAction exclusion whose parent excludes only unused actions, beside one whose parent would exclude a used one. */
const NOT_MINIMAL_EXCLUSION = (): Obligation[] => obligationsOf([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 's3:GetBucketAcl', 'iam:ListUsers'], 'NotAction')]);

describe('minimalityObligations', () => {
  it('states one ground obligation per service of new patterns, expected unsat, naming a candidate action per pattern, and none for a kept one', () => {
    expect(obligationsOf(ORIGINAL, CORRECT).map(({ id, claim, statement, title, expected, witnesses, witnessesFor, namedWitnesses }) => ({ id, claim, statement, title, expected, witnesses, witnessesFor, namedWitnesses }))).toEqual([
      { id: 's0-minimality-s3', claim: 'minimality', statement: 0, title: 'statement 0: "s3:GetObject*" not to "s3:get*": no shorter prefix can stand', expected: 'unsat', witnesses: ['w'], witnessesFor: ['s3:GetObject*'], namedWitnesses: ['s3:getbucketacl'] },
      { id: 's0-minimality-iam', claim: 'minimality', statement: 0, title: 'statement 0: "iam:GetUser" not to "iam:*": no shorter prefix can stand', expected: 'unsat', witnesses: ['w'], witnessesFor: ['iam:GetUser'], namedWitnesses: ['iam:listusers'] },
    ]);
  });

  it('states, per pattern, its parent prefix and the candidate below it with the facts that make it a reason', () => {
    const [s3] = obligationsOf([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetBucketAcl'])]);
    expect(termsOf(s3!.script, 'shortenable')).toEqual([
      '(shortenable "s3:GetObject*" "s3:get" "s3:getbucketacl" true (o0 "s3:getbucketacl"))',
      '(shortenable "s3:GetBucketAcl" "s3:getbucket" "s3:getbucketpolicy" true (o0 "s3:getbucketpolicy"))',
    ]);
  });

  it('states each pattern’s trie node and parent with the allowed action whose token split makes each', () => {
    const [s3] = obligationsOf([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetBucketAcl'])]);
    expect(s3!.script.split('\n').filter((line) => line.startsWith(';   '))).toEqual([
      ';   s3:GetObject*: node "s3:getobject" (s3:|Get|Object of s3:GetObject); parent "s3:get" (s3:|Get|Bucket|Acl of s3:GetBucketAcl)',
      ';   s3:GetBucketAcl: node the action s3:GetBucketAcl; parent "s3:getbucket" (s3:|Get|Bucket|Acl of s3:GetBucketAcl)',
    ]);
  });

  it('decides on structure a wildcard that does not end at a word boundary, with no obligation', () => {
    expect(minimality([allow('s3:Get*')], [allow('s3:GetObj*')])).toEqual({
      obligations: [],
      structural: [{ id: 's0-minimality-r0-node', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObj*', explanation: '"s3:GetObj*" does not end at a word boundary of an action the statement allows' }],
    });
  });

  it('takes the same wildcard as a node in char mode, one character shorter being its parent', () => {
    expect(obligationsOf([allow('s3:Get*')], [allow('s3:GetObj*')], 'char').map(({ id, title, expected }) => ({ id, title, expected }))).toEqual([
      { id: 's0-minimality-outside', title: 'statement 0: "s3:GetObj*" not to "s3:getob*": the shorter prefix reaches outside the original', expected: 'sat' },
    ]);
  });

  it('decides on structure a literal that is not a catalog action', () => {
    expect(minimality([allow('s3:Get*')], [allow('s3:GetObjectX')]).structural).toEqual([
      { id: 's0-minimality-r0-node', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObjectX', explanation: '"s3:GetObjectX" is not a catalog action the original statement allows' },
    ]);
  });

  it('decides on structure a literal the original did not allow, and asks about the rest', () => {
    const { obligations, structural } = minimality([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:PutObject'])]);
    expect({ patterns: obligations.map((obligation) => obligation.witnessesFor), structural: structural.map((result) => result.explanation) }).toEqual({
      patterns: [['s3:GetObject*']],
      structural: ['"s3:PutObject" is not a catalog action the original statement allows'],
    });
  });

  it('climbs a lone literal to the highest node covering only it, whose parent is the shorter prefix', () => {
    const catalog = catalogOf({ s3: ['GetObjectAclLegacy', 'GetBucketAcl', 'GetBucketPolicy'] });
    const { obligations } = minimality([allow('s3:Get*')], [allow(['s3:GetObjectAclLegacy', 's3:GetBucketPolicy'])], { catalog, unused: { s3: ['GetBucketAcl'] } });
    expect(obligations.map(({ title, namedWitnesses }) => ({ title, namedWitnesses }))).toEqual([
      { title: 'statement 0: "s3:GetObjectAclLegacy" not to "s3:get*", "s3:GetBucketPolicy" not to "s3:getbucket*": no shorter prefix can stand', namedWitnesses: ['s3:getbucketacl', 's3:getbucketacl'] },
    ]);
  });

  it('shortens a literal other members start with to its own wildcard', () => {
    expect(obligationsOf([allow('s3:Get*')], TOO_LONG).map((obligation) => obligation.title)).toEqual([
      'statement 0: "s3:GetObject" not to "s3:getobject*", "s3:GetObjectAcl*" not to "s3:getobject*", "s3:GetObjectTagging" not to "s3:getobject*": the shorter prefix reaches outside the original',
    ]);
  });

  it('counts the patterns in the title when there are more than three', () => {
    const { obligations } = minimality([allow('s3:*')], [allow(['s3:GetObject*', 's3:GetBucketPolicy', 's3:PutObject', 's3:ListBucket'])]);
    expect(obligations.map(({ title, witnessesFor, namedWitnesses }) => ({ title, witnessesFor, namedWitnesses }))).toEqual([
      {
        title: 'statement 0: 4 new s3 patterns: no shorter prefix can stand',
        witnessesFor: ['s3:GetObject*', 's3:GetBucketPolicy', 's3:PutObject', 's3:ListBucket'],
        namedWitnesses: ['s3:getbucketacl', 's3:getbucketacl', 's3:getbucketacl', 's3:getbucketacl'],
      },
    ]);
  });

  it('states, for NotAction, one per service of added exclusions, each naming a used action the shorter exclusion would take away', () => {
    const [iam] = obligationsOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]);
    expect({ id: iam!.id, witnessesFor: iam!.witnessesFor, namedWitnesses: iam!.namedWitnesses, lines: termsOf(iam!.script, 'shortenable') }).toEqual({
      id: 's0-minimality-iam',
      witnessesFor: ['iam:ListUsers'],
      namedWitnesses: ['iam:getuser'],
      lines: ['(shortenable "iam:ListUsers" "iam:" "iam:getuser" false (not false))'],
    });
  });

  it('states the Action patterns no catalog action stands against in one sat-expected outside obligation, a witness constant each', () => {
    const { obligations } = minimality([allow('s3:*Acl')], [allow(['s3:GetBucketAcl', 's3:GetObjectAcl'])], OUTSIDE);
    expect(obligations.map(({ id, expected, witnesses, witnessesFor, namedWitnesses }) => ({ id, expected, witnesses, witnessesFor, namedWitnesses }))).toEqual([
      { id: 's0-minimality-outside', expected: 'sat', witnesses: ['w_r0', 'w_r1'], witnessesFor: ['s3:GetBucketAcl', 's3:GetObjectAcl'], namedWitnesses: undefined },
    ]);
    expect(obligations[0]!.script.split('\n').filter((line) => line.startsWith('(assert'))).toEqual([
      '(assert (and (str.in_re w_r0 (re.diff (re.++ (str.to_re "s3:get") re.all) o0)) (not (str.in_re w_r0 (re.++ re.all (re.range "A" "Z") re.all)))))',
      '(assert (and (str.in_re w_r1 (re.diff (re.++ (str.to_re "s3:get") re.all) o0)) (not (str.in_re w_r1 (re.++ re.all (re.range "A" "Z") re.all)))))',
    ]);
  });

  it('puts a pattern in the ground obligation or the outside one, never both', () => {
    const obligations = obligationsOf([allow('s3:Get*')], [allow(['s3:GetO*', 's3:GetObj*'])], 'char');
    expect(obligations.map(({ id, witnessesFor }) => ({ id, witnessesFor }))).toEqual([
      { id: 's0-minimality-s3', witnessesFor: ['s3:GetO*'] },
      { id: 's0-minimality-outside', witnessesFor: ['s3:GetObj*'] },
    ]);
  });

  it('is proven for a correct refinement, each named witness an unused action the original allowed', async () => {
    expect(await provenWitnesses(obligationsOf(ORIGINAL, CORRECT))).toEqual([
      { id: 's0-minimality-s3', verdict: 'proven', witnesses: ['s3:getbucketacl'] },
      { id: 's0-minimality-iam', verdict: 'proven', witnesses: ['iam:listusers'] },
    ]);
    expect([UNUSED.s3.includes('GetBucketAcl'), UNUSED.iam.includes('ListUsers'), globMatches(parseGlob('s3:Get*'), 's3:getbucketacl')]).toEqual([true, true, true]);
  });

  it('is refuted for a needlessly long prefix beside literals, naming the shorter safe prefix', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:Get*')], TOO_LONG))).toEqual([
      {
        id: 's0-minimality-outside',
        status: 'unsat',
        verdict: 'refuted',
        example: 's3:getobject*',
        explanation: '"s3:GetObject" is not a shortest safe prefix: "s3:getobject*" matches no unused action the original allows and no string outside it',
      },
    ]);
  });

  it('is refuted for a service where one pattern is minimal and another is not, naming the one that is not', async () => {
    expect(await solveAll(pool(), obligationsOf([allow('s3:Get*')], [allow(['s3:GetO*', 's3:GetObj*'])], 'char'))).toEqual([
      { id: 's0-minimality-s3', status: 'unsat', verdict: 'proven' },
      {
        id: 's0-minimality-outside',
        status: 'unsat',
        verdict: 'refuted',
        example: 's3:getob*',
        explanation: '"s3:GetObj*" is not a shortest safe prefix: "s3:getob*" matches no unused action the original allows and no string outside it',
      },
    ]);
  });

  it('is proven for a NotAction exclusion whose parent would exclude a used action', async () => {
    const obligations = obligationsOf([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]);
    expect({ solved: await solveAll(pool(), obligations), witnesses: await provenWitnesses(obligations) }).toEqual({
      solved: [{ id: 's0-minimality-iam', status: 'unsat', verdict: 'proven' }],
      witnesses: [{ id: 's0-minimality-iam', verdict: 'proven', witnesses: ['iam:getuser'] }],
    });
  });

  it('is refuted for a NotAction exclusion whose parent excludes only unused actions, the solver naming that pattern', async () => {
    expect(await solveAll(pool(), NOT_MINIMAL_EXCLUSION())).toEqual([
      { id: 's0-minimality-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:GetBucketAcl'], example: 's3:getbucket*', explanation: '"s3:GetBucketAcl" is not a shortest safe prefix: "s3:getbucket*" excludes no used action' },
      { id: 's0-minimality-iam', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('gives a refuted ground obligation the pattern the solver names, not its candidates, as its witness', async () => {
    const [s3] = NOT_MINIMAL_EXCLUSION();
    const [solved] = await solveAll(pool(), [s3!]);
    expect(witnessesOf(s3!, { status: 'sat', timeMs: 1, witnesses: solved!.witnesses! })).toEqual(['s3:GetBucketAcl']);
  });

  it('is proven, for Action, by strings the shorter prefix matches and the original does not', async () => {
    const { obligations } = minimality([allow('s3:*Acl')], [allow(['s3:GetBucketAcl', 's3:GetObjectAcl'])], OUTSIDE);
    const [solved] = await solveAll(pool(), obligations);
    expect({ id: solved!.id, verdict: solved!.verdict, witnesses: solved!.witnesses!.map((witness) => ({ starts: witness.startsWith('s3:get'), original: globMatches(parseGlob('s3:*Acl'), witness) })) }).toEqual({
      id: 's0-minimality-outside',
      verdict: 'proven',
      witnesses: [
        { starts: true, original: false },
        { starts: true, original: false },
      ],
    });
  });

  it("never counts a literal's own action against its shortening: with no other reason it is asked about outside, and refuted", async () => {
    const options = { catalog: catalogOf({ s3: ['GetBucketAcl', 'GetBucketPolicy', 'GetObject'] }), unused: { s3: ['GetBucketAcl'] } };
    const { obligations } = minimality([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetBucketAcl'])], options);
    expect({ obligations: obligations.map(({ id, witnessesFor, namedWitnesses }) => ({ id, witnessesFor, namedWitnesses })), solved: await solveAll(pool(), obligations) }).toEqual({
      obligations: [
        { id: 's0-minimality-s3', witnessesFor: ['s3:GetObject*'], namedWitnesses: ['s3:getbucketacl'] },
        { id: 's0-minimality-outside', witnessesFor: ['s3:GetBucketAcl'], namedWitnesses: undefined },
      ],
      solved: [
        { id: 's0-minimality-s3', status: 'unsat', verdict: 'proven' },
        {
          id: 's0-minimality-outside',
          status: 'unsat',
          verdict: 'refuted',
          example: 's3:getbucket*',
          explanation: '"s3:GetBucketAcl" is not a shortest safe prefix: "s3:getbucket*" matches no unused action the original allows and no string outside it',
        },
      ],
    });
  });

  it('replays a ground refutation only for a pattern of the obligation whose shortening no catalog action stands against', () => {
    const [s3, iam] = NOT_MINIMAL_EXCLUSION();
    expect({
      s3: ['s3:GetBucketAcl', 's3:getbucketacl', 's3:GetBucketAcl*', 'iam:ListUsers', 's3:GetBucketPolicy'].map((witness) => s3!.replay([witness])),
      iam: iam!.replay(['iam:ListUsers']),
    }).toEqual({ s3: [true, false, false, false, false], iam: false });
  });

  it('never replays a refutation of an Action pattern that an unused action the original allows stands against', () => {
    const [s3, iam] = obligationsOf(ORIGINAL, CORRECT);
    expect([s3!.replay(['s3:GetObject*']), iam!.replay(['iam:GetUser'])]).toEqual([false, false]);
  });

  it('replays the outside obligation only when every witness starts with its parent and lies outside the original', () => {
    const [outside] = minimality([allow('s3:*Acl')], [allow(['s3:GetBucketAcl', 's3:GetObjectAcl'])], OUTSIDE).obligations;
    const cases = [['s3:getx', 's3:get'], ['S3:GETX', 's3:getz'], ['s3:getx', 's3:getobjectacl'], ['s3:putx', 's3:getx'], ['s3:getx']];
    expect(cases.map((values) => outside!.replay(values))).toEqual([true, true, false, false, false]);
  });
});
