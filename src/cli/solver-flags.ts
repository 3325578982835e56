import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Policy } from '../policy/types.js';
import { check, type CheckReport } from '../prove/check.js';
import type { Verdict } from '../prove/obligation.js';
import type { SolverPoolOptions } from '../prove/solver/pool.js';
import { EXIT } from './exit-codes.js';

export interface SolverFlags {
  readonly timeoutMs: number;
  readonly workers?: number;
}

export interface ProveFlags extends SolverFlags {
  readonly granularity: Granularity;
}

/** The solver pool settings of `--timeout-ms` and `--workers` (absent: the pool's default). */
export function solverOptions(flags: SolverFlags): SolverPoolOptions {
  return flags.workers === undefined ? { timeoutMs: flags.timeoutMs } : { timeoutMs: flags.timeoutMs, workers: flags.workers };
}

/** Runs the checker on a recommendation with the command's solver settings. */
export function proveRecommendation(original: Policy, unused: UnusedSet, catalog: Catalog, recommended: Policy | undefined, flags: ProveFlags): Promise<CheckReport> {
  return check({ original, unused, catalog, recommended, granularity: flags.granularity }, solverOptions(flags));
}

export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'proven' ? EXIT.ok : verdict === 'refuted' ? EXIT.refuted : EXIT.unknown;
}
