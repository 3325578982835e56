import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/input/json.js';
import { check } from '../../../src/prove/check.js';
import type { ClaimId } from '../../../src/prove/claims.js';
import { compareEncoders, specificationCheck, specificationPlan, type SpecVerdict } from '../../../src/prove/specification/index.js';
import { allow, deny } from '../../support.js';
import { CATALOG, inputOf, sharedPool, type InputOptions } from '../_support.js';

const pool = sharedPool(2);

const ORIGINAL = [allow(['s3:Get*', 'iam:*']), deny('ec2:*')];
const CORRECT = [allow(['s3:GetObject*', 'iam:GetUser']), deny('ec2:*')];

/** The specification's verdicts; every example is also one on which the checker must decide alike. */
async function judged(original: Json, recommended: Json | undefined, options: InputOptions = {}): Promise<SpecVerdict[]> {
  const input = inputOf(original, recommended, options);
  const [verdicts, report] = await Promise.all([specificationCheck(input, pool()), check(input, { pool: pool() })]);
  const comparison = compareEncoders(verdicts, report.claims);
  expect({ disagreements: comparison.disagreements, undecided: comparison.undecided }).toEqual({ disagreements: [], undecided: 0 });
  return verdicts;
}

/** `statement:claim` of every refuted claim. */
const refuted = (verdicts: readonly SpecVerdict[]): string[] => verdicts.filter((item) => item.verdict === 'refuted').map((item) => `${item.statement}:${item.claim}`);
const verdictOf = (verdicts: readonly SpecVerdict[], statement: number, claim: ClaimId): SpecVerdict | undefined => verdicts.find((item) => item.statement === statement && item.claim === claim);

