import type { PatternSet } from './pattern-set.js';

/** At most this many patterns share one obligation: a small union keeps each query fast. */
export const PATTERN_CAPACITY = 32;
/** Up to this many services, each gets obligations of its own: they read best in a certificate. */
export const SEPARATE_SERVICES = 16;

/** The items of one obligation and a key naming their services. */
export interface Chunk<T> {
  /** `s3`; `s3.2` for the second part of a service too big for one; `a2c..acm` for several small services. */
  readonly key: string;
  readonly items: readonly T[];
}

/**
 * Packs items into obligations by service, in order of first appearance: a service's items stay together
 * unless they alone exceed `capacity`. Beyond `SEPARATE_SERVICES` services, small services also
 * share obligations (with `alwaysPack`, whatever their number): a query has a fixed cost (a
 * context, a parse, a solver thread), so a statement over hundreds of services is checked in a
 * few dozen fuller queries.
 */
export function packByService<T>(items: readonly T[], serviceOf: (item: T) => string, capacity: number, alwaysPack = false): Chunk<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const service = serviceOf(item);
    const members = groups.get(service);
    if (members === undefined) groups.set(service, [item]);
    else members.push(item);
  }
  const chunks: Chunk<T>[] = [];
  let services: string[] = [];
  let pending: T[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    chunks.push({ key: services.length === 1 ? services[0]! : `${services[0]}..${services[services.length - 1]}`, items: pending });
    services = [];
    pending = [];
  };
  for (const service of groups.keys()) {
    const members = groups.get(service)!;
    if (members.length > capacity) {
      flush();
      for (let part = 0; part * capacity < members.length; part++) {
        chunks.push({ key: part === 0 ? service : `${service}.${part + 1}`, items: members.slice(part * capacity, (part + 1) * capacity) });
      }
      continue;
    }
    if (pending.length + members.length > capacity || (!alwaysPack && groups.size <= SEPARATE_SERVICES)) flush();
    services.push(service);
    pending.push(...members);
  }
  flush();
  return chunks;
}

/**
 * The service a pattern's literal prefix names: `_any` when its service part holds a wildcard,
 * `_other` when it is not a file-name safe service prefix.
 */
export function patternService(set: PatternSet, position: number): string {
  const prefix = set.globs[position]!.literalPrefix;
  const colon = prefix.indexOf(':');
  if (colon === -1) return '_any';
  const service = prefix.slice(0, colon);
  return /^[a-z0-9-]+$/.test(service) ? service : '_other';
}

/** The service of a lower-cased catalog action. */
export function actionService(action: string): string {
  return action.slice(0, action.indexOf(':'));
}

/** Patterns of a set packed by service. */
export function chunksByService(set: PatternSet, positions: readonly number[], capacity = PATTERN_CAPACITY): Chunk<number>[] {
  return packByService(positions, (position) => patternService(set, position), capacity);
}

/** The witness constant of one pattern in a chunk: `w_r3`. */
export function witnessName(set: PatternSet, position: number): string {
  return `w_${set.name(position)}`;
}
