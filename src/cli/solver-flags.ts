import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Policy } from '../policy/types.js';
import { check, type CheckReport } from '../prove/check.js';
import type { Verdict } from '../prove/obligation.js';
import { withSolver, type SolverBackEnd, type SolverOptions } from '../prove/solver/start.js';
import type { CheckInput } from '../prove/context.js';
import { EXIT } from './exit-codes.js';

export interface SolverFlags {
  readonly timeoutMs: number;
  readonly workers?: number;
  /** `--solver`; absent: WebAssembly. */
  readonly solver?: SolverBackEnd;
}

export interface ProveFlags extends SolverFlags {
  readonly granularity: Granularity;
}

/** The solver settings of `--solver`, `--timeout-ms` and `--workers` (absent: the default), for `startSolver`. */
export function solverOptions(flags: SolverFlags): SolverOptions {
  return { timeoutMs: flags.timeoutMs, ...(flags.workers === undefined ? {} : { workers: flags.workers }), ...(flags.solver === undefined ? {} : { solver: flags.solver }) };
}

/** Runs the checker on the command's solver, started for this check and closed after it. */
export function checkWithFlags(input: CheckInput, flags: SolverFlags): Promise<CheckReport> {
  return withSolver(solverOptions(flags), (pool) => check(input, { pool }));
}

/** Runs the checker on a recommendation with the command's solver settings. */
export function proveRecommendation(original: Policy, unused: UnusedSet, catalog: Catalog, recommended: Policy | undefined, flags: ProveFlags): Promise<CheckReport> {
  return checkWithFlags({ original, unused, catalog, recommended, granularity: flags.granularity }, flags);
}

export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'proven' ? EXIT.ok : verdict === 'refuted' ? EXIT.refuted : EXIT.unknown;
}
