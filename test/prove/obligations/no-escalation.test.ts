import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import type { Json } from '../../../src/input/json.js';
import type { Obligation } from '../../../src/prove/obligation.js';
import { noEscalationObligations } from '../../../src/prove/obligations/no-escalation.js';
import { allow } from '../../support.js';
import { caseOf, idsOf, inputOf, sharedPool, solveAll } from '../_support.js';

const pool = sharedPool();

/** Claim 2's obligations for statement 0. */
function noEscalation(original: Json, recommended: Json | undefined): Obligation[] {
  return noEscalationObligations(caseOf(inputOf(original, recommended)));
}

describe('noEscalationObligations', () => {
  it('states one obligation per new pattern, expected unsat, and none for a kept one', () => {
    expect(noEscalation([allow(['s3:Get*', 'iam:*', 'ec2:*'])], [allow(['s3:GetObject*', 'ec2:*', 'iam:GetUser'])]).map(({ id, claim, statement, title, expected }) => ({ id, claim, statement, title, expected }))).toEqual([
      { id: 's0-no-escalation-r0', claim: 'no-escalation', statement: 0, title: 'statement 0: every string refined pattern "s3:GetObject*" matches, the original patterns match', expected: 'unsat' },
      { id: 's0-no-escalation-r2', claim: 'no-escalation', statement: 0, title: 'statement 0: every string refined pattern "iam:GetUser" matches, the original patterns match', expected: 'unsat' },
    ]);
  });

  it('states, for NotAction, one per original exclusion the recommendation does not keep', () => {
    expect(noEscalation([allow(['s3:*', 'iam:GetUser'], 'NotAction')], [allow(['s3:*', 'iam:Get*'], 'NotAction')]).map(({ id, title }) => ({ id, title }))).toEqual([
      { id: 's0-no-escalation-o1', title: 'statement 0: every string original exclusion "iam:GetUser" matches, the refined exclusions match' },
    ]);
  });

  it('states none when NotAction only adds exclusions', () => {
    expect(noEscalation([allow('s3:*', 'NotAction')], [allow(['s3:*', 'iam:ListUsers'], 'NotAction')])).toEqual([]);
  });

  it('states none for a dropped statement', () => {
    expect(noEscalation([allow('s3:Get*')], undefined)).toEqual([]);
  });

  it('defines only the original patterns that can overlap the new one', () => {
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
      { id: 's0-no-escalation-r0', status: 'unsat', verdict: 'proven' },
      { id: 's0-no-escalation-r1', status: 'unsat', verdict: 'proven' },
      { id: 's0-no-escalation-r2', status: 'unsat', verdict: 'proven' },
    ]);
  });

  it('is proven for a new pattern only several originals cover together', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:Get', 's3:Get?*'])], [allow('s3:Get*')]))).toEqual([{ id: 's0-no-escalation-r0', status: 'unsat', verdict: 'proven' }]);
  });

  it('is refuted by the one string the originals miss when one of them is gone', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:Get?*'])], [allow('s3:Get*')]))).toEqual([
      { id: 's0-no-escalation-r0', status: 'sat', verdict: 'refuted', witness: 's3:get', explanation: 'refined pattern "s3:Get*" matches "s3:get", which no original pattern matches' },
    ]);
  });

  it('is refuted by the one string a new literal outside the originals matches', async () => {
    expect(await solveAll(pool(), noEscalation([allow('s3:Get*')], [allow('S3:Got')]))).toEqual([
      { id: 's0-no-escalation-r0', status: 'sat', verdict: 'refuted', witness: 's3:got', explanation: 'refined pattern "S3:Got" matches "s3:got", which no original pattern matches' },
    ]);
  });

  it('is refuted for s3:G* instead of s3:Get*, by a lower-case string starting s3:g that s3:Get* misses', async () => {
    const [solved] = await solveAll(pool(), noEscalation([allow('s3:Get*')], [allow('s3:G*')]));
    const witness = solved!.witness!;
    expect({ id: solved!.id, verdict: solved!.verdict, starts: witness.startsWith('s3:g'), lower: witness === witness.toLowerCase(), original: globMatches(parseGlob('s3:Get*'), witness) }).toEqual({
      id: 's0-no-escalation-r0',
      verdict: 'refuted',
      starts: true,
      lower: true,
      original: false,
    });
  });

  it('is refuted under NotAction by a string an original exclusion excluded and the recommendation allows', async () => {
    expect(await solveAll(pool(), noEscalation([allow(['s3:*', 'iam:GetUser'], 'NotAction')], [allow(['s3:*'], 'NotAction')]))).toEqual([
      { id: 's0-no-escalation-o1', status: 'sat', verdict: 'refuted', witness: 'iam:getuser', explanation: 'original exclusion "iam:GetUser" excludes "iam:getuser", which the refined exclusions no longer exclude' },
    ]);
  });

  it('replays a string the new pattern matches and no original does, in any case, and nothing else', () => {
    const [obligation] = noEscalation([allow('s3:Get*')], [allow('s3:G*')]);
    expect(['s3:gxt', 'S3:GXT', 's3:getobject', 'iam:gxt'].map((witness) => obligation!.replay!(witness))).toEqual([true, true, false, false]);
  });

  // BUG: stringLiteral writes U+30000 as "\u{30000}", which Z3 reads as those nine ASCII characters,
  // the same string it writes for the ASCII text `\u{30000}` (see smt/terms.test.ts). The pattern
  // `s3:Get\u{30000}` (ASCII) matches a string that `s3:*` followed by U+30000 does not, yet claim 2
  // comes back proven; the concrete oracle (judge) refutes it.
  it.fails('is refuted for a new pattern that spells, in ASCII, the escape of a character the original ends with', async () => {
    const solved = await solveAll(pool(), noEscalation([allow('s3:*\u{30000}')], [allow('s3:Get\\u{30000}')]));
    expect(solved.map(({ id, verdict, witness }) => ({ id, verdict, witness }))).toEqual([{ id: 's0-no-escalation-r0', verdict: 'refuted', witness: 's3:get\\u{30000}' }]);
  });

  it.fails('is refuted under NotAction when an original exclusion spelling an escape is replaced by the character it names', async () => {
    const solved = await solveAll(pool(), noEscalation([allow('s3:Get\\u{30000}', 'NotAction')], [allow('s3:*\u{30000}', 'NotAction')]));
    expect(solved.map(({ id, verdict, witness }) => ({ id, verdict, witness }))).toEqual([{ id: 's0-no-escalation-o0', verdict: 'refuted', witness: 's3:get\\u{30000}' }]);
  });
});
