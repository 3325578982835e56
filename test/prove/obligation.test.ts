import { describe, expect, it } from 'vitest';
import { verdictOf, type Obligation, type ObligationStatus, type Outcome } from '../../src/prove/obligation.js';
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
