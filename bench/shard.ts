/**
 * How evenly `--shard` splits the proof suites, and what one shard does per second:
 *
 *   npx tsx bench/shard.ts [REPORT.json]
 *
 * - the balance by expected cost (the obligations in proofs/record.json) for 2, 4 and 8 shards:
 *   the heaviest shard against the mean, beside a split by case count alone;
 * - with REPORT.json (a `prove proofs --json` report, or shards merged by `iam-refine merge`): the
 *   same splits weighed by each case's measured time instead (its own time, and its solver time);
 * - the throughput of one shard (1/8 of proofs/, `--jobs 2`): cases and obligations per second.
 *
 * The figures are printed, never asserted.
 */
import { readFileSync } from 'node:fs';
import { recommend } from '../src/recommend/recommend.js';
import { SolverPool } from '../src/prove/solver/pool.js';
import { shardBalance, shardPositions, type ShardItem } from '../src/shard/split.js';
import { findCaseFiles } from '../src/suite/discover.js';
import { loadCases } from '../src/suite/load.js';
import { proveCases } from '../src/suite/run.js';
import { proofCaseItems } from '../src/suite/shard.js';
import type { Json } from '../src/input/json.js';
import { formatTable, milliseconds } from './table.js';

const RECORD = 'proofs/record.json';
const SHARD_COUNTS = [2, 4, 8] as const;

/** The heaviest shard against the mean, when the items are split by `by` and weighed by `weight`. */
function ratio(items: readonly ShardItem[], weight: (position: number) => number, count: number): number {
  const weighed = items.map((item, position) => ({ ...item, cost: weight(position) }));
  const loads = new Array<number>(count).fill(0);
  for (let shard = 1; shard <= count; shard++) for (const position of shardPositions(items, { index: shard, count })) loads[shard - 1]! += weighed[position]!.cost;
  const mean = loads.reduce((sum, load) => sum + load, 0) / count;
  return Math.max(...loads) / mean;
}

export async function shardBench(reportFile?: string): Promise<void> {
  const cases = loadCases(findCaseFiles(['proofs']));
  const specs = cases.map(({ spec }) => spec);
  const record = JSON.parse(readFileSync(RECORD, 'utf8')) as Json;
  const byCost = proofCaseItems(specs, record, RECORD);
  const byCount = specs.map((spec) => ({ id: spec.id, cost: 1 }));
  const obligations = byCost.reduce((sum, item) => sum + item.cost, 0);
  console.log(`${cases.length} cases costing ${obligations.toLocaleString('en-US')} (their obligations in ${RECORD}, at least 1 each); heaviest shard / mean (1.00 is perfect):`);
  const rows: (string | number)[][] = SHARD_COUNTS.map((count) => [
    count,
    shardBalance(byCost, count).ratio.toFixed(3),
    ratio(byCount, (position) => byCost[position]!.cost, count).toFixed(3),
    shardBalance(byCost, count).max,
    shardBalance(byCost, count).mean.toFixed(1),
  ]);
  console.log(formatTable(['shards', 'cost split, by obligations', 'count split, by obligations', 'heaviest (obligations)', 'mean'], rows));

  if (reportFile !== undefined) {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { cases: { id: string; timeMs: number; recommendation?: { solverMs: number } }[] };
    const times = new Map(report.cases.map((item) => [item.id, item]));
    const timeOf = (position: number): number => times.get(specs[position]!.id)?.timeMs ?? 0;
    const solverOf = (position: number): number => times.get(specs[position]!.id)?.recommendation?.solverMs ?? 0;
    console.log(`\nthe same splits weighed by the times measured in ${reportFile} (each case's own time; its solver time):`);
    console.log(
      formatTable(
        ['shards', 'cost split, case time', 'count split, case time', 'cost split, solver time', 'count split, solver time'],
        SHARD_COUNTS.map((count) => [count, ratio(byCost, timeOf, count).toFixed(3), ratio(byCount, timeOf, count).toFixed(3), ratio(byCost, solverOf, count).toFixed(3), ratio(byCount, solverOf, count).toFixed(3)]),
      ),
    );
  }

  const share = shardPositions(byCost, { index: 1, count: 8 }).map((position) => cases[position]!);
  const started = performance.now();
  const pool = await SolverPool.start({ workers: 2 });
  let results;
  try {
    results = await proveCases(share, { recommender: recommend, pool, update: false });
  } finally {
    await pool.close();
  }
  const seconds = milliseconds(started) / 1000;
  const done = results.reduce((sum, result) => sum + (result.judged?.obligations ?? 0) + (result.previous?.obligations ?? 0), 0);
  console.log(
    `\nshard 1/8 with --jobs 2 (solver start included): ${share.length} cases, ${done.toLocaleString('en-US')} obligations in ${seconds.toFixed(1)} s: ` +
      `${(share.length / seconds).toFixed(2)} cases/s, ${(done / seconds).toFixed(1)} obligations/s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await shardBench(process.argv[2]);
