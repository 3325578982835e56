import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { exactObligations } from '../../../src/prove/obligations/exact.js';
import { catalogParts } from '../../../src/prove/obligations/parts.js';
import { allow } from '../../support.js';
import { CATALOG, caseOf, idsOf, inputOf, PARTED_CATALOG, sharedPool, solveAll, termsOf, type InputOptions } from '../_support.js';

const pool = sharedPool();

/** Claim 1's obligations for statement `index`, on the catalog of several parts unless told otherwise. */
function exact(original: Json, recommended: Json | undefined, index = 0, options: InputOptions = {}): Obligation[] {
  const input = inputOf(original, recommended, { catalog: PARTED_CATALOG, ...options });
  return exactObligations(caseOf(input, index), input);
}

const ORIGINAL = [allow(['s3:Get*', 'iam:*'])];
const CORRECT = [allow(['s3:GetObject*', 'iam:GetUser'])];

/** The one obligation of claim 1 about the s3 part, for a recommendation of ORIGINAL. */
const s3Of = (recommended: Json): Obligation => exact(ORIGINAL, recommended).find((obligation) => obligation.id === 's0-exact-s3')!;

/** The lines of a script's disjunction. */
const linesOf = (script: string): string[] => termsOf(script, 'fails-at');
/** The actions a script's lines ask about. */
const askedOf = (script: string): string[] => linesOf(script).map((line) => /"([^"]+)"/.exec(line)![1]!);
/** The actions a script lists in its comment as fitting no pattern's prefix. */
const listedOf = (script: string): string[] => {
  const lines = script.split('\n');
  const at = lines.findIndex((line) => line.startsWith("; The part's other "));
  if (at === -1) return [];
  const rows: string[] = [];
  for (let row = at + 1; lines[row]!.startsWith(';   '); row++) rows.push(...lines[row]!.slice(4).split(' '));
  return rows;
};

