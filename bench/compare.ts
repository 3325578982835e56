import { loadPinnedCatalog } from '../src/catalog/load.js';
import { comparePolicies, type CompareReport } from '../src/compare/compare.js';
import type { CompareMode, CompareScope } from '../src/compare/plan.js';
import { loadManagedPolicies, refineManagedPolicy, type ManagedPolicy } from '../src/fuzz/managed-policies.js';
import { rewritePolicy } from '../src/fuzz/rewrite-policy.js';
import type { JsonObject } from '../src/input/json.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { Solver } from '../src/prove/solver/solver.js';
import { startSolver } from '../src/prove/solver/start.js';
import { formatTable, milliseconds } from './table.js';

const SEED = 20_240_620;

/**
 * The comparison's figures (issue 14) on the pinned catalog with 2 solver workers: pairs of
 * managed policies, then every AWS managed policy against itself rewritten (statements split,
 * shuffled, re-cased; both modes, all strings) and against iam-refine's recommendation for it
 * (no-new-access). `COMPARE_BENCH_MANAGED=0` skips the managed runs; `COMPARE_BENCH_LIMIT=n`
 * takes the first n policies.
 */
export async function compareBench(): Promise<void> {
  const catalog = loadPinnedCatalog();
  const managed = loadManagedPolicies();
  const byName = new Map(managed.map((policy) => [policy.name, policy]));
  const pool = await startSolver({ workers: 2 });
  try {
    const rows: (string | number)[][] = [];
    for (const [oldName, newName, mode, scope] of [
      ['AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'no-new-access', 'all-strings'],
      ['AmazonS3ReadOnlyAccess', 'AmazonS3FullAccess', 'no-new-access', 'all-strings'],
      ['AmazonEC2FullAccess', 'AmazonEC2ReadOnlyAccess', 'equivalent', 'all-strings'],
      ['AmazonDynamoDBFullAccess', 'AmazonDynamoDBReadOnlyAccess', 'equivalent', 'catalog'],
      ['ReadOnlyAccess', 'AdministratorAccess', 'no-new-access', 'all-strings'],
      ['ReadOnlyAccess', 'AdministratorAccess', 'no-new-access', 'catalog'],
    ] as const) {
      const started = performance.now();
      const report = await comparePolicies(
        { old: parse(byName.get(oldName)!), new: parse(byName.get(newName)!), oldSource: oldName, newSource: newName, mode, scope, catalog },
        { pool },
      );
      rows.push([`${oldName} -> ${newName}`, `${mode}, ${scope}`, report.obligations.length, seconds(started), summary(report)]);
    }
    console.log('pairs of managed policies, 2 workers:');
    console.log(formatTable(['old -> new', 'mode, scope', 'obligations', 's', 'verdict'], rows));
    if (process.env.COMPARE_BENCH_MANAGED !== '0') {
      const limit = Number(process.env.COMPARE_BENCH_LIMIT ?? managed.length);
      console.log(`\n${Math.min(limit, managed.length)} managed policies:`);
      await everyManaged(managed.slice(0, limit), pool, catalog);
    }
  } finally {
    await pool.close();
  }
}

function parse(managed: ManagedPolicy): ReturnType<typeof parsePolicy> {
  return parsePolicy(managed.document, managed.name);
}

function seconds(started: number): number {
  return Number((milliseconds(started) / 1000).toFixed(2));
}

function summary(report: CompareReport): string {
  const gained = report.directions.map((direction) => `${direction.direction} ${direction.verdict}${direction.catalogActions === undefined ? '' : ` (${direction.catalogActions.actions.length} actions)`}`);
  const example = report.directions.flatMap((direction) => direction.counterexamples)[0];
  return `${report.verdict.toUpperCase()}: ${gained.join(', ')}${example === undefined ? '' : `; e.g. ${example.action} on ${JSON.stringify(example.resource)}`}`;
}

async function everyManaged(managed: readonly ManagedPolicy[], pool: Solver, catalog: ReturnType<typeof loadPinnedCatalog>): Promise<void> {
  const runs: { label: string; mode: CompareMode; scope: CompareScope; pairs: () => { name: string; old: JsonObject; new: JsonObject }[] }[] = [
    { label: 'rewritten, no-new-access', mode: 'no-new-access', scope: 'all-strings', pairs: () => managed.map((policy) => ({ name: policy.name, old: policy.document as JsonObject, new: rewritePolicy(policy.document as JsonObject, SEED) })) },
    { label: 'rewritten, equivalent', mode: 'equivalent', scope: 'all-strings', pairs: () => managed.map((policy) => ({ name: policy.name, old: policy.document as JsonObject, new: rewritePolicy(policy.document as JsonObject, SEED) })) },
    {
      label: 'recommendation, no-new-access',
      mode: 'no-new-access',
      scope: 'all-strings',
      pairs: () =>
        managed.flatMap((policy) => {
          const run = refineManagedPolicy(policy, catalog, SEED);
          const recommended = 'recommendation' in run.outcome ? run.outcome.recommendation.policy : undefined;
          return recommended === undefined ? [] : [{ name: policy.name, old: policy.document as JsonObject, new: recommended }];
        }),
    },
  ];
  const rows: (string | number)[][] = [];
  for (const run of runs) {
    const pairs = run.pairs();
    const times: { name: string; ms: number; verdict: string }[] = [];
    const started = performance.now();
    let next = 0;
    // Two comparisons in flight keep both workers busy across a comparison's last obligations.
    const lane = async (): Promise<void> => {
      while (next < pairs.length) {
        const pair = pairs[next++]!;
        const began = performance.now();
        const report = await comparePolicies({ old: parsePolicy(pair.old, pair.name), new: parsePolicy(pair.new, `${pair.name} (new)`), oldSource: pair.name, newSource: `${pair.name} (new)`, mode: run.mode, scope: run.scope }, { pool });
        times.push({ name: pair.name, ms: milliseconds(began), verdict: report.verdict });
      }
    };
    await Promise.all([lane(), lane()]);
    const total = seconds(started);
    const sorted = [...times].sort((a, b) => a.ms - b.ms);
    const verdicts = new Map<string, number>();
    for (const time of times) verdicts.set(time.verdict, (verdicts.get(time.verdict) ?? 0) + 1);
    const slowest = sorted[sorted.length - 1]!;
    const notPass = times.filter((time) => time.verdict !== 'pass').map((time) => `${time.name}: ${time.verdict}`);
    rows.push([
      run.label,
      pairs.length,
      total,
      Math.round(sorted[Math.floor(sorted.length / 2)]!.ms),
      Math.round(sorted[Math.floor(sorted.length * 0.95)]!.ms),
      `${(slowest.ms / 1000).toFixed(1)} s (${slowest.name})`,
      [...verdicts].map(([verdict, count]) => `${count} ${verdict}`).join(', '),
    ]);
    if (notPass.length > 0) console.log(`${run.label}: not PASS: ${notPass.slice(0, 20).join('; ')}`);
    // Each run's row as soon as it is done: the runs are long.
    console.log(`${run.label}: ${rows[rows.length - 1]!.slice(1).join(' | ')}`);
  }
  console.log('every AWS managed policy, two comparisons in flight on 2 workers, all strings:');
  console.log(formatTable(['run', 'policies', 'total s', 'median ms', 'p95 ms', 'max', 'verdicts'], rows));
}
