import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, chunksByService, witnessName } from '../../../src/prove/obligations/chunks.js';
import { PatternSet } from '../../../src/prove/obligations/pattern-set.js';

/** The chunks of every pattern of a set. */
const chunksOf = (texts: readonly string[]) => chunksByService(new PatternSet('r', texts), texts.map((_, index) => index));

describe('chunksByService', () => {
  it('groups patterns by the service of their literal prefix, services in order of appearance', () => {
    expect(chunksOf(['s3:GetObject*', 'iam:GetUser', 'S3:Put*', 'ec2:*'])).toEqual([
      { key: 's3', positions: [0, 2] },
      { key: 'iam', positions: [1] },
      { key: 'ec2', positions: [3] },
    ]);
  });

  it('takes only the positions it is given', () => {
    expect(chunksByService(new PatternSet('r', ['s3:GetObject*', 'iam:GetUser', 's3:Put*']), [2])).toEqual([{ key: 's3', positions: [2] }]);
  });

  it(`cuts a service into chunks of at most ${CHUNK_SIZE}, keyed s3, s3-2, ...`, () => {
    const texts = Array.from({ length: 2 * CHUNK_SIZE + 1 }, (_, index) => `s3:Get${index}`);
    expect(chunksOf(texts).map(({ key, positions }) => ({ key, size: positions.length }))).toEqual([
      { key: 's3', size: CHUNK_SIZE },
      { key: 's3-2', size: CHUNK_SIZE },
      { key: 's3-3', size: 1 },
    ]);
  });

  it('keys a service with characters outside a-z, 0-9 and - as _other', () => {
    expect(chunksOf(['é3:GetObject', 's_3:Get*'])).toEqual([{ key: '_other', positions: [0, 1] }]);
  });

  // Regression (was a bug): chunks.ts documents `_any` as the key of patterns whose service part is a wildcard, but `_any` fails its own key test /^[a-z0-9-]+$/ (the underscore), so `*` and `s?:Get*` are keyed `_other`, together with malformed services.
  it('keys patterns whose service part is a wildcard as _any', () => {
    expect(chunksOf(['*', 's?:GetObject', 'é3:GetObject'])).toEqual([
      { key: '_any', positions: [0, 1] },
      { key: '_other', positions: [2] },
    ]);
  });
});

describe('witnessName', () => {
  it('names the witness constant of a pattern after the pattern', () => {
    expect([witnessName(new PatternSet('r', ['a:b', 'c:d']), 1), witnessName(new PatternSet('o', ['a:b']), 0)]).toEqual(['w_r1', 'w_o0']);
  });
});
