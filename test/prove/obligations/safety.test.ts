import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { safetyObligations } from '../../../src/prove/obligations/safety.js';
import { allow } from '../../support.js';
import { CATALOG, caseOf, idsOf, inputOf, PARTED_CATALOG, sharedPool, solveAll, termsOf, type InputOptions } from '../_support.js';

const pool = sharedPool();

/** Claim 3's obligations for statement 0, on the catalog of several parts unless told otherwise. */
function safety(original: Json, recommended: Json | undefined, options: InputOptions = {}): Obligation[] {
  const input = inputOf(original, recommended, { catalog: PARTED_CATALOG, ...options });
  return safetyObligations(caseOf(input), input);
}

const ORIGINAL = [allow(['s3:Get*', 'iam:*'])];

/** The lines of a script's disjunction. */
const linesOf = (script: string): string[] => termsOf(script, 'allowed-at');

describe('safetyObligations', () => {
  it('states one obligation per catalog part of unused actions the recommendation reaches, expected unsat, naming its part', () => {
    expect(safety(ORIGINAL, [allow(['s3:GetObject*', 'iam:GetUser'])]).map(({ id, claim, statement, part, title, expected }) => ({ id, claim, statement, part, title, expected }))).toEqual([
      { id: 's0-safety-iam', claim: 'safety', statement: 0, part: 'iam', title: 'statement 0: no unused iam action is allowed', expected: 'unsat' },
      { id: 's0-safety-s3', claim: 'safety', statement: 0, part: 's3', title: 'statement 0: no unused s3 action is allowed', expected: 'unsat' },
    ]);
  });

  it('states none for a part with unused actions that no pattern reaches', () => {
    expect(idsOf(safety([allow(['s3:Get*', 'ec2:*'])], [allow(['s3:GetObject*', 'ec2:*'])]))).toEqual(['s0-safety-s3']);
  });

  it('states one for every part with unused actions under NotAction, and none for the parts without', () => {
    expect(idsOf(safety([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 'iam:ListUsers', 's3:GetBucket*'], 'NotAction')]))).toEqual(['s0-safety-iam', 's0-safety-s3']);
  });

  it('states one for every part with unused actions a lone * reaches', () => {
    expect(idsOf(safety([allow('*')], [allow('*')]))).toEqual(['s0-safety-iam', 's0-safety-s3']);
  });

  it('states one for the part small services share', () => {
    expect(safety(ORIGINAL, [allow(['s3:GetObject*', 'iam:GetUser'])], { catalog: CATALOG }).map(({ id, part }) => ({ id, part }))).toEqual([{ id: 's0-safety-ec2..s3', part: 'ec2..s3' }]);
  });

  it('states none for a dropped statement', () => {
    expect(safety(ORIGINAL, undefined)).toEqual([]);
  });

  it("lists in each script exactly the part's unused actions, with whether R allows each", () => {
    const [iam, s3] = safety(ORIGINAL, [allow(['s3:GetObject*', 's3:GetBucket*', 'iam:GetUser'])]);
    expect([linesOf(iam!.script), linesOf(s3!.script)]).toEqual([
      ['(allowed-at "iam:listusers" false)'],
      ['(allowed-at "s3:getbucketacl" (r1 "s3:getbucketacl"))', '(allowed-at "s3:getbucketpolicy" (r1 "s3:getbucketpolicy"))'],
    ]);
  });

  it('lists the unused actions of every service of a shared part', () => {
    const [shared] = safety(ORIGINAL, [allow(['s3:GetObject*', 'iam:GetUser'])], { catalog: CATALOG });
    expect(linesOf(shared!.script)).toEqual(['(allowed-at "iam:listusers" false)', '(allowed-at "s3:getbucketacl" false)', '(allowed-at "s3:getbucketpolicy" false)']);
  });

  it('is proven when no unused action is allowed', async () => {
    expect(await solveAll(pool(), safety(ORIGINAL, [allow(['s3:GetObject*', 'iam:GetUser'])]))).toEqual([
      { id: 's0-safety-iam', status: 'unsat', verdict: 'proven' },
      { id: 's0-safety-s3', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is refuted by the unused action left in', async () => {
    expect(await solveAll(pool(), safety(ORIGINAL, [allow(['s3:GetObject*', 's3:GetBucketPolicy', 'iam:GetUser'])]))).toEqual([
      { id: 's0-safety-iam', status: 'unsat', verdict: 'proven' },
      { id: 's0-safety-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:getbucketpolicy'], example: 's3:getbucketpolicy', explanation: 'unused action s3:GetBucketPolicy is still allowed' },
    ]);
  });

  it('is refuted on a shared part by the unused action left in', async () => {
    expect(await solveAll(pool(), safety(ORIGINAL, [allow(['s3:GetObject*', 'iam:ListUsers', 'iam:GetUser'])], { catalog: CATALOG }))).toEqual([
      { id: 's0-safety-ec2..s3', status: 'sat', verdict: 'refuted', witnesses: ['iam:listusers'], example: 'iam:listusers', explanation: 'unused action iam:ListUsers is still allowed' },
    ]);
  });

  it('is refuted under NotAction by an unused action the exclusions miss', async () => {
    expect(await solveAll(pool(), safety([allow('ec2:*', 'NotAction')], [allow(['ec2:*', 's3:GetBucket*'], 'NotAction')]))).toEqual([
      { id: 's0-safety-iam', status: 'sat', verdict: 'refuted', witnesses: ['iam:listusers'], example: 'iam:listusers', explanation: 'unused action iam:ListUsers is still allowed' },
      { id: 's0-safety-s3', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('replays an unused action the recommendation allows, and not a used one or one it does not allow', () => {
    const [, s3] = safety(ORIGINAL, [allow(['s3:GetObject*', 's3:GetBucketPolicy', 'iam:GetUser'])]);
    expect(['s3:getbucketpolicy', 's3:getobject', 's3:getbucketacl'].map((witness) => s3!.replay([witness]))).toEqual([true, false, false]);
  });
});
