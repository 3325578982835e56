import { loadPinnedCatalog } from '../src/catalog/load.js';
import type { Catalog } from '../src/catalog/catalog.js';
import type { UnusedSet } from '../src/findings/unused-set.js';
import { loadManagedPolicies, refineManagedPolicy } from '../src/fuzz/managed-policies.js';
import { seededRandom } from '../src/fuzz/_internals/random.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { Policy } from '../src/policy/types.js';
import { check, type CheckReport } from '../src/prove/check.js';
import type { Solver } from '../src/prove/solver/solver.js';
import { startSolver, type SolverBackEnd } from '../src/prove/solver/start.js';
import { execFileSync } from 'node:child_process';
import { recommend } from '../src/recommend/recommend.js';
import { formatTable, milliseconds } from './table.js';

const SEED = 20_240_620;

/**
 * The proof engine's targets (issue 11), each a check of iam-refine's own recommendation on the
 * pinned catalog with 2 solver workers: two synthetic policies, then every AWS managed policy
 * with its seeded unused set, on WebAssembly Z3 and, where Debian's `z3` is on PATH, on the
 * native back end. `ENGINE_BENCH_MANAGED=0` skips the managed run; `ENGINE_BENCH_SOLVERS=wasm` (or
 * `z3-native`) runs one back end only.
 */
export async function engineBench(): Promise<void> {
  const catalog = loadPinnedCatalog();
  for (const solver of backEnds()) {
    console.log(`\n--- solver: ${solver}`);
    const pool = await startSolver({ solver, workers: 2 });
    try {
      await engineFigures(catalog, pool);
    } finally {
      await pool.close();
    }
  }
}

function backEnds(): SolverBackEnd[] {
  if (process.env.ENGINE_BENCH_SOLVERS !== undefined) return process.env.ENGINE_BENCH_SOLVERS.split(',') as SolverBackEnd[];
  try {
    execFileSync('z3', ['-version'], { stdio: 'ignore' });
    return ['wasm', 'z3-native'];
  } catch {
    return ['wasm'];
  }
}

async function engineFigures(catalog: Catalog, pool: Solver): Promise<void> {
  {
    const rows: (string | number)[][] = [];
    for (const [label, actions, share] of [
      ['{"Action": "*"}, 40% unused', ['*'], 0.4],
      ['["ec2:*", "s3:Get*", "iam:List*"], 50% unused', ['ec2:*', 's3:Get*', 'iam:List*'], 0.5],
    ] as const) {
      rows.push(await synthetic(label, [...actions], share, catalog, pool));
    }
    console.log('synthetic policies, word granularity, 2 workers (seed 20240620):');
    console.log(formatTable(['policy', 'unused', 'obligations', 'check s', 'verdict'], rows));
    if (process.env.ENGINE_BENCH_MANAGED !== '0') await everyManagedPolicy(catalog, pool);
  }
}

async function synthetic(label: string, actions: string[], share: number, catalog: Catalog, pool: Solver): Promise<(string | number)[]> {
  const policy = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }, 'bench.json');
  const random = seededRandom(SEED);
  const allowed = catalog.lowerActions.filter((action) => actions.some((pattern) => new RegExp(`^${pattern.toLowerCase().replace(/\*/g, '.*')}$`).test(action)));
  const unused: UnusedSet = { actions: new Set(allowed.filter(() => random() < share)), unknown: new Set(), warnings: [] };
  const recommendation = recommend(policy, unused, catalog, { granularity: 'word' });
  const recommended = recommendation.policy === undefined ? undefined : parsePolicy(recommendation.policy, 'recommended');
  const started = performance.now();
  const report = await check({ original: policy, unused, catalog, recommended, granularity: 'word' }, { pool });
  return [label, unused.actions.size, report.obligations.length, Number((milliseconds(started) / 1000).toFixed(2)), report.verdict];
}

async function everyManagedPolicy(catalog: Catalog, pool: Solver): Promise<void> {
  const runs = loadManagedPolicies().map((managed) => refineManagedPolicy(managed, catalog, SEED));
  const inputs = runs.flatMap((run) => ('recommendation' in run.outcome ? [{ name: run.name, original: run.policy, unused: run.unused, recommended: recommendedOf(run.outcome.recommendation.policy) }] : []));
  const times: { name: string; ms: number; report: CheckReport }[] = [];
  const started = performance.now();
  // Two policies in flight keep both workers busy across a policy's last, lonely obligations.
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < inputs.length) {
      const input = inputs[next++]!;
      const begun = performance.now();
      const report = await check({ ...input, catalog, granularity: 'word' }, { pool });
      times.push({ name: input.name, ms: milliseconds(begun), report });
    }
  };
  await Promise.all([lane(), lane()]);
  const total = milliseconds(started);
  times.sort((a, b) => a.ms - b.ms);
  const at = (fraction: number): number => times[Math.min(times.length - 1, Math.floor(fraction * times.length))]!.ms;
  const count = (verdict: string): number => times.filter((time) => time.report.verdict === verdict).length;
  const obligations = times.reduce((sum, time) => sum + time.report.obligations.length, 0);
  console.log(`\nevery AWS managed policy (${times.length}), seeded unused sets, two checks in flight on 2 workers:`);
  console.log(formatTable(['policies', 'obligations', 'median ms', 'p95 ms', 'max ms', 'total s', 'proven/refuted/unknown'], [[times.length, obligations, Math.round(at(0.5)), Math.round(at(0.95)), Math.round(times[times.length - 1]!.ms), Number((total / 1000).toFixed(1)), `${count('proven')}/${count('refuted')}/${count('unknown')}`]]));
  console.log(`slowest: ${times.slice(-5).reverse().map((time) => `${time.name} ${(time.ms / 1000).toFixed(2)} s (${time.report.obligations.length} obligations)`).join(', ')}`);
}

function recommendedOf(policy: Parameters<typeof parsePolicy>[0] | undefined): Policy | undefined {
  return policy === undefined ? undefined : parsePolicy(policy, 'recommended');
}

if (import.meta.url === `file://${process.argv[1]}`) await engineBench();
