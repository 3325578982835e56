import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Policy } from '../policy/types.js';
import { check, type CheckReport } from '../prove/check.js';
import type { Verdict } from '../prove/obligation.js';
import { withSolver, type SolverBackEnd, type SolverOptions } from '../prove/solver/start.js';
import { observedSolver, type Solver } from '../prove/solver/solver.js';
import type { ClaimId } from '../prove/claims.js';
import type { CheckInput } from '../prove/context.js';
import { EXIT } from './exit-codes.js';
import { createProgress } from './progress.js';

export interface SolverFlags {
  readonly timeoutMs: number;
  readonly workers?: number;
  /** `--solver`; absent: WebAssembly. */
  readonly solver?: SolverBackEnd;
  /** `--quiet`: no progress on stderr. */
  readonly quiet?: boolean;
}

export interface ProveFlags extends SolverFlags {
  readonly granularity: Granularity;
}

/** The solver settings of `--solver`, `--timeout-ms` and `--workers` (absent: the default), for `startSolver`. */
export function solverOptions(flags: SolverFlags): SolverOptions {
  return { timeoutMs: flags.timeoutMs, ...(flags.workers === undefined ? {} : { workers: flags.workers }), ...(flags.solver === undefined ? {} : { solver: flags.solver }) };
}

/**
 * Runs `work` on the command's solver, started for it and closed after it, with the obligations
 * solved counted on stderr as `label`'s progress (none with `--quiet`).
 */
export async function withProgressSolver<T>(flags: SolverFlags, label: string, work: (solver: Solver) => Promise<T>): Promise<T> {
  const progress = createProgress({ noun: 'obligations', label, quiet: flags.quiet === true });
  try {
    return await withSolver(solverOptions(flags), (pool) => work(observedSolver(pool, { onQueued: () => progress.expect(1), onSettled: () => progress.advance() })));
  } finally {
    progress.finish();
  }
}

/** Runs the checker (on `claims` only, when given) on the command's solver, with progress. */
export function checkWithFlags(input: CheckInput, flags: SolverFlags, label: string, claims?: readonly ClaimId[]): Promise<CheckReport> {
  return withProgressSolver(flags, label, (pool) => check(input, { pool, ...(claims === undefined ? {} : { claims }) }));
}

/** Runs the checker on a recommendation with the command's solver settings. */
export function proveRecommendation(original: Policy, unused: UnusedSet, catalog: Catalog, recommended: Policy | undefined, flags: ProveFlags, label: string, claims?: readonly ClaimId[]): Promise<CheckReport> {
  return checkWithFlags({ original, unused, catalog, recommended, granularity: flags.granularity }, flags, label, claims);
}

export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'proven' ? EXIT.ok : verdict === 'refuted' ? EXIT.refuted : EXIT.unknown;
}
