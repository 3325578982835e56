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
