import type fc from 'fast-check';

/** The seed every fuzz property runs with: `FUZZ_SEED` from the environment, or a fixed default for CI. */
export const FUZZ_SEED = seedFromEnvironment(process.env.FUZZ_SEED);

function seedFromEnvironment(value: string | undefined): number {
  if (value === undefined || value === '') return 20_240_620;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(value)}`);
  return seed;
}

/**
 * `fc.assert` parameters: the fixed seed and a number of runs. With the seed given, a failure
 * reports the seed, the path and the shrunk counterexample, and `FUZZ_SEED=<seed>` replays it.
 */
export function fuzzParameters<T>(numRuns: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns };
}
