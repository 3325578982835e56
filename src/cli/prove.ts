import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Policy } from '../policy/types.js';
import { check, type CheckReport } from '../prove/check.js';
import type { Verdict } from '../prove/obligation.js';
import { EXIT } from './exit-codes.js';

export interface ProveFlags {
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly granularity: Granularity;
}

/** Runs the checker on a recommendation with the command's solver settings. */
export function proveRecommendation(original: Policy, unused: UnusedSet, catalog: Catalog, recommended: Policy | undefined, flags: ProveFlags): Promise<CheckReport> {
  return check({ original, unused, catalog, recommended, granularity: flags.granularity }, { timeoutMs: flags.timeoutMs, ...(flags.workers === undefined ? {} : { workers: flags.workers }) });
}

export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'proven' ? EXIT.ok : verdict === 'refuted' ? EXIT.refuted : EXIT.unknown;
}
