import { describe, expect, it } from 'vitest';
import { actionService, chunksByService, packByService, PATTERN_CAPACITY, patternService, SEPARATE_SERVICES, witnessName } from '../../../src/prove/obligations/chunks.js';
import { PatternSet } from '../../../src/prove/obligations/pattern-set.js';

/** The chunks of every pattern of a set. */
const chunksOf = (texts: readonly string[]) => chunksByService(new PatternSet('r', texts), texts.map((_, index) => index));

/** Items named `service:n`, `count` per service, for packing. */
const itemsOf = (services: readonly string[], count: number): string[] => services.flatMap((service) => Array.from({ length: count }, (_, index) => `${service}:${index}`));

describe('packByService', () => {
  const serviceOfItem = (item: string): string => item.slice(0, item.indexOf(':'));

  it('gives each service an obligation of its own while there are few services, in order of appearance', () => {
    expect(packByService(['s3:1', 'iam:1', 's3:2'], serviceOfItem, 10)).toEqual([
      { key: 's3', items: ['s3:1', 's3:2'] },
      { key: 'iam', items: ['iam:1'] },
    ]);
  });

  it('splits a service bigger than the capacity into parts keyed s3, s3.2, ...', () => {
    expect(packByService(itemsOf(['s3'], 5), serviceOfItem, 2).map(({ key, items }) => [key, items.length])).toEqual([
      ['s3', 2],
      ['s3.2', 2],
      ['s3.3', 1],
    ]);
  });

  it(`beyond ${SEPARATE_SERVICES} services, packs small services together up to the capacity, keyed first..last`, () => {
    const services = Array.from({ length: SEPARATE_SERVICES + 1 }, (_, index) => `svc${String(index).padStart(2, '0')}`);
    const chunks = packByService(itemsOf(services, 2), serviceOfItem, 7);
    expect(chunks.map(({ key, items }) => [key, items.length])).toEqual([
      ['svc00..svc02', 6],
      ['svc03..svc05', 6],
      ['svc06..svc08', 6],
      ['svc09..svc11', 6],
      ['svc12..svc14', 6],
      ['svc15..svc16', 4],
    ]);
  });

  it('never splits a small service across packed obligations', () => {
    const services = Array.from({ length: SEPARATE_SERVICES + 1 }, (_, index) => `svc${String(index).padStart(2, '0')}`);
    for (const { items } of packByService(itemsOf(services, 3), serviceOfItem, 7)) {
      expect(new Set(items.map(serviceOfItem)).size * 3).toBe(items.length);
    }
  });
});

describe('chunksByService', () => {
  it('groups patterns by the service of their literal prefix, in order of appearance', () => {
    expect(chunksOf(['s3:GetObject*', 'iam:GetUser', 'S3:Put*', 'ec2:*'])).toEqual([
      { key: 's3', items: [0, 2] },
      { key: 'iam', items: [1] },
      { key: 'ec2', items: [3] },
    ]);
  });

  it('takes only the positions it is given', () => {
    expect(chunksByService(new PatternSet('r', ['s3:GetObject*', 'iam:GetUser', 's3:Put*']), [2])).toEqual([{ key: 's3', items: [2] }]);
  });

  it(`cuts a service into chunks of at most ${PATTERN_CAPACITY} patterns`, () => {
    const texts = Array.from({ length: 2 * PATTERN_CAPACITY + 1 }, (_, index) => `s3:Get${index}`);
    expect(chunksOf(texts).map(({ key, items }) => ({ key, size: items.length }))).toEqual([
      { key: 's3', size: PATTERN_CAPACITY },
      { key: 's3.2', size: PATTERN_CAPACITY },
      { key: 's3.3', size: 1 },
    ]);
  });
});

describe('patternService', () => {
  it('is the service part of the literal prefix, _any when it holds a wildcard, _other when it is not file-name safe', () => {
    const set = new PatternSet('r', ['S3:Get*', '*', 's?:GetObject', 'é3:GetObject', 's_3:Get*']);
    expect(set.texts.map((_, position) => patternService(set, position))).toEqual(['s3', '_any', '_any', '_other', '_other']);
  });
});

describe('actionService', () => {
  it('is the service prefix of a lower-cased action, without its colon', () => {
    expect([actionService('s3:getobject'), actionService('ec2:describeinstances')]).toEqual(['s3', 'ec2']);
  });
});

describe('witnessName', () => {
  it('names the witness constant of a pattern after the pattern', () => {
    expect([witnessName(new PatternSet('r', ['a:b', 'c:d']), 1), witnessName(new PatternSet('o', ['a:b']), 0)]).toEqual(['w_r1', 'w_o0']);
  });
});
