import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { exactObligations } from '../../../src/prove/obligations/exact.js';
import { allow } from '../../support.js';
import { caseOf, idsOf, inputOf, sharedPool, solveAll, type InputOptions } from '../_support.js';

const pool = sharedPool();

/** Claim 1's obligations for statement `index`. */
function exact(original: Json, recommended: Json | undefined, index = 0, options: InputOptions = {}): Obligation[] {
  const input = inputOf(original, recommended, options);
  return exactObligations(caseOf(input, index), input);
}

const ORIGINAL = [allow(['s3:Get*', 'iam:*'])];
const CORRECT = [allow(['s3:GetObject*', 'iam:GetUser'])];

/** The one obligation of claim 1 about s3, for a recommendation of ORIGINAL. */
const s3Of = (recommended: Json): Obligation => exact(ORIGINAL, recommended).find((obligation) => obligation.id === 's0-exact-s3')!;

describe('exactObligations', () => {
  it('states one obligation per service a pattern reaches, expected unsat', () => {
    expect(exact(ORIGINAL, CORRECT).map(({ id, claim, statement, expected, witnesses }) => ({ id, claim, statement, expected, witnesses }))).toEqual([
      { id: 's0-exact-iam', claim: 'exact', statement: 0, expected: 'unsat', witnesses: ['w'] },
      { id: 's0-exact-s3', claim: 'exact', statement: 0, expected: 'unsat', witnesses: ['w'] },
    ]);
  });

  it('titles each obligation by statement and service', () => {
    expect(exact(ORIGINAL, CORRECT).map((obligation) => obligation.title)).toEqual([
      'statement 0: iam actions allowed exactly when used and allowed before',
      'statement 0: s3 actions allowed exactly when used and allowed before',
    ]);
  });

  it('names obligations by the original statement index', () => {
    expect(idsOf(exact([allow('ec2:*'), allow('s3:Get*')], [allow('ec2:*'), allow('s3:GetObject*')], 1))).toEqual(['s1-exact-s3']);
  });

  it('states one for the services of the recommendation too, where the original reaches none of their actions', () => {
    expect(idsOf(exact([allow('s3:Get*')], [allow(['s3:GetObject*', 'ec2:DescribeInstances'])]))).toEqual(['s0-exact-ec2', 's0-exact-s3']);
  });

  it('states one for the services of the unused actions under NotAction, where a used action outside every pattern needs none', () => {
    expect(idsOf(exact([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]))).toEqual(['s0-exact-iam', 's0-exact-s3']);
  });

  it('states one for a dropped statement', () => {
    expect(idsOf(exact([allow('iam:GetUser')], undefined))).toEqual(['s0-exact-iam']);
  });

  it('lists in each script the actions of its service that some pattern can reach, one disjunct each', () => {
    const script = s3Of(CORRECT).script;
    expect(script.split('\n').filter((line) => line.startsWith('  (and (= w ')).map((line) => /"([^"]+)"/.exec(line)![1])).toEqual([
      's3:getbucketacl',
      's3:getbucketpolicy',
      's3:getobject',
      's3:getobjectacl',
      's3:getobjecttagging',
    ]);
  });

  it('is proven for a correct refinement', async () => {
    expect(await solveAll(pool(), exact(ORIGINAL, CORRECT))).toEqual([
      { id: 's0-exact-iam', status: 'unsat', verdict: 'proven' },
      { id: 's0-exact-s3', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is proven for a correct NotAction refinement', async () => {
    const verdicts = await solveAll(pool(), exact([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')]));
    expect(verdicts.map((solved) => solved.verdict)).toEqual(['proven', 'proven']);
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

  it('is refuted under NotAction by an unused action the exclusions miss', async () => {
    const [iam] = exact([allow('s3:*', 'NotAction')], [allow('s3:*', 'NotAction')]);
    expect(await solveAll(pool(), [iam!])).toEqual([
      { id: 's0-exact-iam', status: 'sat', verdict: 'refuted', witnesses: ['iam:listusers'], example: 'iam:listusers', explanation: 'unused action iam:ListUsers is allowed by the recommendation' },
    ]);
  });

  it('is refuted for DETACH_POLICY by a used action', async () => {
    expect(await solveAll(pool(), exact([allow('iam:GetUser')], undefined))).toEqual([
      { id: 's0-exact-iam', status: 'sat', verdict: 'refuted', witnesses: ['iam:getuser'], example: 'iam:getuser', explanation: 'iam:GetUser is used and was allowed, but the recommendation no longer allows it' },
    ]);
  });

  it('replays a real counterexample and nothing else: not a rightly handled action, another service, or a string outside the catalog', () => {
    const obligation = s3Of([allow(['s3:GetObject', 's3:GetObjectTagging', 'iam:GetUser'])]);
    const replays = ['s3:getobjectacl', 's3:getobject', 's3:getbucketacl', 'iam:getuser', 's3:getobjectaclx'].map((witness) => obligation.replay([witness]));
    expect(replays).toEqual([true, false, false, false, false]);
  });
});
