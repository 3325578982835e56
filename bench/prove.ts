import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPinnedCatalog } from '../src/catalog/load.js';
import type { Catalog } from '../src/catalog/catalog.js';
import { loadManagedPolicies, refineManagedPolicy } from '../src/fuzz/managed-policies.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { Policy } from '../src/policy/types.js';
import { check, type CheckReport } from '../src/prove/check.js';
import { SolverPool } from '../src/prove/solver/pool.js';
import { recommend } from '../src/recommend/recommend.js';
import type { UnusedSet } from '../src/findings/unused-set.js';
import { seededRandom } from '../src/fuzz/_internals/random.js';
import { formatTable, milliseconds } from './table.js';

const SEED = 20_240_620;
const SAMPLE = 120;

/**
 * The checker's figures: certifying the article's example end to end (a fresh process, Z3
 * start-up included), `{"Action": "*"}` with half the catalog unused, and a seeded sample of AWS
 * managed policies with 1 and 2 solver workers.
 */
export async function proveBench(): Promise<void> {
  articleCertify();
  const catalog = loadPinnedCatalog();
  await starHalfUnused(catalog);
  await managedSample(catalog);
}

function articleCertify(): void {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const out = mkdtempSync(join(tmpdir(), 'iam-refine-bench-'));
    const started = performance.now();
    execFileSync(process.execPath, ['dist/cli/bin.js', 'certify', '--policy', 'corpus/article/policy.json', '--unused', 'corpus/article/unused.json', '--catalog', 'corpus/article/catalog-2024.json', '--out', join(out, 'cert')], { stdio: 'ignore' });
    times.push(milliseconds(started));
    rmSync(out, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  console.log(`certify the article's example, end to end (node dist/cli/bin.js certify ..., 3 runs): median ${(times[1]! / 1000).toFixed(2)} s, min ${(times[0]! / 1000).toFixed(2)} s, max ${(times[2]! / 1000).toFixed(2)} s\n`);
}

async function starHalfUnused(catalog: Catalog): Promise<void> {
  const policy = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'star.json');
  const random = seededRandom(SEED);
  const unused: UnusedSet = { actions: new Set(catalog.lowerActions.filter(() => random() < 0.5)), unknown: new Set(), warnings: [] };
  const rows: (string | number)[][] = [];
  // The default granularity only: the check takes minutes at this size.
  for (const granularity of ['word'] as const) {
    let started = performance.now();
    const recommendation = recommend(policy, unused, catalog, { granularity });
    const recommendMs = milliseconds(started);
    started = performance.now();
    const report = await check({ original: policy, unused, catalog, recommended: parsePolicy(recommendation.policy!, 'r'), granularity }, { workers: 2 });
    rows.push([granularity, recommendation.statements[0]!.result.length, Math.round(recommendMs), report.obligations.length, Math.round(milliseconds(started)), report.verdict]);
  }
  console.log(`{"Action": "*"} with ${unused.actions.size.toLocaleString('en-US')} of ${catalog.size.toLocaleString('en-US')} actions unused (seed ${SEED}), 2 workers:`);
  console.log(formatTable(['granularity', 'patterns', 'recommend ms', 'obligations', 'check ms', 'verdict'], rows));
  console.log('');
}

async function managedSample(catalog: Catalog): Promise<void> {
  const all = loadManagedPolicies();
  const random = seededRandom(SEED);
  const sample = all
    .map((policy) => ({ policy, key: random() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, SAMPLE)
    .map(({ policy }) => refineManagedPolicy(policy, catalog, SEED));
  const inputs = sample.flatMap((run) => ('recommendation' in run.outcome ? [{ name: run.name, original: run.policy, unused: run.unused, recommended: recommendedOf(run.outcome.recommendation.policy) }] : []));
  const rows: (string | number)[][] = [];
  let slowest = '';
  for (const workers of [1, 2]) {
    const pool = await SolverPool.start({ workers });
    const times: { name: string; ms: number; report: CheckReport }[] = [];
    const started = performance.now();
    for (const input of inputs) {
      const begun = performance.now();
      const report = await check({ ...input, catalog, granularity: 'word' }, { pool });
      times.push({ name: input.name, ms: milliseconds(begun), report });
    }
    const total = milliseconds(started);
    await pool.close();
    times.sort((a, b) => a.ms - b.ms);
    const at = (fraction: number): number => times[Math.min(times.length - 1, Math.floor(fraction * times.length))]!.ms;
    const verdicts = (verdict: string): number => times.filter((time) => time.report.verdict === verdict).length;
    const obligations = times.reduce((sum, time) => sum + time.report.obligations.length, 0);
    rows.push([workers, times.length, obligations, Math.round(at(0.5)), Math.round(at(0.95)), Math.round(times[times.length - 1]!.ms), Number((total / 1000).toFixed(1)), `${verdicts('proven')}/${verdicts('refuted')}/${verdicts('unknown')}`]);
    slowest = `${times[times.length - 1]!.name} (${times[times.length - 1]!.report.obligations.length} obligations)`;
  }
  console.log(`a seeded sample of ${SAMPLE} AWS managed policies (of ${all.length}), each with a seeded unused set, checked one after another:`);
  console.log(formatTable(['workers', 'policies', 'obligations', 'median ms', 'p95 ms', 'max ms', 'total s', 'proven/refuted/unknown'], rows));
  console.log(`slowest: ${slowest}`);
}

function recommendedOf(policy: Parameters<typeof parsePolicy>[0] | undefined): Policy | undefined {
  return policy === undefined ? undefined : parsePolicy(policy, 'recommended');
}
