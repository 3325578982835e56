import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog/catalog.js';
import { loadPinnedCatalog } from '../../../src/catalog/load.js';
import { actionService, SEPARATE_SERVICES } from '../../../src/prove/obligations/chunks.js';
import { catalogParts, PART_CAPACITY, partsReached, type CatalogPart } from '../../../src/prove/obligations/parts.js';
import { catalogOf } from '../../support.js';
import { CATALOG, fillerActions, PARTED_CATALOG, SERVICES } from '../_support.js';

const PINNED = loadPinnedCatalog();

/** The services of a part's actions, in catalog order, each once. */
const servicesOf = (catalog: Catalog, part: CatalogPart): string[] => [...new Set(catalog.lowerActions.slice(part.from, part.to).map(actionService))];

/** What must hold of any catalog's parts: in order, contiguous, together the catalog, none empty or over capacity. */
function partition(catalog: Catalog): { starts: boolean; contiguous: boolean; ends: boolean; sizes: boolean; total: number } {
  const parts = catalogParts(catalog);
  return {
    starts: parts[0]?.from === 0,
    contiguous: parts.every((part, index) => index === 0 || part.from === parts[index - 1]!.to),
    ends: parts[parts.length - 1]?.to === catalog.size,
    sizes: parts.every((part) => part.to > part.from && part.to - part.from <= PART_CAPACITY),
    total: parts.reduce((sum, part) => sum + part.to - part.from, 0),
  };
}

describe('catalogParts', () => {
  it('packs small services into one part, keyed first..last, however few the services are', () => {
    expect(SEPARATE_SERVICES).toBeGreaterThan(Object.keys(SERVICES).length);
    expect(catalogParts(CATALOG)).toEqual([{ key: 'ec2..s3', from: 0, to: 10 }]);
  });

  it('closes a part before the service that would take it over capacity, and slices a service bigger than a part', () => {
    expect(catalogParts(PARTED_CATALOG)).toEqual([
      { key: 'ec2', from: 0, to: 1 },
      { key: 'fis', from: 1, to: 501 },
      { key: 'iam', from: 501, to: 503 },
      { key: 'kms', from: 503, to: 1003 },
      { key: 'kms.2', from: 1003, to: 1103 },
      { key: 's3', from: 1103, to: 1110 },
    ]);
  });

  it('slices a big service into parts of the capacity, keyed svc, svc.2, svc.3, the last one the rest', () => {
    const catalog = catalogOf({ big: fillerActions(2 * PART_CAPACITY + 1) });
    expect(catalogParts(catalog).map((part) => ({ key: part.key, actions: part.to - part.from }))).toEqual([
      { key: 'big', actions: PART_CAPACITY },
      { key: 'big.2', actions: PART_CAPACITY },
      { key: 'big.3', actions: 1 },
    ]);
  });

  it('fills a part up to exactly the capacity', () => {
    const catalog = catalogOf({ a: fillerActions(PART_CAPACITY - 1), b: ['Do'], c: ['Do'] });
    expect(catalogParts(catalog)).toEqual([
      { key: 'a..b', from: 0, to: PART_CAPACITY },
      { key: 'c', from: PART_CAPACITY, to: PART_CAPACITY + 1 },
    ]);
  });

  it.each([
    ['the small catalog', CATALOG],
    ['the catalog of several parts', PARTED_CATALOG],
    ['the pinned catalog', PINNED],
  ])('covers %s exactly: contiguous parts in catalog order, from its first action to its last, none over capacity', (_, catalog) => {
    expect(partition(catalog)).toEqual({ starts: true, contiguous: true, ends: true, sizes: true, total: catalog.size });
  });

  it('keys each part of the pinned catalog by its services, and splits a service only when it is bigger than a part', () => {
    const problems = catalogParts(PINNED).flatMap((part) => {
      const services = servicesOf(PINNED, part);
      const slice = /^(.*)\.(\d+)$/.exec(part.key);
      if (services.length === 1) {
        const whole = PINNED.rangeWithPrefix(`${services[0]}:`);
        const expectedKey = whole[0] === part.from ? services[0] : `${services[0]}.${(part.from - whole[0]) / PART_CAPACITY + 1}`;
        return part.key === expectedKey && (whole[1] - whole[0] > PART_CAPACITY || (whole[0] === part.from && whole[1] === part.to)) ? [] : [part.key];
      }
      // Several services: whole ones only, keyed by the first and the last.
      const whole = services.every((service) => {
        const [from, to] = PINNED.rangeWithPrefix(`${service}:`);
        return from >= part.from && to <= part.to;
      });
      return slice === null && whole && part.key === `${services[0]}..${services[services.length - 1]}` ? [] : [part.key];
    });
    expect(problems).toEqual([]);
  });

  it('slices the pinned catalog’s biggest service', () => {
    const ec2 = catalogParts(PINNED).filter((part) => part.key === 'ec2' || part.key.startsWith('ec2.'));
    expect({ sliced: ec2.length > 1, keys: ec2.map((part) => part.key) }).toEqual({ sliced: true, keys: ec2.map((_, index) => (index === 0 ? 'ec2' : `ec2.${index + 1}`)) });
  });

  it('is a pure function of the catalog: another catalog of the same services has the same parts', () => {
    expect(catalogParts(catalogOf({ ...SERVICES, fis: fillerActions(500), kms: fillerActions(600) }, 'another'))).toEqual(catalogParts(PARTED_CATALOG));
    expect(catalogParts(PARTED_CATALOG)).toBe(catalogParts(PARTED_CATALOG));
  });

  it('does not depend on the order the services are given in', () => {
    const reversed = catalogOf(Object.fromEntries(Object.entries({ ...SERVICES, fis: fillerActions(500), kms: fillerActions(600) }).reverse()));
    expect(catalogParts(reversed)).toEqual(catalogParts(PARTED_CATALOG));
  });
});

describe('partsReached', () => {
  const reached = (...prefixes: string[]): string[] => partsReached(PARTED_CATALOG, prefixes).map((part) => part.key);

  it('is true of the parts holding an action with the prefix, and no other', () => {
    // kms:Do000 to kms:Do499 make the part kms, kms:Do500 to kms:Do599 the part kms.2.
    expect([reached('s3:get'), reached('iam:'), reached('kms:do4'), reached('kms:do5'), reached('kms:do'), reached('')]).toEqual([
      ['s3'],
      ['iam'],
      ['kms'],
      ['kms.2'],
      ['kms', 'kms.2'],
      ['ec2', 'fis', 'iam', 'kms', 'kms.2', 's3'],
    ]);
  });

  it('is false everywhere for a prefix no action has, even one that sorts inside a part', () => {
    expect([reached('s3:getz'), reached('iam:x'), reached('zzz')]).toEqual([[], [], []]);
  });

  it('is the union over several prefixes, each part once, in catalog order', () => {
    expect(reached('s3:get', 'kms:do5', 'iam:', 'zzz', 's3:')).toEqual(['iam', 'kms.2', 's3']);
  });

  it('reaches the shared part of the small catalog through any of its services', () => {
    const [shared] = catalogParts(CATALOG);
    expect(['ec2:', 'iam:getuser', 's3:', 'sqs:'].map((prefix) => partsReached(CATALOG, [prefix]).includes(shared!))).toEqual([true, true, true, false]);
  });
});
