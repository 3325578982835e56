import { NativeSolverPool } from './native-pool.js';
import { SolverPool, type SolverPoolOptions } from './pool.js';
import type { Solver } from './solver.js';

/** The solver back ends the checker runs on: Z3 in WebAssembly (the default), or Debian's z3 binary. */
export const SOLVER_BACK_ENDS = ['wasm', 'z3-native'] as const;
export type SolverBackEnd = (typeof SOLVER_BACK_ENDS)[number];

export interface SolverOptions extends SolverPoolOptions {
  readonly solver?: SolverBackEnd;
}

/** Starts the chosen back end (the caller closes it); z3-native refuses to start without the binary. */
export function startSolver(options: SolverOptions = {}): Promise<Solver> {
  const { solver = 'wasm', ...pool } = options;
  return solver === 'z3-native' ? NativeSolverPool.start(pool) : SolverPool.start(pool);
}

/** Runs `work` on a freshly started solver and closes it, whatever happens. */
export async function withSolver<T>(options: SolverOptions, work: (solver: Solver) => Promise<T>): Promise<T> {
  const solver = await startSolver(options);
  try {
    return await work(solver);
  } finally {
    await solver.close();
  }
}
