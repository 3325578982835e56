import type { Shard } from './shard.js';

/** One unit of work to place in a shard: a proof case, a principal; its id orders ties. */
export interface ShardItem {
  readonly id: string;
  /** The expected cost, a positive number (obligations from a record, or 1). */
  readonly cost: number;
}

/**
 * The split rule, one for every sharded command: items sorted by cost (largest first), then by id
 * (code-unit order, the same on every machine), each placed in the shard with the least cost so
 * far, the lowest-numbered shard on a tie (longest processing time first, LPT). It depends only on
 * the ids, the costs and the count: never on the machine, the order of the files or `--jobs`.
 * Every item lands in exactly one shard; the heaviest shard is at most 4/3 of the optimum.
 * Returns each item's shard (1-based), in the items' order.
 */
export function assignShards(items: readonly ShardItem[], count: number): number[] {
  const order = items.map((_, position) => position).sort((a, b) => items[b]!.cost - items[a]!.cost || compareIds(items[a]!.id, items[b]!.id) || a - b);
  const loads = new Array<number>(count).fill(0);
  const shards = new Array<number>(items.length);
  for (const position of order) {
    let lightest = 0;
    for (let shard = 1; shard < count; shard++) if (loads[shard]! < loads[lightest]!) lightest = shard;
    loads[lightest]! += items[position]!.cost;
    shards[position] = lightest + 1;
  }
  return shards;
}

/** The positions (in the items' order) of the items this shard runs. */
export function shardPositions(items: readonly ShardItem[], shard: Shard): number[] {
  const shards = assignShards(items, shard.count);
  return shards.flatMap((assigned, position) => (assigned === shard.index ? [position] : []));
}

/**
 * For runs that cost alike (a fuzz campaign's): a contiguous block of run indices, sizes differing
 * by at most one, so that shard i's runs follow shard i-1's and together they are the campaign's.
 */
export function runRange(runs: number, shard: Shard): { readonly first: number; readonly count: number } {
  const first = Math.floor(((shard.index - 1) * runs) / shard.count);
  return { first, count: Math.floor((shard.index * runs) / shard.count) - first };
}

/** How even a split is: each shard's cost, and the heaviest against the mean (1 is perfect). */
export interface ShardBalance {
  readonly loads: readonly number[];
  readonly max: number;
  readonly mean: number;
  readonly ratio: number;
}

export function shardBalance(items: readonly ShardItem[], count: number): ShardBalance {
  const loads = new Array<number>(count).fill(0);
  assignShards(items, count).forEach((shard, position) => (loads[shard - 1]! += items[position]!.cost));
  return balanceOf(loads);
}

export function balanceOf(loads: readonly number[]): ShardBalance {
  const max = Math.max(...loads);
  const mean = loads.reduce((sum, load) => sum + load, 0) / loads.length;
  return { loads, max, mean, ratio: mean === 0 ? 1 : max / mean };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
