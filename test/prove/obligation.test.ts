import { describe, expect, it } from 'vitest';
import { verdictOf, type Obligation, type ObligationStatus, type Outcome } from '../../src/prove/obligation.js';
import type { SolverStatus } from '../../src/prove/smt/script.js';

/** An obligation whose witness replays when it is `good`; `replays: false` gives it no way to replay. */
function obligation(expected: SolverStatus, replays = true): Obligation {
  return {
    id: 's0-exact-s3',
    claim: 'exact',
    statement: 0,
    title: 'title',
    expected,
    script: '(check-sat)\n',
    witness: 'w',
    replay: replays ? (witness) => witness === 'good' : undefined,
    refutation: () => 'refuted',
  };
}

const outcome = (status: ObligationStatus, extra: Partial<Outcome> = {}): Outcome => ({ status, timeMs: 1, ...extra });

describe('verdictOf', () => {
  it('proves an unsat-expected obligation answered unsat', () => {
    expect(verdictOf(obligation('unsat'), outcome('unsat'))).toEqual({ verdict: 'proven' });
  });

  it('proves a sat-expected obligation answered sat with a witness that replays', () => {
    expect(verdictOf(obligation('sat'), outcome('sat', { witness: 'good' }))).toEqual({ verdict: 'proven' });
  });

  it('refutes an unsat-expected obligation answered sat with a witness that replays', () => {
    expect(verdictOf(obligation('unsat'), outcome('sat', { witness: 'good' }))).toEqual({ verdict: 'refuted' });
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
    expect(verdictOf(obligation('unsat'), outcome('sat', { witness: 'bad' }))).toEqual({ verdict: 'unknown', note: `the solver's witness "bad" failed concrete replay` });
  });

  it('calls a sat answer whose witness fails replay unknown, not proven', () => {
    expect(verdictOf(obligation('sat'), outcome('sat', { witness: 'bad' }))).toEqual({ verdict: 'unknown', note: `the solver's witness "bad" failed concrete replay` });
  });

  it('calls a sat answer without a witness unknown', () => {
    expect(verdictOf(obligation('unsat'), outcome('sat'))).toEqual({ verdict: 'unknown', note: 'sat without a witness to replay' });
  });

  it('calls a sat answer unknown when the obligation has no way to replay', () => {
    expect(verdictOf(obligation('sat', false), outcome('sat', { witness: 'good' }))).toEqual({ verdict: 'unknown', note: 'sat without a witness to replay' });
  });
});
