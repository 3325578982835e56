import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignShards, runRange, shardBalance, shardPositions, type ShardItem } from '../../src/shard/split.js';
import { fuzzParameters } from '../fuzz/_support/fuzz-parameters.js';

const itemsArbitrary = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 6 }), cost: fc.integer({ min: 1, max: 200 }) }), { selector: (item) => item.id, maxLength: 60 });

describe('the split rule', () => {
  it('puts every item in exactly one shard, whatever the count', () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer({ min: 1, max: 12 }), (items, count) => {
        const shards = assignShards(items, count);
        expect(shards.every((shard) => Number.isInteger(shard) && shard >= 1 && shard <= count)).toBe(true);
        const positions = Array.from({ length: count }, (_, at) => shardPositions(items, { index: at + 1, count })).flat().sort((a, b) => a - b);
        expect(positions).toEqual(items.map((_, position) => position));
      }),
      fuzzParameters(200),
    );
  });

  it('depends on the ids and costs only, not on the order the items come in', () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer({ min: 1, max: 8 }), fc.nat(), (items, count, seed) => {
        const shuffled = [...items].map((item, at) => ({ item, key: (at * 7919 + seed) % 104729 })).sort((a, b) => a.key - b.key).map(({ item }) => item);
        const shardOf = (list: readonly ShardItem[]): Map<string, number> => new Map(assignShards(list, count).map((shard, at) => [list[at]!.id, shard]));
        expect(shardOf(shuffled)).toEqual(shardOf(items));
      }),
      fuzzParameters(200),
    );
  });

  it('is balanced as LPT promises: no shard above the mean by more than one item', () => {
    fc.assert(
      fc.property(itemsArbitrary, fc.integer({ min: 1, max: 12 }), (items, count) => {
        const { max, mean } = shardBalance(items, count);
        const heaviest = Math.max(0, ...items.map((item) => item.cost));
        expect(max).toBeLessThanOrEqual(mean + heaviest);
      }),
      fuzzParameters(200),
    );
  });

  it('places the heaviest first and breaks ties by id, then by shard number', () => {
    const items = [
      { id: 'b', cost: 5 },
      { id: 'a', cost: 5 },
      { id: 'c', cost: 9 },
      { id: 'd', cost: 1 },
    ];
    // c (9) → 1; a (5) → 2; b (5) → 2 (5 < 9); d (1) → 1 (9 < 10).
    expect(assignShards(items, 2)).toEqual([2, 2, 1, 1]);
    expect(assignShards([{ id: 'x', cost: 1 }], 3)).toEqual([1]);
  });

  it('gives a campaign contiguous blocks of runs that follow each other and differ by at most one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 64 }), (runs, count) => {
        const blocks = Array.from({ length: count }, (_, at) => runRange(runs, { index: at + 1, count }));
        let next = 0;
        for (const block of blocks) {
          expect(block.first).toBe(next);
          next += block.count;
        }
        expect(next).toBe(runs);
        const sizes = blocks.map((block) => block.count);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
      fuzzParameters(200),
    );
  });
});
