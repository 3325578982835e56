import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { PATTERN_CAPACITY as CHUNK_SIZE } from '../../../src/prove/obligations/chunks.js';
import { noEscalationObligations } from '../../../src/prove/obligations/no-escalation.js';
import { allow, inputErrorOf } from '../../support.js';
import { caseOf, idsOf, inputOf, sharedPool, solveAll, termsOf } from '../_support.js';

const pool = sharedPool();

/** Claim 2's obligations for statement 0. */
function noEscalation(original: Json, recommended: Json | undefined): Obligation[] {
  return noEscalationObligations(caseOf(inputOf(original, recommended)));
}

describe('noEscalationObligations', () => {
  it('states one obligation per service of new wildcard patterns and one for all new literals, expected unsat, and none for a kept one', () => {
    expect(noEscalation([allow(['s3:Get*', 'iam:*', 'ec2:*'])], [allow(['s3:GetObject*', 'ec2:*', 'iam:GetUser'])]).map(({ id, claim, statement, title, expected, witnesses }) => ({ id, claim, statement, title, expected, witnesses }))).toEqual([
      { id: 's0-no-escalation-literals', claim: 'no-escalation', statement: 0, title: 'statement 0: the 1 refined patterns without wildcards are matched by the original patterns', expected: 'unsat', witnesses: ['w'] },
      { id: 's0-no-escalation-s3', claim: 'no-escalation', statement: 0, title: 'statement 0: every string the refined patterns "s3:GetObject*" match, the original patterns match', expected: 'unsat', witnesses: ['w'] },
    ]);
  });

  it('asks about the new wildcard patterns of one service together, and the literals apart', () => {
    expect(noEscalation([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:Get?ucket*', 's3:GetBucketAcl'])]).map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 's0-no-escalation-literals', title: 'statement 0: the 1 refined patterns without wildcards are matched by the original patterns' },
      { id: 's0-no-escalation-s3', title: 'statement 0: every string the refined patterns "s3:GetObject*", "s3:Get?ucket*" match, the original patterns match' },
    ]);
  });

  it('states every new literal of every service in the one literal obligation, as the one string it matches, with the originals that can match it', () => {
    const [literals] = noEscalation([allow(['s3:Get*', 'iam:*', '*:*Object'])], [allow(['S3:GetObject', 'iam:GetUser', 'ec2:RunInstances'])]);
    expect({ id: literals!.id, lines: termsOf(literals!.script, 'escapes'), definitions: literals!.script.split('\n').filter((line) => line.startsWith('(define-fun o')) }).toEqual({
      id: 's0-no-escalation-literals',
      lines: [
        '(escapes "s3:getobject" (or (o0 "s3:getobject") (o2 "s3:getobject")))',
        '(escapes "iam:getuser" (or (o1 "iam:getuser") (o2 "iam:getuser")))',
        '(escapes "ec2:runinstances" (o2 "ec2:runinstances"))',
      ],
      definitions: [
        '(define-fun o0 ((a String)) Bool (str.prefixof "s3:get" a)) ; s3:Get*',
        '(define-fun o1 ((a String)) Bool (str.prefixof "iam:" a)) ; iam:*',
        '(define-fun o2 ((a String)) Bool (str.in_re a (re.++ re.all (str.to_re ":") re.all (str.to_re "object")))) ; *:*Object',
      ],
    });
  });

  it('states a literal no original can match as escaping outright', () => {
    const [literals] = noEscalation([allow('s3:Get*')], [allow(['s3:GetObject*', 'S3:Got'])]);
    expect(termsOf(literals!.script, 'escapes')).toEqual(['(escapes "s3:got" false)']);
  });

  it('counts the patterns in the title when there are more than three', () => {
    expect(noEscalation([allow('s3:Get*')], [allow(['s3:GetA*', 's3:GetB*', 's3:GetC*', 's3:GetD*'])]).map((obligation) => obligation.title)).toEqual([
      'statement 0: every string the refined patterns (4, s3) match, the original patterns match',
    ]);
  });

  it(`splits a service of more than ${CHUNK_SIZE} new wildcard patterns into chunks`, () => {
    const patterns = Array.from({ length: CHUNK_SIZE + 1 }, (_, index) => `s3:GetObject${index}*`);
    expect(idsOf(noEscalation([allow('s3:Get*')], [allow(patterns)]))).toEqual(['s0-no-escalation-s3', 's0-no-escalation-s3.2']);
  });

  it(`keeps more than ${CHUNK_SIZE} new literals in the one literal obligation, a line each`, () => {
    const patterns = Array.from({ length: CHUNK_SIZE + 1 }, (_, index) => `s3:GetObject${index}`);
    const obligations = noEscalation([allow('s3:Get*')], [allow(patterns)]);
    expect({ ids: idsOf(obligations), title: obligations[0]!.title, lines: termsOf(obligations[0]!.script, 'escapes').length }).toEqual({
      ids: ['s0-no-escalation-literals'],
      title: `statement 0: the ${CHUNK_SIZE + 1} refined patterns without wildcards are matched by the original patterns`,
      lines: CHUNK_SIZE + 1,
    });
  });

  it('states, for NotAction, the original exclusions the recommendation does not keep: literals together, wildcards per service', () => {
    expect(noEscalation([allow(['s3:*', 'iam:GetUser', 'ec2:Describe*'], 'NotAction')], [allow(['s3:*', 'iam:Get*', 'ec2:*'], 'NotAction')]).map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 's0-no-escalation-literals', title: 'statement 0: the 1 original exclusions without wildcards are matched by the refined exclusions' },
      { id: 's0-no-escalation-ec2', title: 'statement 0: every string the original exclusions "ec2:Describe*" match, the refined exclusions match' },
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

  it('is proven for literals inside the originals, beyond the catalog too', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:Get*', 'iam:*', '*:*Object'])], [allow(['S3:GetObject', 'iam:GetNothing', 'ec2:RunObject'])]))).toEqual([
      { id: 's0-no-escalation-literals', status: 'unsat', verdict: 'proven' },
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

  it('is refuted by the one string a new literal outside the originals matches, naming that pattern among the other literals', async () => {
    expect(await solveAll(pool(), noEscalation([allow('s3:Get*')], [allow(['s3:GetObject*', 's3:GetBucketAcl', 'S3:Got', 'iam:GetUser'])]))).toEqual([
      { id: 's0-no-escalation-literals', status: 'sat', verdict: 'refuted', witnesses: ['s3:got'], example: 's3:got', explanation: 'refined pattern "S3:Got" matches "s3:got", which no original pattern matches' },
      { id: 's0-no-escalation-s3', status: 'unsat', verdict: 'proven' },
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
        id: 's0-no-escalation-literals',
        status: 'sat',
        verdict: 'refuted',
        witnesses: ['iam:getuser'],
        example: 'iam:getuser',
        explanation: 'original exclusion "iam:GetUser" excludes "iam:getuser", which the refined exclusions no longer exclude',
      },
    ]);
  });

  it('replays a literal obligation only for the lower-cased string of one of its literals that no original matches', () => {
    const [literals] = noEscalation([allow('s3:Get*')], [allow(['S3:Got', 's3:GetObject', 'iam:GetUser'])]);
    expect(['s3:got', 'iam:getuser', 's3:getobject', 'S3:Got', 's3:gotx', 'iam:listusers'].map((witness) => literals!.replay([witness]))).toEqual([true, true, false, false, false, false]);
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
