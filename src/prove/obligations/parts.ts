import type { Catalog } from '../../catalog/catalog.js';
import { actionService, packByService } from './chunks.js';

/** At most this many catalog actions make one part: a ground query's cost is linear in its lines, its fixed cost is not. */
export const PART_CAPACITY = 500;

/**
 * One part of the catalog: a run of whole services (or a slice of one service too big for a
 * part), in catalog order. Every ground obligation is about one part, and the parts together are
 * the catalog, which the certificate's manifest shows (`parts`).
 */
export interface CatalogPart {
  /** `s3`; `ec2.2` for the second slice of a big service; `a2c..acm` for several small services. */
  readonly key: string;
  /** Catalog indices, ascending and contiguous. */
  readonly from: number;
  readonly to: number;
}

const partitions = new WeakMap<Catalog, readonly CatalogPart[]>();

/** The catalog's parts: a pure function of the catalog, the same for every statement and claim. */
export function catalogParts(catalog: Catalog): readonly CatalogPart[] {
  let parts = partitions.get(catalog);
  if (parts === undefined) {
    const indices = [...catalog.lowerActions.keys()];
    parts = packByService(indices, (index) => actionService(catalog.lowerActions[index]!), PART_CAPACITY, true).map((chunk) => ({
      key: chunk.key,
      from: chunk.items[0]!,
      to: chunk.items[chunk.items.length - 1]! + 1,
    }));
    partitions.set(catalog, parts);
  }
  return parts;
}

/**
 * The parts holding an action that starts with one of `lowerPrefixes`: only there can a pattern
 * with such a literal prefix match an action.
 */
export function partsReached(catalog: Catalog, lowerPrefixes: Iterable<string>): readonly CatalogPart[] {
  const parts = catalogParts(catalog);
  const reached = new Set<CatalogPart>();
  for (const prefix of new Set(lowerPrefixes)) {
    const [from, to] = catalog.rangeWithPrefix(prefix);
    if (from >= to) continue;
    // The first part that ends after `from`, then every part that starts before `to`.
    let low = 0;
    let high = parts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (parts[middle]!.to <= from) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < parts.length && parts[at]!.from < to; at++) reached.add(parts[at]!);
  }
  return parts.filter((part) => reached.has(part));
}
