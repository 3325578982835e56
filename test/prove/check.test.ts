import { describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { judge } from '../../src/oracle/judge.js';
import { check, overall, solvePlan, type CheckReport } from '../../src/prove/check.js';
import type { ClaimId } from '../../src/prove/claims.js';
import { planObligations } from '../../src/prove/plan.js';
import { allow, deny } from '../support.js';
import { CATALOG, idsOf, inputOf, PARTED_CATALOG, reportWithout, sharedPool, type InputOptions } from './_support.js';

const pool = sharedPool(2);

const ORIGINAL = [allow(['s3:Get*', 'iam:*']), deny('ec2:*')];
const CORRECT = [allow(['s3:GetObject*', 'iam:GetUser']), deny('ec2:*')];

const checked = (original: Json, recommended: Json | undefined, options: InputOptions = {}): Promise<CheckReport> => check(inputOf(original, recommended, options), { pool: pool() });

/** The claims a report refutes, with their counterexamples. */
const refutedIn = (report: CheckReport): { statement: number; claim: ClaimId; example?: string }[] =>
  report.claims.filter((claim) => claim.verdict === 'refuted').map(({ statement, claim, example }) => ({ statement, claim, ...(example === undefined ? {} : { example }) }));

describe('check', () => {
  it('proves every claim of a correct refinement, statement by statement, in claim order', async () => {
    const report = await checked(ORIGINAL, CORRECT);
    expect({ verdict: report.verdict, claims: report.claims.map(({ statement, claim, verdict, obligations }) => ({ statement, claim, verdict, obligations })) }).toEqual({
      verdict: 'proven',
      claims: [
        { statement: 0, claim: 'exact', verdict: 'proven', obligations: 1 },
        { statement: 0, claim: 'no-escalation', verdict: 'proven', obligations: 2 },
        { statement: 0, claim: 'safety', verdict: 'proven', obligations: 1 },
        { statement: 0, claim: 'minimality', verdict: 'proven', obligations: 2 },
        { statement: 0, claim: 'no-redundancy', verdict: 'proven', obligations: 2 },
        { statement: 1, claim: 'no-escalation', verdict: 'proven', obligations: 0 },
      ],
    });
  });

  it('explains proven claims by their obligation count, or by what structure decided', async () => {
    const report = await checked(ORIGINAL, CORRECT);
    expect(report.claims.map((claim) => claim.explanation)).toEqual(['1 obligation proven', '2 obligations proven', '1 obligation proven', '2 obligations proven', '2 obligations proven', 'Deny statement unchanged']);
  });

  it('asks claims 1 and 3 once per catalog part the statement reaches', async () => {
    const report = await checked(ORIGINAL, CORRECT, { catalog: PARTED_CATALOG });
    expect({
      verdict: report.verdict,
      parts: report.obligations.filter(({ obligation }) => obligation.claim === 'exact' || obligation.claim === 'safety').map(({ obligation, verdict }) => ({ id: obligation.id, part: obligation.part, verdict })),
    }).toEqual({
      verdict: 'proven',
      parts: [
        { id: 's0-exact-iam', part: 'iam', verdict: 'proven' },
        { id: 's0-exact-s3', part: 's3', verdict: 'proven' },
        { id: 's0-safety-iam', part: 'iam', verdict: 'proven' },
        { id: 's0-safety-s3', part: 's3', verdict: 'proven' },
      ],
    });
  });

  it("gives a proven existence its solver's witness as the example", async () => {
    const report = await checked([allow('iam:*')], [allow('iam:GetUser')]);
    expect(report.claims.filter((claim) => claim.example !== undefined).map(({ claim, example }) => ({ claim, example }))).toEqual([
      { claim: 'minimality', example: 'iam:ListUsers' },
      { claim: 'no-redundancy', example: 'iam:GetUser' },
    ]);
  });

  it('reports the solver, the workers, the catalog, the granularity and every obligation with its outcome', async () => {
    const report = await checked([allow('iam:*')], [allow('iam:GetUser')], { granularity: 'char' });
    expect({
      solver: report.solver,
      workers: report.workers,
      catalog: report.catalog,
      granularity: report.granularity,
      obligations: report.obligations.map(({ obligation, outcome, verdict }) => ({ id: obligation.id, status: outcome.status, verdict })),
    }).toEqual({
      solver: pool().version,
      workers: 2,
      catalog: CATALOG.identity,
      granularity: 'char',
      obligations: [
        { id: 's0-exact-ec2..s3', status: 'unsat', verdict: 'proven' },
        { id: 's0-no-escalation-literals', status: 'unsat', verdict: 'proven' },
        { id: 's0-safety-ec2..s3', status: 'unsat', verdict: 'proven' },
        { id: 's0-minimality-iam', status: 'unsat', verdict: 'proven' },
        { id: 's0-no-redundancy-iam', status: 'unsat', verdict: 'proven' },
      ],
    });
  });

  it('names the solver by its Z3 version', async () => {
    expect(pool().version).toMatch(/^Z3 \d+\.\d+\.\d+/);
  });

  it('refutes exactness with the used action dropped, in catalog words', async () => {
    const report = await checked(ORIGINAL, [allow(['s3:GetObject', 's3:GetObjectTagging', 'iam:GetUser']), deny('ec2:*')]);
    expect(report.claims.find((claim) => claim.verdict === 'refuted')).toEqual({
      claim: 'exact',
      statement: 0,
      verdict: 'refuted',
      obligations: 1,
      example: 's3:GetObjectAcl',
      explanation: 's3:GetObjectAcl is used and was allowed, but the recommendation no longer allows it',
    });
  });

  it('gives a failed existence the counterexample found by enumeration', async () => {
    const report = await checked([allow('s3:Get*')], [allow(['s3:GetObject', 's3:GetObjectAcl*', 's3:GetObjectTagging'])]);
    expect(report.claims.find((claim) => claim.claim === 'minimality')).toEqual({
      claim: 'minimality',
      statement: 0,
      verdict: 'refuted',
      obligations: 1,
      example: 's3:getobject*',
      explanation: '"s3:GetObject" is not a shortest safe prefix: "s3:getobject*" matches no unused action the original allows and no string outside it',
    });
  });

  const WRONG: readonly { name: string; recommended: Json; refuted: { statement: number; claim: ClaimId; example?: string }[] }[] = [
    {
      name: 'a dropped used action',
      recommended: [allow(['s3:GetObject', 's3:GetObjectTagging', 'iam:GetUser'])],
      refuted: [
        { statement: 0, claim: 'exact', example: 's3:GetObjectAcl' },
        { statement: 0, claim: 'minimality', example: 's3:getobject*' },
      ],
    },
    { name: 'a pattern wider than the original', recommended: [allow(['s3:GetObject*', 'iam:GetUser', 's3:Got'])], refuted: [{ statement: 0, claim: 'no-escalation', example: 's3:got' }, { statement: 0, claim: 'minimality', example: 's3:Got' }] },
    {
      name: 'an unused action left in',
      recommended: [allow(['s3:GetObject*', 's3:GetBucketAcl', 'iam:GetUser'])],
      refuted: [
        { statement: 0, claim: 'exact', example: 's3:GetBucketAcl' },
        { statement: 0, claim: 'safety', example: 's3:GetBucketAcl' },
      ],
    },
    { name: 'a cut that is no word boundary', recommended: [allow(['s3:GetObj*', 'iam:GetUser'])], refuted: [{ statement: 0, claim: 'minimality', example: 's3:GetObj*' }] },
    { name: 'a duplicate pattern', recommended: [allow(['s3:GetObject*', 's3:GetObject*', 'iam:GetUser'])], refuted: [{ statement: 0, claim: 'no-redundancy', example: 's3:GetObject*' }] },
    { name: 'a covered pattern', recommended: [allow(['s3:GetObject*', 's3:GetObjectAcl', 'iam:GetUser'])], refuted: [{ statement: 0, claim: 'minimality', example: 's3:getobject*' }, { statement: 0, claim: 'no-redundancy', example: 's3:GetObjectAcl' }] },
  ];

  it.each(WRONG)('refutes $name by the right claims, as the concrete oracle does', async ({ recommended, refuted }) => {
    const input = inputOf([allow(['s3:Get*', 'iam:*'])], recommended);
    const report = await check(input, { pool: pool() });
    const oracle = judge(input).filter((result) => !result.holds);
    expect({ verdict: report.verdict, refuted: refutedIn(report), oracle: oracle.map(({ statement, claim }) => ({ statement, claim })) }).toEqual({
      verdict: 'refuted',
      refuted,
      oracle: refuted.map(({ statement, claim }) => ({ statement, claim })),
    });
  });

  it('proves DETACH_POLICY when nothing the policy allows is used', async () => {
    const report = await checked([allow('s3:GetBucket*')], undefined);
    expect({ verdict: report.verdict, claims: report.claims.map(({ claim, verdict }) => ({ claim, verdict })), obligations: idsOf(report.obligations.map((result) => result.obligation)) }).toEqual({
      verdict: 'proven',
      claims: [{ claim: 'exact', verdict: 'proven' }],
      obligations: ['s0-exact-ec2..s3'],
    });
  });

  it('refutes no escalation for a changed Deny statement, on structure, with no obligation', async () => {
    const report = await checked(ORIGINAL, [allow(['s3:GetObject*', 'iam:GetUser']), deny('ec2:Describe*')]);
    expect(report.claims.filter((claim) => claim.statement === 1)).toEqual([{ claim: 'no-escalation', statement: 1, verdict: 'refuted', obligations: 0, explanation: 'a Deny statement was changed' }]);
  });

  it('starts and closes its own pool when it is given none', async () => {
    const report = await check(inputOf([allow('iam:*')], [allow('iam:GetUser')]), { workers: 1 });
    expect({ verdict: report.verdict, workers: report.workers, solver: report.solver }).toEqual({ verdict: 'proven', workers: 1, solver: pool().version });
  });
});

describe('solvePlan', () => {
  it('answers every obligation of a plan, in plan order', async () => {
    const plan = planObligations(inputOf(ORIGINAL, CORRECT));
    const results = await solvePlan(plan, pool());
    expect(results.map((result) => result.obligation)).toEqual(plan.obligations);
  });
});

describe('summarize (through reports made without the solver)', () => {
  // On the catalog of several parts: claims 1 and 3 have an obligation each for iam and for s3.
  const INPUT = inputOf([allow(['s3:Get*', 'iam:*'])], [allow(['s3:GetObject*', 'iam:GetUser'])], { catalog: PARTED_CATALOG });

  it('refuses an answer for an obligation the plan does not have, so that no test answers nothing', () => {
    expect(() => reportWithout(INPUT, { 's0-exact-ec2..s3': { status: 'timeout', timeMs: 50 } })).toThrow('reportWithout: the plan has no obligation s0-exact-ec2..s3');
  });

  it('calls a claim unknown when an obligation timed out, naming it, and the whole check unknown', () => {
    const report = reportWithout(INPUT, { 's0-exact-s3': { status: 'timeout', timeMs: 50, reason: 'timeout' } });
    expect({ verdict: report.verdict, exact: report.claims[0] }).toEqual({
      verdict: 'unknown',
      exact: { claim: 'exact', statement: 0, verdict: 'unknown', obligations: 2, explanation: 's0-exact-s3: timeout' },
    });
  });

  it.each(['unknown', 'error'] as const)('calls a claim unknown, never proven, for an obligation answered %s', (status) => {
    const report = reportWithout(INPUT, { 's0-safety-iam': { status, timeMs: 1 } });
    expect({ verdict: report.verdict, safety: report.claims[2]!.verdict }).toEqual({ verdict: 'unknown', safety: 'unknown' });
  });

  it('calls a claim unknown, not refuted, when the counterexample fails replay', () => {
    const report = reportWithout(INPUT, { 's0-exact-s3': { status: 'sat', timeMs: 1, witnesses: ['s3:getobject'] } });
    expect(report.claims[0]).toEqual({ claim: 'exact', statement: 0, verdict: 'unknown', obligations: 2, explanation: `s0-exact-s3: the solver's witness ["s3:getobject"] failed concrete replay` });
  });

  it('lets a refutation outweigh an unknown', () => {
    const report = reportWithout(inputOf([allow('s3:Get*')], [allow('s3:GetObj*')], { catalog: PARTED_CATALOG }), { 's0-exact-s3': { status: 'timeout', timeMs: 50 } });
    expect({ verdict: report.verdict, claims: report.claims.map(({ claim, verdict }) => ({ claim, verdict })) }).toEqual({
      verdict: 'refuted',
      claims: [
        { claim: 'exact', verdict: 'unknown' },
        { claim: 'no-escalation', verdict: 'proven' },
        { claim: 'safety', verdict: 'proven' },
        { claim: 'minimality', verdict: 'refuted' },
        { claim: 'no-redundancy', verdict: 'proven' },
      ],
    });
  });

  it('gives a proven ground existence its first named witness as the example', () => {
    expect(reportWithout(INPUT).claims.filter((claim) => claim.example !== undefined).map(({ claim, example }) => ({ claim, example }))).toEqual([
      { claim: 'minimality', example: 's3:GetBucketAcl' },
      { claim: 'no-redundancy', example: 's3:GetObject' },
    ]);
  });

  it('gives an existence that timed out no named witness, and calls it unknown', () => {
    const report = reportWithout(INPUT, { 's0-minimality-s3': { status: 'timeout', timeMs: 50 } });
    expect(report.claims.find((claim) => claim.claim === 'minimality')).toEqual({ claim: 'minimality', statement: 0, verdict: 'unknown', obligations: 2, explanation: 's0-minimality-s3: timeout' });
  });

  it('calls minimality unknown, not refuted, when the pattern a sat answer names fails replay', () => {
    const report = reportWithout(INPUT, { 's0-minimality-s3': { status: 'sat', timeMs: 1, witnesses: ['s3:GetObject*'] } });
    expect(report.claims.find((claim) => claim.claim === 'minimality')).toEqual({
      claim: 'minimality',
      statement: 0,
      verdict: 'unknown',
      obligations: 2,
      explanation: `s0-minimality-s3: the solver's witness ["s3:GetObject*"] failed concrete replay`,
    });
  });

  it('calls no redundancy unknown, not refuted, when the pattern a sat answer names fails replay', () => {
    const report = reportWithout(INPUT, { 's0-no-redundancy-s3': { status: 'sat', timeMs: 1, witnesses: ['s3:GetObject*'] } });
    expect(report.claims.find((claim) => claim.claim === 'no-redundancy')!.verdict).toBe('unknown');
  });

  it('keeps the time it is given and the pool it names', () => {
    const report = reportWithout(INPUT, {}, { version: 'Z3 9.9.9', workers: 3 }, 42);
    expect({ solver: report.solver, workers: report.workers, timeMs: report.timeMs }).toEqual({ solver: 'Z3 9.9.9', workers: 3, timeMs: 42 });
  });
});

describe('overall', () => {
  it('is proven for nothing to prove and for all proven', () => {
    expect([overall([]), overall(['proven', 'proven'])]).toEqual(['proven', 'proven']);
  });

  it('is unknown when something is unknown and nothing refuted', () => {
    expect(overall(['proven', 'unknown'])).toBe('unknown');
  });

  it('is refuted when anything is refuted', () => {
    expect(overall(['unknown', 'refuted', 'proven'])).toBe('refuted');
  });
});
