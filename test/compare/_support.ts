/** Shared by the comparison's tests: policies from statements, one solver pool per file. */
import { afterAll, beforeAll } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { comparePolicies, type CompareReport, type Counterexample } from '../../src/compare/compare.js';
import type { CompareMode, CompareScope } from '../../src/compare/plan.js';
import type { Json } from '../../src/input/json.js';
import type { Solver } from '../../src/prove/solver/solver.js';
import { startSolver } from '../../src/prove/solver/start.js';
import { policyOf } from '../support.js';

/** Starts one pool for the file's tests and closes it after them. */
export function usePool(workers = 2): () => Solver {
  let pool: Solver | undefined;
  beforeAll(async () => {
    pool = await startSolver({ workers });
  });
  afterAll(async () => {
    await pool?.close();
  });
  return () => pool!;
}

export interface CompareOptionsForTest {
  readonly mode?: CompareMode;
  readonly scope?: CompareScope;
  readonly catalog?: Catalog;
}

export function compareStatements(pool: Solver, old: Json, fresh: Json, options: CompareOptionsForTest = {}): Promise<CompareReport> {
  return comparePolicies(
    {
      old: policyOf(old, 'old.json'),
      new: policyOf(fresh, 'new.json'),
      oldSource: 'old.json',
      newSource: 'new.json',
      mode: options.mode ?? 'no-new-access',
      scope: options.scope ?? 'all-strings',
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
    },
    { pool },
  );
}

/** The first counterexample of a direction. */
export function firstExample(report: CompareReport, direction: 'gained' | 'lost' = 'gained'): Counterexample {
  const found = report.directions.find((entry) => entry.direction === direction)?.counterexamples[0];
  if (found === undefined) throw new Error(`no ${direction} counterexample: ${JSON.stringify(report.directions)}`);
  return found;
}
