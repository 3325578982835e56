import { loadCatalogFile } from '../src/catalog/load.js';
import { loadUnused } from '../src/findings/load.js';
import { parsePolicy } from '../src/policy/parse.js';
import { loadPolicy } from '../src/policy/load.js';
import type { Outcome } from '../src/prove/obligation.js';
import { planObligations, type Plan } from '../src/prove/plan.js';
import { NativeSolverPool, type NativeMode } from '../src/prove/solver/native-pool.js';
import { SolverPool } from '../src/prove/solver/pool.js';
import type { Solver } from '../src/prove/solver/solver.js';
import { recommend } from '../src/recommend/recommend.js';
import { formatTable, milliseconds } from './table.js';

const WORKERS = 2;
const CATALOG = 'corpus/catalogs/iam-data-0.21.202609261.json';

/** The plans timed: the article's example, and AdministratorAccess with its seeded unused set from corpus/managed. */
const INPUTS = [
  { label: 'article (2024 catalog)', policy: 'corpus/article/policy.json', unused: 'corpus/article/unused.json', catalog: 'corpus/article/catalog-2024.json' },
  { label: 'AdministratorAccess, seeded unused', policy: 'corpus/managed/policies/AdministratorAccess.json', unused: 'corpus/managed/unused/AdministratorAccess.random.json', catalog: CATALOG },
] as const;

/**
 * The same plan's scripts on each back end with 2 workers: Z3 WebAssembly (`SolverPool`), and
 * native z3 as persistent processes with `(reset)` or one process per script. Start-up is timed
 * apart from solving; every answer is compared with WebAssembly's. `NATIVE_BENCH_TIMEOUT_MS`
 * bounds each script (default 20 s); `NATIVE_BENCH_ONLY=article` runs the first plan only.
 */
export async function nativeBench(): Promise<void> {
  const timeoutMs = Number(process.env.NATIVE_BENCH_TIMEOUT_MS ?? 20_000);
  const rows: (string | number)[][] = [];
  for (const input of INPUTS) {
    if (process.env.NATIVE_BENCH_ONLY === 'article' && input !== INPUTS[0]) continue;
    const plan = planOf(input);
    let reference: readonly Outcome[] | undefined;
    for (const [backEnd, start] of backEnds(timeoutMs)) {
      const started = performance.now();
      const solver = await start();
      const startMs = milliseconds(started);
      const solving = performance.now();
      const outcomes = await Promise.all(plan.obligations.map((obligation) => solver.solve(obligation.script, obligation.witnesses)));
      const solveMs = milliseconds(solving);
      await solver.close();
      reference ??= outcomes;
      const differ = outcomes.filter((outcome, index) => outcome.status !== reference![index]!.status).length;
      const slowest = Math.max(...outcomes.map((outcome) => outcome.timeMs));
      rows.push([input.label, plan.obligations.length, backEnd, Math.round(startMs), Math.round(solveMs), Math.round(slowest), tally(outcomes), differ]);
    }
  }
  console.log(`the same plan's scripts on each back end, ${WORKERS} workers, ${timeoutMs} ms per script:`);
  console.log(formatTable(['plan', 'scripts', 'back end', 'start ms', 'solve ms', 'slowest ms', 'sat/unsat/other', 'answers differing from wasm'], rows));
}

function backEnds(timeoutMs: number): [string, () => Promise<Solver>][] {
  const native = (mode: NativeMode) => () => NativeSolverPool.start({ workers: WORKERS, timeoutMs, mode });
  return [
    ['wasm (z3-solver)', () => SolverPool.start({ workers: WORKERS, timeoutMs })],
    ['z3-native, (reset)', native('reset')],
    ['z3-native, process per script', native('fresh')],
  ];
}

function planOf(input: (typeof INPUTS)[number]): Plan {
  const catalog = loadCatalogFile(input.catalog);
  const { policy } = loadPolicy(input.policy);
  const { unused } = loadUnused(input.unused, catalog, false);
  const recommendation = recommend(policy, unused, catalog, { granularity: 'word' });
  const recommended = recommendation.policy === undefined ? undefined : parsePolicy(recommendation.policy, 'recommended');
  return planObligations({ original: policy, unused, catalog, recommended, granularity: 'word' });
}

function tally(outcomes: readonly Outcome[]): string {
  const count = (status: string): number => outcomes.filter((outcome) => outcome.status === status).length;
  return `${count('sat')}/${count('unsat')}/${outcomes.length - count('sat') - count('unsat')}`;
}

if (import.meta.url === `file://${process.argv[1]}`) await nativeBench();
