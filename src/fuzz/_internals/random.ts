/**
 * Seeded randomness outside fast-check: the real-data suite and the benchmark draw their unused
 * sets from it, and mutants make their choices with it, so that one number replays a run exactly.
 */

/** A number in [0, 1), from mulberry32: tiny, fast and the same on every platform. */
export type RandomSource = () => number;

export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** A seed for one named item (a policy), independent of the order in which items are visited. */
export function seedFor(name: string, seed: number): number {
  // FNV-1a over the name, started from the run's seed.
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < name.length; index++) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Picks one of the options, or `undefined` when there are none. */
export type Choose = <T>(options: readonly T[]) => T | undefined;

export function chooserFrom(seed: number): Choose {
  const random = seededRandom(seed);
  return <T>(options: readonly T[]): T | undefined => (options.length === 0 ? undefined : options[Math.floor(random() * options.length)]);
}

/** The items in a random order (Fisher-Yates), the input left as it was. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
