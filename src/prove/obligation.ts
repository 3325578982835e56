import type { ClaimId } from './claims.js';
import type { SolverStatus } from './smt/script.js';

/**
 * How to check a solver's witness without the solver: the counterexample (or the existence
 * witness) is replayed through the concrete matcher before anyone is told about it.
 */
export type Replay = (witness: string) => boolean;

/** One small claim, as an SMT-LIB script with the answer it must get. */
export interface Obligation {
  /** Stable and file-name safe: `s1-exact-s3`, `s1-no-escalation-p4`. */
  readonly id: string;
  readonly claim: ClaimId;
  /** The original statement it is about. */
  readonly statement: number;
  /** One line saying what the obligation establishes. */
  readonly title: string;
  readonly expected: SolverStatus;
  readonly script: string;
  /** The constant whose model value is the witness when the answer is `sat`. */
  readonly witness: string | undefined;
  /** For a `sat` answer: whether the witness really is what the answer says it is. */
  readonly replay: Replay | undefined;
  /** For an existence (`sat` expected) that comes back `unsat`: what to show as the counterexample. */
  readonly unsatExample?: string;
  /** What a refutation means, in words, given its counterexample (the solver's witness, or `unsatExample`). */
  readonly refutation: (example: string | undefined) => string;
}

/** A claim decided without the solver, on structure alone (a changed Deny, a prefix that is not a trie node). */
export interface StructuralResult {
  readonly id: string;
  readonly claim: ClaimId;
  readonly statement: number;
  readonly holds: boolean;
  readonly explanation: string;
  readonly example?: string;
}

export type ObligationStatus = SolverStatus | 'unknown' | 'timeout' | 'error';

/** What the solver said about one obligation. */
export interface Outcome {
  readonly status: ObligationStatus;
  readonly timeMs: number;
  /** The decoded witness, for `sat`. */
  readonly witness?: string;
  /** Why the answer is unknown or an error, in the solver's words. */
  readonly reason?: string;
}

export type Verdict = 'proven' | 'refuted' | 'unknown';

/**
 * An answer matching the expectation proves the obligation; the opposite answer refutes it, but
 * only once a `sat` witness survives concrete replay; anything else is unknown, never proven.
 */
export function verdictOf(obligation: Obligation, outcome: Outcome): { verdict: Verdict; note?: string } {
  if (outcome.status !== 'sat' && outcome.status !== 'unsat') return { verdict: 'unknown', note: outcome.reason ?? outcome.status };
  if (outcome.status === 'sat') {
    if (outcome.witness === undefined || obligation.replay === undefined) return { verdict: 'unknown', note: 'sat without a witness to replay' };
    if (!obligation.replay(outcome.witness)) return { verdict: 'unknown', note: `the solver's witness ${JSON.stringify(outcome.witness)} failed concrete replay` };
  }
  return { verdict: outcome.status === obligation.expected ? 'proven' : 'refuted' };
}
