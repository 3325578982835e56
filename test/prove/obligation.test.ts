import { describe, expect, it } from 'vitest';
import { verdictOf, witnessesOf, type Obligation, type ObligationStatus, type Outcome } from '../../src/prove/obligation.js';
import type { SolverStatus } from '../../src/prove/smt/script.js';

/** An obligation with two witness constants, whose values replay when both are `good`. */
function obligation(expected: SolverStatus): Obligation {
  return {
    id: 's0-minimality-s3',
    claim: 'minimality',
    statement: 0,
    title: 'title',
    expected,
    script: '(check-sat)\n',
    witnesses: ['w_r0', 'w_r1'],
    replay: (values) => values.every((value) => value === 'good'),
    refutation: () => ({ explanation: 'refuted' }),
  };
}

const outcome = (status: ObligationStatus, extra: Partial<Outcome> = {}): Outcome => ({ status, timeMs: 1, ...extra });

describe('verdictOf', () => {
  it('proves an unsat-expected obligation answered unsat', () => {
    expect(verdictOf(obligation('unsat'), outcome('unsat'))).toEqual({ verdict: 'proven' });
  });

  it('proves a sat-expected obligation answered sat with witnesses that replay', () => {
    expect(verdictOf(obligation('sat'), outcome('sat', { witnesses: ['good', 'good'] }))).toEqual({ verdict: 'proven' });
  });

  it('refutes an unsat-expected obligation answered sat with witnesses that replay', () => {
    expect(verdictOf(obligation('unsat'), outcome('sat', { witnesses: ['good', 'good'] }))).toEqual({ verdict: 'refuted' });
  });

  it('refutes a sat-expected obligation answered unsat', () => {
    expect(verdictOf(obligation('sat'), outcome('unsat'))).toEqual({ verdict: 'refuted' });
  });

  it.each(['unknown', 'timeout', 'error'] as const)('never proves an obligation answered %s, whatever was expected', (status) => {
    expect([verdictOf(obligation('unsat'), outcome(status)), verdictOf(obligation('sat'), outcome(status))]).toEqual([
      { verdict: 'unknown', note: status },
      { verdict: 'unknown', note: status },
    ]);
  });

  it("notes the solver's reason for an unknown answer", () => {
    expect(verdictOf(obligation('unsat'), outcome('error', { reason: '(error "line 1 column 2: unknown constant x")' }))).toEqual({
      verdict: 'unknown',
      note: '(error "line 1 column 2: unknown constant x")',
    });
  });

  it('calls a sat answer whose witness fails replay unknown, not refuted', () => {
    expect(verdictOf(obligation('unsat'), outcome('sat', { witnesses: ['good', 'bad'] }))).toEqual({ verdict: 'unknown', note: `the solver's witness ["good","bad"] failed concrete replay` });
  });

  it('calls a sat answer whose witness fails replay unknown, not proven', () => {
    expect(verdictOf(obligation('sat'), outcome('sat', { witnesses: ['bad', 'good'] }))).toEqual({ verdict: 'unknown', note: `the solver's witness ["bad","good"] failed concrete replay` });
  });

  it('calls a sat answer without witnesses unknown', () => {
    expect(verdictOf(obligation('unsat'), outcome('sat'))).toEqual({ verdict: 'unknown', note: 'sat without the witnesses to replay' });
  });

  it('calls a sat answer with fewer witnesses than constants unknown', () => {
    expect(verdictOf(obligation('sat'), outcome('sat', { witnesses: ['good'] }))).toEqual({ verdict: 'unknown', note: 'sat without the witnesses to replay' });
  });
});

/** A ground existence (claims 4 and 5): expected unsat, two named candidates; a sat answer names a pattern, which replays when it is `p1`. */
const GROUND: Obligation = {
  id: 's0-minimality-s3',
  claim: 'minimality',
  statement: 0,
  title: 'title',
  expected: 'unsat',
  script: '(check-sat)\n',
  witnesses: ['w'],
  witnessesFor: ['p0', 'p1'],
  namedWitnesses: ['s3:getbucketacl', 's3:getbucketpolicy'],
  replay: ([value]) => value === 'p1',
  refutation: () => ({ explanation: 'refuted' }),
};

describe('witnessesOf', () => {
  it('gives a proven ground existence its named candidates, in the order of its patterns', () => {
    expect(witnessesOf(GROUND, outcome('unsat'))).toEqual(['s3:getbucketacl', 's3:getbucketpolicy']);
  });

  it("gives a ground existence answered sat the solver's witness, the pattern whose facts fail, never the candidates", () => {
    expect(witnessesOf(GROUND, outcome('sat', { witnesses: ['p1'] }))).toEqual(['p1']);
  });

  it.each(['unknown', 'timeout', 'error'] as const)('gives a ground existence answered %s no witnesses: its candidates are not proven', (status) => {
    expect(witnessesOf(GROUND, outcome(status))).toBeUndefined();
  });

  it("gives any other obligation the solver's model values, or none", () => {
    expect([witnessesOf(obligation('sat'), outcome('sat', { witnesses: ['good', 'good'] })), witnessesOf(obligation('unsat'), outcome('unsat')), witnessesOf(obligation('sat'), outcome('timeout'))]).toEqual([
      ['good', 'good'],
      undefined,
      undefined,
    ]);
  });
});

describe('verdictOf, for a ground existence', () => {
  it('proves it answered unsat, refutes it answered sat with a pattern that replays, and calls it unknown when the pattern does not', () => {
    expect([verdictOf(GROUND, outcome('unsat')), verdictOf(GROUND, outcome('sat', { witnesses: ['p1'] })), verdictOf(GROUND, outcome('sat', { witnesses: ['p0'] }))]).toEqual([
      { verdict: 'proven' },
      { verdict: 'refuted' },
      { verdict: 'unknown', note: `the solver's witness ["p0"] failed concrete replay` },
    ]);
  });
});
