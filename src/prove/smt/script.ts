import type { ClaimId } from '../claims.js';

export type SolverStatus = 'sat' | 'unsat';

export interface ScriptParts {
  readonly id: string;
  /** What the obligation is about: a claim's id, or a comparison's direction. */
  readonly claim: ClaimId | string;
  readonly expected: SolverStatus;
  /** Lines explaining the obligation to a reader of the file (each becomes a `;` comment). */
  readonly comments: readonly string[];
  /** `(define-fun ...)` and `(declare-const ...)` commands. */
  readonly declarations: readonly string[];
  readonly assertions: readonly string[];
}

/**
 * A complete, self-contained SMT-LIB 2 script: the exact text the solver is given and the
 * certificate stores, so that `z3 file.smt2` re-checks it and prints the recorded status.
 */
export function renderScript(parts: ScriptParts): string {
  const lines = [
    `; iam-refine obligation ${parts.id} (claim: ${parts.claim})`,
    ...parts.comments.map((comment) => `; ${comment}`),
    '(set-info :smt-lib-version 2.6)',
    '(set-logic QF_S)',
    `(set-info :status ${parts.expected})`,
    ...parts.declarations,
    ...parts.assertions.map((assertion) => `(assert ${assertion})`),
    '(check-sat)',
  ];
  return `${lines.join('\n')}\n`;
}
