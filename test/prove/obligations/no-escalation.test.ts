import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { PATTERN_CAPACITY as CHUNK_SIZE } from '../../../src/prove/obligations/chunks.js';
import { noEscalationObligations } from '../../../src/prove/obligations/no-escalation.js';
import { allow, inputErrorOf } from '../../support.js';
import { caseOf, idsOf, inputOf, sharedPool, solveAll } from '../_support.js';

const pool = sharedPool();

/** Claim 2's obligations for statement 0. */
function noEscalation(original: Json, recommended: Json | undefined): Obligation[] {
  return noEscalationObligations(caseOf(inputOf(original, recommended)));
}

describe('noEscalationObligations', () => {
  it('states one obligation per service of new patterns, expected unsat, and none for a kept one', () => {
    expect(noEscalation([allow(['s3:Get*', 'iam:*', 'ec2:*'])], [allow(['s3:GetObject*', 'ec2:*', 'iam:GetUser'])]).map(({ id, claim, statement, title, expected, witnesses }) => ({ id, claim, statement, title, expected, witnesses }))).toEqual([
      { id: 's0-no-escalation-s3', claim: 'no-escalation', statement: 0, title: 'statement 0: every string the refined patterns "s3:GetObject*" match, the original patterns match', expected: 'unsat', witnesses: ['w'] },
      { id: 's0-no-escalation-iam', claim: 'no-escalation', statement: 0, title: 'statement 0: every string the refined patterns "iam:GetUser" match, the original patterns match', expected: 'unsat', witnesses: ['w'] },
    ]);
  });

  it('asks about the new patterns of one service together', () => {
    expect(noEscalation([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetBucketAcl'])]).map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 's0-no-escalation-s3', title: 'statement 0: every string the refined patterns "s3:GetObject*", "s3:GetBucketAcl" match, the original patterns match' },
    ]);
  });

  it('counts the patterns in the title when there are more than three', () => {
    expect(noEscalation([allow('s3:Get*')], [allow(['s3:GetA', 's3:GetB', 's3:GetC', 's3:GetD'])]).map((obligation) => obligation.title)).toEqual([
      'statement 0: every string the refined patterns (4, s3) match, the original patterns match',
    ]);
  });

  it(`splits a service of more than ${CHUNK_SIZE} new patterns into chunks`, () => {
    const patterns = Array.from({ length: CHUNK_SIZE + 1 }, (_, index) => `s3:GetObject${index}`);
    expect(idsOf(noEscalation([allow('s3:Get*')], [allow(patterns)]))).toEqual(['s0-no-escalation-s3', 's0-no-escalation-s3.2']);
  });

  it('states, for NotAction, one per service of original exclusions the recommendation does not keep', () => {
    expect(noEscalation([allow(['s3:*', 'iam:GetUser'], 'NotAction')], [allow(['s3:*', 'iam:Get*'], 'NotAction')]).map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 's0-no-escalation-iam', title: 'statement 0: every string the original exclusions "iam:GetUser" match, the refined exclusions match' },
    ]);
  });

  it('states none when NotAction only adds exclusions', () => {
    expect(noEscalation([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')])).toEqual([]);
  });

  it('states none for a dropped statement', () => {
    expect(noEscalation([allow('s3:Get*')], undefined)).toEqual([]);
  });

  it('defines only the original patterns that can overlap the new ones', () => {
    const [obligation] = noEscalation([allow(['s3:Get*', 'iam:*', '*:*Object'])], [allow(['s3:GetObject*'])]);
    expect(obligation!.script.split('\n').filter((line) => line.startsWith('(define-fun') || line.startsWith('(assert'))).toEqual([
      '(define-fun r0 () RegLan (re.++ (str.to_re "s3:getobject") re.all)) ; s3:GetObject*',
      '(define-fun o0 () RegLan (re.++ (str.to_re "s3:get") re.all)) ; s3:Get*',
      '(define-fun o2 () RegLan (re.++ re.all (str.to_re ":") re.all (str.to_re "object"))) ; *:*Object',
      '(assert (str.in_re w (re.diff r0 (re.union o0 o2))))',
      '(assert (not (str.in_re w (re.++ re.all (re.range "A" "Z") re.all))))',
    ]);
  });

  it('is proven for patterns inside the originals, beyond the catalog too', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:Get*', 'iam:*'])], [allow(['s3:GetObject*', 's3:Get?ucket*', 'iam:Get*'])]))).toEqual([
      { id: 's0-no-escalation-s3', status: 'unsat', verdict: 'proven' },
      { id: 's0-no-escalation-iam', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is proven for a new pattern only several originals cover together', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:Get', 's3:Get?*'])], [allow('s3:Get*')]))).toEqual([{ id: 's0-no-escalation-s3', status: 'unsat', verdict: 'proven' }]);
  });

  it('is refuted by the one string the originals miss when one of them is gone', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:Get?*'])], [allow('s3:Get*')]))).toEqual([
      { id: 's0-no-escalation-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:get'], example: 's3:get', explanation: 'refined pattern "s3:Get*" matches "s3:get", which no original pattern matches' },
    ]);
  });

  it('is refuted by the one string a new literal outside the originals matches, naming that pattern among the others of its service', async () => {
    expect(await solveAll(pool(), noEscalation([allow('s3:Get*')], [allow(['s3:GetObject*', 'S3:Got'])]))).toEqual([
      { id: 's0-no-escalation-s3', status: 'sat', verdict: 'refuted', witnesses: ['s3:got'], example: 's3:got', explanation: 'refined pattern "S3:Got" matches "s3:got", which no original pattern matches' },
    ]);
  });

  it('is refuted for s3:G* instead of s3:Get*, by a lower-case string starting s3:g that s3:Get* misses', async () => {
    const [solved] = await solveAll(pool(), noEscalation([allow('s3:Get*')], [allow('s3:G*')]));
    const witness = solved!.witnesses![0]!;
    expect({ id: solved!.id, verdict: solved!.verdict, starts: witness.startsWith('s3:g'), lower: witness === witness.toLowerCase(), original: globMatches(parseGlob('s3:Get*'), witness) }).toEqual({
      id: 's0-no-escalation-s3',
      verdict: 'refuted',
      starts: true,
      lower: true,
      original: false,
    });
  });

  it('is refuted under NotAction by a string an original exclusion excluded and the recommendation allows', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:*', 'iam:GetUser'], 'NotAction')], [allow(['s3:*'], 'NotAction')]))).toEqual([
      {
        id: 's0-no-escalation-iam',
        status: 'sat',
        verdict: 'refuted',
        witnesses: ['iam:getuser'],
        example: 'iam:getuser',
        explanation: 'original exclusion "iam:GetUser" excludes "iam:getuser", which the refined exclusions no longer exclude',
      },
    ]);
  });

  it('replays a string a new pattern matches and no original does, in any case, and nothing else', () => {
    const [obligation] = noEscalation([allow('s3:Get*')], [allow(['s3:G*', 's3:Put*'])]);
    expect(['s3:gxt', 'S3:GXT', 's3:putx', 's3:getobject', 'iam:gxt'].map((witness) => obligation!.replay([witness]))).toEqual([true, true, true, false, false]);
  });

  // Regression (was a bug): a pattern ending in U+30000 and the ASCII spelling of its escape were
  // written as the same SMT-LIB string, and claim 2 was proven where the oracle refutes it.
  it('never receives a pattern outside printable ASCII: the policy is refused first', () => {
    expect(inputErrorOf(() => inputOf([allow('s3:*\u{30000}')], [allow('s3:Get\\u{30000}')]))).toBe(
      'policy.json: Statement[0].Action: "s3:*\u{30000}" is not an action pattern (only printable ASCII characters)',
    );
  });
});
