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

/** Whether some action of the part starts with `lowerPrefix`: only then can a pattern with that literal prefix match one. */
export function partReaches(catalog: Catalog, part: CatalogPart, lowerPrefix: string): boolean {
  const [from, to] = catalog.rangeWithPrefix(lowerPrefix);
  return from < part.to && to > part.from && from < to;
}
