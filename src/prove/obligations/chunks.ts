import type { PatternSet } from './pattern-set.js';

/** At most this many patterns share one obligation: a small union keeps each query fast. */
export const CHUNK_SIZE = 32;

export interface Chunk {
  /**
   * `s3`, `s3-2` for a service's second chunk, `_any` for patterns whose service part holds a
   * wildcard, `_other` for service parts that are not file-name safe.
   */
  readonly key: string;
  readonly positions: readonly number[];
}

/**
 * Patterns grouped by the service their literal prefix names, in chunks: one obligation per chunk
 * rather than per pattern, so that a statement of hundreds of patterns is a few dozen queries.
 */
export function chunksByService(set: PatternSet, positions: readonly number[]): Chunk[] {
  const groups = new Map<string, number[]>();
  for (const position of positions) {
    const prefix = set.globs[position]!.literalPrefix;
    const colon = prefix.indexOf(':');
    const service = prefix.slice(0, colon);
    const key = colon === -1 ? '_any' : /^[a-z0-9-]+$/.test(service) ? service : '_other';
    groups.set(key, [...(groups.get(key) ?? []), position]);
  }
  return [...groups].flatMap(([service, members]) =>
    Array.from({ length: Math.ceil(members.length / CHUNK_SIZE) }, (_, chunk) => ({
      key: chunk === 0 ? service : `${service}-${chunk + 1}`,
      positions: members.slice(chunk * CHUNK_SIZE, (chunk + 1) * CHUNK_SIZE),
    })),
  );
}

/** The witness constant of one pattern in a chunk: `w_r3`. */
export function witnessName(set: PatternSet, position: number): string {
  return `w_${set.name(position)}`;
}
