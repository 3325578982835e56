import { describe, expect, it } from 'vitest';
import { planObligations } from '../../src/prove/plan.js';
import { allow, deny } from '../support.js';
import { idsOf, inputOf, PARTED_CATALOG } from './_support.js';

/** On the catalog of several parts, where claims 1 and 3 have an obligation per part. */
const parted = { catalog: PARTED_CATALOG };

const ORIGINAL = [allow(['s3:Get*', 'iam:*']), allow('ec2:*'), deny('s3:PutObject')];
const CORRECT = [allow(['s3:GetObject*', 'iam:GetUser']), allow('ec2:*'), deny('s3:PutObject')];

describe('planObligations', () => {
  it('lists obligations statement by statement, claim by claim: exact, no escalation, safety, minimality, no redundancy', () => {
    expect(idsOf(planObligations(inputOf(ORIGINAL, CORRECT, parted)).obligations)).toEqual([
      's0-exact-iam',
      's0-exact-s3',
      's0-no-escalation-literals',
      's0-no-escalation-s3',
      's0-safety-iam',
      's0-safety-s3',
      's0-minimality-s3',
      's0-minimality-iam',
      's0-no-redundancy-s3',
      's0-no-redundancy-iam',
      's1-exact-ec2',
    ]);
  });

  it('asks claims 1 and 3 once per catalog part, so the small catalog\'s one shared part serves every service', () => {
    expect(idsOf(planObligations(inputOf(ORIGINAL, CORRECT)).obligations)).toEqual([
      's0-exact-ec2..s3',
      's0-no-escalation-literals',
      's0-no-escalation-s3',
      's0-safety-ec2..s3',
      's0-minimality-s3',
      's0-minimality-iam',
      's0-no-redundancy-s3',
      's0-no-redundancy-iam',
      's1-exact-ec2..s3',
      's1-safety-ec2..s3',
    ]);
  });

  it('asks only claim 1, and claim 3 where unused actions are reachable, of an unchanged statement', () => {
    const plan = planObligations(inputOf([allow('iam:*')], [allow('iam:*')], parted));
    expect(idsOf(plan.obligations)).toEqual(['s0-exact-iam', 's0-safety-iam']);
  });

  it('asks only claim 1 of a dropped statement', () => {
    expect(idsOf(planObligations(inputOf(ORIGINAL.slice(0, 2), undefined, parted)).obligations)).toEqual(['s0-exact-iam', 's0-exact-s3', 's1-exact-ec2']);
  });

  it('collects what structure alone decided: Deny statements, then minimality without the solver', () => {
    expect(planObligations(inputOf([allow('s3:Get*'), deny('iam:*')], [allow('s3:GetObj*'), deny('iam:*')])).structural).toEqual([
      { id: 's1-no-escalation-deny', claim: 'no-escalation', statement: 1, holds: true, explanation: 'Deny statement unchanged' },
      { id: 's0-minimality-r0-node', claim: 'minimality', statement: 0, holds: false, example: 's3:GetObj*', explanation: '"s3:GetObj*" does not end at a word boundary of an action the statement allows' },
    ]);
  });

  it('gives every obligation its own id', () => {
    const ids = idsOf(planObligations(inputOf(ORIGINAL, [allow(['s3:GetObject*', 's3:GetObject*', 'iam:GetUser']), allow('ec2:*'), deny('s3:PutObject')])).obligations);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is a pure function of its input: the same scripts, byte for byte, every time', () => {
    const scripts = () => planObligations(inputOf(ORIGINAL, CORRECT, parted)).obligations.map(({ id, part, script, expected, namedWitnesses }) => ({ id, part, script, expected, namedWitnesses }));
    expect(scripts()).toEqual(scripts());
  });
});
