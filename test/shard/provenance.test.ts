import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/input-error.js';
import { identityOf, joinShards, readProvenance, runJson, shardJson, type ShardReport } from '../../src/shard/provenance.js';

const IDENTITY = identityOf('prove', '1.0.0', { 'suite proofs/a': 'a'.repeat(64), recommender: 'iam-refine' }, ['c0', 'c1', 'c2', 'c3', 'c4']);

const shard = (file: string, index: number, count: number, positions: number[], identity = IDENTITY): ShardReport => ({ file, identity, shard: { index, count, positions }, held: positions.length });

const refusal = (reports: readonly ShardReport[]): string => {
  try {
    joinShards(reports);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('the reports were merged');
};

describe('joining shards', () => {
  it("puts every item back at its place, whatever the reports' order", () => {
    const sources = joinShards([shard('s2.json', 2, 2, [1, 4]), shard('s1.json', 1, 2, [0, 2, 3])]);
    expect(sources).toEqual([
      { report: 1, item: 0 },
      { report: 0, item: 0 },
      { report: 1, item: 1 },
      { report: 1, item: 2 },
      { report: 0, item: 1 },
    ]);
  });

  it('refuses a missing shard, a shard given twice, and overlapping or uncovered items, naming the files', () => {
    expect(refusal([shard('s1.json', 1, 3, [0, 1]), shard('s3.json', 3, 3, [4])])).toBe('merge: missing shard 2/3 (given: s1.json, s3.json)');
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), shard('s1-again.json', 1, 2, [0, 1]), shard('s2.json', 2, 2, [2, 3, 4])])).toBe('s1-again.json: shard: shard 1/2 is given twice: s1.json and s1-again.json');
    expect(refusal([shard('s1.json', 1, 2, [0, 1, 2]), shard('s2.json', 2, 2, [2, 3, 4])])).toBe('s2.json: shard.positions: item 2 is also in s1.json: the shards overlap (were they split with different records?)');
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), shard('s2.json', 2, 2, [3, 4])])).toBe('merge: item 2 of 5 is in no shard (were the shards split with different records?)');
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), shard('s2.json', 2, 3, [2, 3, 4])])).toBe('s2.json: shard: is shard 2/3 but s1.json is one of 2 shards');
  });

  it('refuses the shards of different runs, naming what differs', () => {
    const other = identityOf('prove', '1.1.0', { 'suite proofs/a': 'b'.repeat(64), recommender: 'iam-refine' }, ['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), shard('s2.json', 2, 2, [2, 3, 4], other)])).toBe(
      `s2.json: run: not a shard of the same run as s1.json: iam-refine version 1.0.0 vs 1.1.0; suite proofs/a: ${'a'.repeat(12)} vs ${'b'.repeat(12)}`,
    );
    const fewer = identityOf('prove', '1.0.0', { 'suite proofs/a': 'a'.repeat(64), recommender: 'iam-refine' }, ['c0', 'c1', 'c2', 'c3']);
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), shard('s2.json', 2, 2, [2, 3], fewer)])).toBe('s2.json: run: not a shard of the same run as s1.json: 5 items vs 4');
    const fuzz = identityOf('fuzz', '1.0.0', IDENTITY.inputs, ['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), shard('s2.json', 2, 2, [2, 3, 4], fuzz)])).toBe('s2.json: run: not a shard of the same run as s1.json: command prove vs fuzz');
  });

  it('refuses an unsharded report among shards, and a report that holds other than its share', () => {
    expect(refusal([shard('s1.json', 1, 2, [0, 1]), { file: 'all.json', identity: IDENTITY, shard: undefined, held: 5 }])).toBe('all.json: is an unsharded report: it cannot be merged with others');
    expect(refusal([{ ...shard('s1.json', 1, 1, [0, 1, 2, 3, 4]), held: 4 }])).toBe('s1.json: holds 4 items but its shard lists 5');
  });

  it('reads back what it writes, a contiguous share as a range', () => {
    const written = { run: runJson(IDENTITY), shard: shardJson({ index: 2, count: 3, positions: [2, 3, 4] }) };
    expect(written.shard).toEqual({ index: 2, count: 3, range: [2, 5] });
    expect(readProvenance(JSON.parse(JSON.stringify(written)), 'r.json')).toEqual({ identity: IDENTITY, shard: { index: 2, count: 3, positions: [2, 3, 4] } });
    const scattered = { run: runJson(IDENTITY), shard: shardJson({ index: 1, count: 3, positions: [0, 3] }) };
    expect(readProvenance(JSON.parse(JSON.stringify(scattered)), 'r.json').shard).toEqual({ index: 1, count: 3, positions: [0, 3] });
  });

  it('refuses a report without its run, or with positions out of order', () => {
    expect(() => readProvenance({ cases: [] }, 'old.json')).toThrow("old.json: run: expected the run's identity (an object), got nothing; was it written by an older iam-refine?");
    expect(() => readProvenance({ run: runJson(IDENTITY), shard: { index: 1, count: 2, positions: [3, 1] } }, 'r.json')).toThrow('r.json: shard.positions[1]: expected ascending positions below 5');
    expect(() => readProvenance({ run: runJson(IDENTITY), shard: { index: 3, count: 2, positions: [] } }, 'r.json')).toThrow('r.json: shard: shard 3/2 is out of range');
  });
});