describe('exactObligations', () => {
  it('states one obligation per catalog part a pattern reaches, expected unsat, naming its part', () => {
    expect(exact(ORIGINAL, CORRECT).map(({ id, claim, statement, part, expected, witnesses }) => ({ id, claim, statement, part, expected, witnesses }))).toEqual([
      { id: 's0-exact-iam', claim: 'exact', statement: 0, part: 'iam', expected: 'unsat', witnesses: ['w'] },
      { id: 's0-exact-s3', claim: 'exact', statement: 0, part: 's3', expected: 'unsat', witnesses: ['w'] },
    ]);
  });

  it('titles each obligation by statement and part', () => {
    expect(exact(ORIGINAL, CORRECT).map((obligation) => obligation.title)).toEqual([
      'statement 0: iam actions allowed exactly when used and allowed before',
      'statement 0: s3 actions allowed exactly when used and allowed before',
    ]);
  });

  it('names obligations by the original statement index', () => {
    expect(idsOf(exact([allow('ec2:*'), allow('s3:Get*')], [allow('ec2:*'), allow('s3:GetObject*')], 1))).toEqual(['s1-exact-s3']);
  });

  it('states one for the parts of the recommendation too, where the original reaches none of their actions', () => {
    expect(idsOf(exact([allow('s3:Get*')], [allow(['s3:GetObject*', 'ec2:DescribeInstances'])]))).toEqual(['s0-exact-ec2', 's0-exact-s3']);
  });

  it('states one for every part of the catalog under NotAction, sliced ones included', () => {
    const ids = idsOf(exact([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]));
    expect(ids).toEqual(['s0-exact-ec2', 's0-exact-fis', 's0-exact-iam', 's0-exact-kms', 's0-exact-kms.2', 's0-exact-s3']);
    expect(ids).toEqual(catalogParts(PARTED_CATALOG).map((part) => `s0-exact-${part.key}`));
  });

  it('states one for a dropped statement', () => {
    expect(idsOf(exact([allow('iam:GetUser')], undefined))).toEqual(['s0-exact-iam']);
  });

  it('states one for the part small services share, whatever the patterns reach of it', () => {
    expect(exact(ORIGINAL, CORRECT, 0, { catalog: CATALOG }).map(({ id, part, title }) => ({ id, part, title }))).toEqual([
      { id: 's0-exact-ec2..s3', part: 'ec2..s3', title: 'statement 0: ec2..s3 actions allowed exactly when used and allowed before' },
    ]);
  });

  it('asks in each script about every action of its part some pattern\'s prefix fits: whether it is unused, and the memberships in O and R that decide it', () => {
    expect(linesOf(s3Of(CORRECT).script)).toEqual([
      '(fails-at "s3:getbucketacl" true (o0 "s3:getbucketacl") false)',
      '(fails-at "s3:getbucketpolicy" true (o0 "s3:getbucketpolicy") false)',
      '(fails-at "s3:getobject" false (o0 "s3:getobject") (r0 "s3:getobject"))',
      '(fails-at "s3:getobjectacl" false (o0 "s3:getobjectacl") (r0 "s3:getobjectacl"))',
      '(fails-at "s3:getobjecttagging" false (o0 "s3:getobjecttagging") (r0 "s3:getobjecttagging"))',
    ]);
  });

  it("names the part's other actions in a comment, with the answer both sides give, so that the file names its whole part", () => {
    const script = s3Of(CORRECT).script;
    expect({
      comment: script.split('\n').filter((line) => line.startsWith("; The part's other ")),
      listed: listedOf(script),
      whole: [...askedOf(script), ...listedOf(script)].sort(),
    }).toEqual({
      comment: ["; The part's other 2 actions, which no pattern's literal prefix fits (allowed by neither O nor R):"],
      listed: ['s3:listbucket', 's3:putobject'],
      whole: PARTED_CATALOG.lowerActions.filter((action) => action.startsWith('s3:')),
    });
  });

  it('defines only the patterns its lines name, and lists the actions of no other part', () => {
    const script = s3Of(CORRECT).script;
    expect({
      definitions: script.split('\n').filter((line) => line.startsWith('(define-fun o') || line.startsWith('(define-fun r')),
      others: linesOf(script).filter((line) => !line.includes('"s3:')),
    }).toEqual({
      definitions: ['(define-fun o0 ((a String)) Bool (str.prefixof "s3:get" a)) ; s3:Get*', '(define-fun r0 ((a String)) Bool (str.prefixof "s3:getobject" a)) ; s3:GetObject*'],
      others: [],
    });
  });

  it('names, in a shared part, the actions of every service of it, those no pattern reaches in the comment', () => {
    const [shared] = exact(ORIGINAL, CORRECT, 0, { catalog: CATALOG });
    expect({ asked: askedOf(shared!.script), listed: listedOf(shared!.script), whole: [...askedOf(shared!.script), ...listedOf(shared!.script)].sort() }).toEqual({
      asked: ['iam:getuser', 'iam:listusers', 's3:getbucketacl', 's3:getbucketpolicy', 's3:getobject', 's3:getobjectacl', 's3:getobjecttagging'],
      listed: ['ec2:describeinstances', 's3:listbucket', 's3:putobject'],
      whole: [...CATALOG.lowerActions],
    });
  });

  it('asks under NotAction about every unused action, fitted or not, as the negation of the memberships, and lists the used ones no prefix fits as allowed by both', () => {
    const iam = exact([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]).find((obligation) => obligation.id === 's0-exact-iam')!;
    expect({ lines: linesOf(iam.script), comment: iam.script.split('\n').filter((line) => line.startsWith("; The part's other ")), listed: listedOf(iam.script) }).toEqual({
      lines: ['(fails-at "iam:listusers" true (not false) (not (r1 "iam:listusers")))'],
      comment: ["; The part's other 1 actions, which no pattern's literal prefix fits (used, and allowed by both O and R):"],
      listed: ['iam:getuser'],
    });
    const unfitted = exact([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 's3:GetBucket*'], 'NotAction')]).find((obligation) => obligation.id === 's0-exact-iam')!;
    expect(linesOf(unfitted.script)).toEqual(['(fails-at "iam:listusers" true (not false) (not false))']);
  });

  it('is proven for a correct refinement', async () => {
    expect(await solveAll(pool(), exact(ORIGINAL, CORRECT))).toEqual([
      { id: 's0-exact-iam', status: 'unsat', verdict: 'proven' },
      { id: 's0-exact-s3', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is proven for a correct refinement on a shared part', async () => {
    expect(await solveAll(pool(), exact(ORIGINAL, CORRECT, 0, { catalog: CATALOG }))).toEqual([{ id: 's0-exact-ec2..s3', status: 'unsat', verdict: 'proven' }]);
  });

  it('is proven for a correct NotAction refinement, on every part', async () => {
    const verdicts = await solveAll(pool(), exact([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]));
    expect(verdicts.map((solved) => solved.verdict)).toEqual(['proven', 'proven', 'proven', 'proven', 'proven', 'proven']);
  });

  it('is refuted by the used action a refinement dropped', async () => {
    expect(await solveAll(pool(), [s3Of([allow(['s3:GetObject', 's3:GetObjectTagging', 'iam:GetUser'])])])).toEqual([
      { id: 's0-exact-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:getobjectacl'], example: 's3:getobjectacl', explanation: 's3:GetObjectAcl is used and was allowed, but the recommendation no longer allows it' },
    ]);
  });

  it('is refuted by an unused action left in', async () => {
    expect(await solveAll(pool(), [s3Of([allow(['s3:GetObject*', 's3:GetBucketAcl', 'iam:GetUser'])])])).toEqual([
      { id: 's0-exact-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:getbucketacl'], example: 's3:getbucketacl', explanation: 'unused action s3:GetBucketAcl is allowed by the recommendation' },
    ]);
  });

  it('is refuted by a used action the original did not allow', async () => {
    expect(await solveAll(pool(), [s3Of([allow(['s3:GetObject*', 's3:PutObject', 'iam:GetUser'])])])).toEqual([
      { id: 's0-exact-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:putobject'], example: 's3:putobject', explanation: 's3:PutObject is allowed by the recommendation but not by the original' },
    ]);
  });

  it('is refuted on a shared part by the used action dropped from another service of it', async () => {
    expect(await solveAll(pool(), exact(ORIGINAL, [allow(['s3:GetObject*'])], 0, { catalog: CATALOG }))).toEqual([
      { id: 's0-exact-ec2..s3', status: 'sat', verdict: 'refuted', witnesses: ['iam:getuser'], example: 'iam:getuser', explanation: 'iam:GetUser is used and was allowed, but the recommendation no longer allows it' },
    ]);
  });

  it('is refuted under NotAction by an unused action the exclusions miss, in its part only', async () => {
    expect(await solveAll(pool(), exact([allow('s3:*', 'NotAction')], [allow('s3:*', 'NotAction')]))).toEqual([
      { id: 's0-exact-ec2', status: 'unsat', verdict: 'proven' },
      { id: 's0-exact-fis', status: 'unsat', verdict: 'proven' },
      { id: 's0-exact-iam', status: 'sat', verdict: 'refuted', witnesses: ['iam:listusers'], example: 'iam:listusers', explanation: 'unused action iam:ListUsers is allowed by the recommendation' },
      { id: 's0-exact-kms', status: 'unsat', verdict: 'proven' },
      { id: 's0-exact-kms.2', status: 'unsat', verdict: 'proven' },
      { id: 's0-exact-s3', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is refuted for DETACH_POLICY by a used action', async () => {
    expect(await solveAll(pool(), exact([allow('iam:GetUser')], undefined))).toEqual([
      { id: 's0-exact-iam', status: 'sat', verdict: 'refuted', witnesses: ['iam:getuser'], example: 'iam:getuser', explanation: 'iam:GetUser is used and was allowed, but the recommendation no longer allows it' },
    ]);
  });

  // Regression (see test/fuzz/checker-regressions.test.ts): under a dropped NotAction statement R allows nothing, so a
  // used action no prefix fits is allowed by O only, and must be asked, not listed as allowed by both.
  it('asks, for a dropped NotAction statement, about every action of every part, and is refuted by a used one outside every prefix', async () => {
    const obligations = exact([allow('s3:*', 'NotAction')], undefined);
    const ec2 = obligations.find((obligation) => obligation.id === 's0-exact-ec2')!;
    expect({ lines: linesOf(ec2.script), listed: obligations.flatMap((obligation) => listedOf(obligation.script)) }).toEqual({
      lines: ['(fails-at "ec2:describeinstances" false (not false) false)'],
      listed: [],
    });
    expect(await solveAll(pool(), [ec2])).toEqual([
      {
        id: 's0-exact-ec2',
        status: 'sat',
        verdict: 'refuted',
        witnesses: ['ec2:describeinstances'],
        example: 'ec2:describeinstances',
        explanation: 'ec2:DescribeInstances is used and was allowed, but the recommendation no longer allows it',
      },
    ]);
  });

  it('replays a real counterexample and nothing else: not a rightly handled action, another part, or a string outside the catalog', () => {
    const obligation = s3Of([allow(['s3:GetObject', 's3:GetObjectTagging', 'iam:GetUser'])]);
    const replays = ['s3:getobjectacl', 's3:getobject', 's3:getbucketacl', 'iam:getuser', 's3:getobjectaclx'].map((witness) => obligation.replay([witness]));
    expect(replays).toEqual([true, false, false, false, false]);
  });

  it('never replays an action of another part, even one that really fails', () => {
    // iam:GetUser is dropped, so it fails claim 1, but in the iam part: the s3 part's answer cannot name it.
    const [iam, s3] = exact(ORIGINAL, [allow(['s3:GetObject*'])]);
    expect([iam!.replay(['iam:getuser']), s3!.replay(['iam:getuser'])]).toEqual([true, false]);
  });
});
