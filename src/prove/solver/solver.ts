import type { Outcome } from '../obligation.js';

/**
 * What the checker needs of a solver back end: solve one SMT-LIB script at a time (answers may
 * come in any order), read back the named witness constants of a `sat` answer, and stop. Z3 in
 * WebAssembly (`SolverPool`) and a native binary (`NativeSolverPool`) both fit it, so every
 * caller that takes a running pool takes either.
 */
export interface Solver {
  /** Solves one script; for `sat`, the witnesses' values in the order asked. Never rejects once started. */
  solve(script: string, witnesses?: readonly string[]): Promise<Outcome>;
  /** Stops every worker; a solve still running or queued settles as an `error` outcome. */
  close(): Promise<void>;
  /** The solver and its build, as reports and certificates name it. */
  readonly version: string;
  /** How many scripts it solves at once. */
  readonly workers: number;
}

/** Told as each script is queued and as its answer settles: what progress reports count. */
export interface SolveObserver {
  readonly onQueued?: () => void;
  readonly onSettled?: (outcome: Outcome) => void;
}

/** The same solver, telling `observer` of each script it is given and each answer; closing it closes the solver. */
export function observedSolver(solver: Solver, observer: SolveObserver): Solver {
  return {
    version: solver.version,
    workers: solver.workers,
    close: () => solver.close(),
    async solve(script, witnesses) {
      observer.onQueued?.();
      const outcome = await solver.solve(script, witnesses);
      observer.onSettled?.(outcome);
      return outcome;
    },
  };
}
