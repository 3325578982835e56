/** The exit codes every command shares. */
export const EXIT = {
  /** Done; for the checker: every claim proven. */
  ok: 0,
  /** A claim is refuted (a counterexample is printed). */
  refuted: 1,
  /** Bad input or usage: a one-line message naming the file and the JSON path. */
  badInput: 2,
  /** The solver answered unknown or ran out of time: never reported as proven. */
  unknown: 3,
  /** A bug in iam-refine: it refused its own result rather than print a wrong one. */
  internal: 4,
} as const;

/** What each exit code means, as `--help` and README list them. */
export const EXIT_MEANINGS: readonly (readonly [code: number, meaning: string])[] = [
  [EXIT.ok, 'done; for check, certify, verify-cert, drift and --prove: every claim proven'],
  [EXIT.refuted, 'a claim is refuted (with a counterexample), or a certificate does not verify'],
  [EXIT.badInput, 'bad input or usage: one line naming the file and the JSON path'],
  [EXIT.unknown, 'the solver answered unknown or ran out of time: never reported as proven'],
  [EXIT.internal, 'iam-refine refused its own result (a bug: it would have lost or added an action)'],
];
