import type { ClaimId } from './claims.js';
import type { SolverStatus } from './smt/script.js';

/**
 * How to check a solver's witnesses without the solver: the counterexample (or the existence
 * witnesses, one per constant) is replayed through the concrete matcher before anyone is told.
 */
export type Replay = (values: readonly string[]) => boolean;

/** One small claim, as an SMT-LIB script with the answer it must get. */
export interface Obligation {
  /** Stable and file-name safe: `s1-exact-s3`, `s1-no-escalation-p4`. */
  readonly id: string;
  readonly claim: ClaimId;
  /** The original statement it is about. */
  readonly statement: number;
  /** For a ground obligation, the catalog part it is about (`CatalogPart.key`). */
  readonly part?: string;
  /** One line saying what the obligation establishes. */
  readonly title: string;
  readonly expected: SolverStatus;
  readonly script: string;
  /** The constants whose model values are the witnesses when the answer is `sat`. */
  readonly witnesses: readonly string[];
  /** For witnesses that stand for a pattern (minimality and no redundancy: one per pattern), that pattern, in the same order. */
  readonly witnessesFor?: readonly string[];
  /**
   * For an existence stated as ground facts about named candidates (claims 4 and 5), the
   * candidates, in the order of `witnessesFor`: once the solver confirms the facts, they are the
   * witnesses. Such an obligation's own constant `w` only names a pattern whose facts fail.
   */
  readonly namedWitnesses?: readonly string[];
  /** For a `sat` answer: whether the witnesses really are what the answer says they are. */
  readonly replay: Replay;
  /**
   * What a refutation means: the counterexample (the solver's witness for an `unsat`-expected
   * obligation; for an existence that came back `unsat`, found by enumeration) and, in words, why.
   */
  readonly refutation: (values: readonly string[]) => { readonly example?: string; readonly explanation: string };
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
  /** The witnesses' values, for `sat`, in the order of `Obligation.witnesses`. */
  readonly witnesses?: readonly string[];
  /** Why the answer is unknown or an error, in the solver's words. */
  readonly reason?: string;
}

export type Verdict = 'proven' | 'refuted' | 'unknown';

/** The witnesses of a proven existence: the named candidates, or the solver's model values. */
export function witnessesOf(obligation: Obligation, outcome: Outcome): readonly string[] | undefined {
  if (obligation.namedWitnesses !== undefined) return outcome.status === obligation.expected ? obligation.namedWitnesses : outcome.witnesses;
  return outcome.witnesses;
}

/**
 * An answer matching the expectation proves the obligation; the opposite answer refutes it, but
 * only once a `sat` witness survives concrete replay; anything else is unknown, never proven.
 */
export function verdictOf(obligation: Obligation, outcome: Outcome): { verdict: Verdict; note?: string } {
  if (outcome.status !== 'sat' && outcome.status !== 'unsat') return { verdict: 'unknown', note: outcome.reason ?? outcome.status };
  if (outcome.status === 'sat') {
    const values = outcome.witnesses ?? [];
    if (values.length !== obligation.witnesses.length) return { verdict: 'unknown', note: 'sat without the witnesses to replay' };
    if (!obligation.replay(values)) return { verdict: 'unknown', note: `the solver's witness ${JSON.stringify(values)} failed concrete replay` };
  }
  return { verdict: outcome.status === obligation.expected ? 'proven' : 'refuted' };
}