describe('the specification encoder', () => {
  it('proves all five claims of a correct refinement, and the unchanged Deny statement structurally', async () => {
    const verdicts = await judged(ORIGINAL, CORRECT);
    expect(verdicts.map(({ statement, claim, verdict }) => `${statement}:${claim}:${verdict}`)).toEqual([
      '0:exact:proven',
      '0:no-escalation:proven',
      '0:safety:proven',
      '0:minimality:proven',
      '0:no-redundancy:proven',
      '1:no-escalation:proven',
    ]);
    // The solver found the minimality witnesses itself: an unused action below each parent.
    expect(verdictOf(verdicts, 0, 'minimality')?.detail).toMatch(/^sat \["s3:getbucket(acl|policy)","iam:listusers"\]$/);
  });

  it('writes one complete QF_S script per claim and statement, over the whole catalog and every pattern', () => {
    const { queries } = specificationPlan(inputOf(ORIGINAL, CORRECT));
    expect(queries.map((query) => `${query.statement}:${query.claim}:${query.expected}`)).toEqual(['0:exact:unsat', '0:no-escalation:unsat', '0:safety:unsat', '0:minimality:sat', '0:no-redundancy:sat']);
    for (const query of queries) {
      expect(query.script).toMatch(/^; iam-refine specification encoder: .*\n\(set-info :smt-lib-version 2\.6\)\n\(set-logic QF_S\)\n\(set-info :status (un)?sat\)\n/);
      expect(query.script.trimEnd().endsWith('(check-sat)')).toBe(true);
      // Every catalog action is in C, whatever the patterns' prefixes, and every pattern of both sides is defined.
      for (const action of CATALOG.lowerActions) expect(query.script).toContain(`(= x "${action}")`);
      expect(query.script).toContain('(define-fun o1 () RegLan (re.++ (str.to_re "iam:") re.all)) ; "iam:*"');
      expect(query.script).toContain('(define-fun r1 () RegLan (str.to_re "iam:getuser")) ; "iam:GetUser"');
    }
    // No candidate witness is named: the exact query lists every catalog action, not the ones that differ.
    const exact = queries[0]!.script;
    expect(exact.match(/\(and \(= a "/g)?.length).toBe(CATALOG.size);
  });

  it('refutes claim 1 when a used action is lost, with a catalog action the solver found', async () => {
    const verdicts = await judged(ORIGINAL, [allow(['s3:GetObject', 'iam:GetUser']), deny('ec2:*')]);
    // s3:GetObject is also no shortest safe prefix: s3:GetObject* is safe.
    expect(refuted(verdicts)).toEqual(['0:exact', '0:minimality']);
    expect(verdictOf(verdicts, 0, 'exact')?.detail).toMatch(/^sat \["s3:getobject(acl|tagging)"\]$/);
  });

  it('refutes claim 2 for a string outside the original, future actions included', async () => {
    const verdicts = await judged(ORIGINAL, [allow(['s3:GetObject*', 'iam:GetUser', 's3:Put*']), deny('ec2:*')]);
    expect(refuted(verdicts)).toEqual(['0:exact', '0:no-escalation', '0:minimality']);
    expect(verdictOf(verdicts, 0, 'no-escalation')?.detail).toMatch(/^sat \["s3:put[^A-Z]*"\]$/);
  });

  it('refutes claim 2 structurally for a changed Deny statement', async () => {
    expect(refuted(await judged(ORIGINAL, [CORRECT[0]!, deny('ec2:Describe*')]))).toEqual(['1:no-escalation']);
  });

  it('refutes claim 3 when an unused action stays allowed', async () => {
    const verdicts = await judged(ORIGINAL, [allow(['s3:GetObject*', 's3:GetBucketAcl', 'iam:GetUser']), deny('ec2:*')]);
    // s3:GetBucketAcl is still a shortest prefix: s3:GetBucket* would reach the unused s3:GetBucketPolicy.
    expect(refuted(verdicts)).toEqual(['0:exact', '0:safety']);
    expect(verdictOf(verdicts, 0, 'safety')?.detail).toBe('sat ["s3:getbucketacl"]');
  });

  it('refutes claim 4 for a pattern that is no trie node (structure), and for one whose parent is safe (the solver)', async () => {
    const notNode = await judged(ORIGINAL, [allow(['s3:GetObj*', 'iam:GetUser']), deny('ec2:*')]);
    expect(refuted(notNode)).toEqual(['0:minimality']);
    expect(verdictOf(notNode, 0, 'minimality')?.detail).toMatch(/^structural: "s3:GetObj\*" is no node/);
    // s3:GetObject* is safe, so the literals below it are not shortest safe prefixes.
    const tooLong = await judged(ORIGINAL, [allow(['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging', 'iam:GetUser']), deny('ec2:*')]);
    expect(refuted(tooLong)).toEqual(['0:minimality']);
    expect(verdictOf(tooLong, 0, 'minimality')?.detail).toBe('unsat');
  });

  it('refutes claim 5 for a pattern the others cover on the catalog', async () => {
    const verdicts = await judged(ORIGINAL, [allow(['s3:GetObject*', 's3:GetObjectAcl', 'iam:GetUser']), deny('ec2:*')]);
    expect(refuted(verdicts)).toEqual(['0:minimality', '0:no-redundancy']);
  });

  it('judges NotAction statements: added exclusions, lost ones, and shortest safe exclusions', async () => {
    const original = [allow('iam:*', 'NotAction')];
    const unused = { s3: ['GetBucketAcl', 'GetBucketPolicy'] };
    expect(refuted(await judged(original, [allow(['iam:*', 's3:GetBucket*'], 'NotAction')], { unused }))).toEqual([]);
    // The iam exclusion lost: iam actions (and every iam string) become allowed.
    expect(refuted(await judged(original, [allow(['s3:GetBucket*'], 'NotAction')], { unused }))).toEqual(['0:exact', '0:no-escalation']);
    // s3:Get* loses the used s3:GetObject... (claim 1); claim 4 only asks that s3:* would lose a used action too.
    expect(refuted(await judged(original, [allow(['iam:*', 's3:Get*'], 'NotAction')], { unused }))).toEqual(['0:exact']);
    // s3:GetBucketA* is one character into a word.
    expect(refuted(await judged(original, [allow(['iam:*', 's3:GetBucketA*', 's3:GetBucketPolicy'], 'NotAction')], { unused }))).toEqual(['0:minimality']);
  });

  it('judges a dropped statement as allowing nothing', async () => {
    const verdicts = await judged([allow(['s3:Get*', 'iam:*'])], undefined);
    expect(refuted(verdicts)).toEqual(['0:exact']);
    expect(verdicts.map((item) => item.claim)).toEqual(['exact', 'no-escalation', 'safety']);
  });
});

describe('compareEncoders', () => {
  const item = (statement: number, claim: ClaimId, verdict: 'proven' | 'refuted' | 'unknown') => ({ statement, claim, verdict });

  it('counts agreements per (statement, claim); a claim one side leaves out holds; unknown is undecided, never a disagreement', () => {
    const comparison = compareEncoders(
      [item(0, 'exact', 'proven'), item(0, 'no-escalation', 'proven'), item(0, 'safety', 'unknown'), item(0, 'minimality', 'refuted'), item(1, 'exact', 'refuted')],
      [item(0, 'exact', 'proven'), item(0, 'safety', 'proven'), item(0, 'minimality', 'refuted'), item(1, 'exact', 'proven'), item(1, 'safety', 'unknown')],
    );
    expect({ agreed: comparison.agreed, undecided: comparison.undecided, claims: comparison.claims.length }).toEqual({ agreed: 3, undecided: 2, claims: 6 });
    expect(comparison.disagreements).toEqual([{ statement: 1, claim: 'exact', specification: 'refuted', checker: 'proven' }]);
  });
});
