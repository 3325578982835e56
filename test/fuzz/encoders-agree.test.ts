import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooserFrom } from '../../src/fuzz/_internals/random.js';
import { encoderCheck } from '../../src/fuzz/encoder-check.js';
import { ALL_MUTANTS } from '../../src/fuzz/mutants/all-mutants.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { parseRecommendedPolicy } from '../../src/policy/recommended.js';
import type { Policy } from '../../src/policy/types.js';
import { check } from '../../src/prove/check.js';
import { comparisonText } from '../../src/prove/specification/index.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import { recommend } from '../../src/recommend/recommend.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';

/** Random small cases; `FUZZ_ENCODER_RUNS` changes how many. */
const RUNS = Number(process.env.FUZZ_ENCODER_RUNS ?? 8);

let pool: SolverPool;
beforeAll(async () => {
  pool = await SolverPool.start({ workers: 2 });
});
afterAll(async () => {
  await pool.close();
});

/**
 * Differential: the specification encoder (one naive query per claim and statement) and the
 * checker decide every claim alike, on iam-refine's recommendation of a random small case and on
 * one broken version of it. A failure prints fast-check's seed, path and shrunk case.
 */
describe('the two encoders', () => {
  it('agree on every claim of random small cases, correct and broken outputs', async () => {
    const totals = { claims: 0, agreed: 0, undecided: 0 };
    await fc.assert(
      fc.asyncProperty(refinementCaseArbitrary(), fc.nat(ALL_MUTANTS.length - 1), fc.nat(), async (input, which, seed) => {
        const correct = recommend(input.policy, input.unused, input.catalog, { granularity: input.granularity }).policy;
        const outputs: (Policy | undefined)[] = [parseRecommendedPolicy(correct)];
        if (correct !== undefined) {
          const mutation = ALL_MUTANTS[which]!.apply({ original: input.policy, recommended: correct, catalog: input.catalog, unused: input.unused, granularity: input.granularity, choose: chooserFrom(seed) });
          if (mutation !== undefined) outputs.push(parseRecommendedPolicy(mutation.recommended));
        }
        for (const recommended of outputs) {
          const report = await check({ original: input.policy, unused: input.unused, catalog: input.catalog, recommended, granularity: input.granularity }, { pool });
          const comparison = await encoderCheck(input, recommended, report.claims, pool);
          totals.claims += comparison.claims.length;
          totals.agreed += comparison.agreed;
          totals.undecided += comparison.undecided;
          expect(comparison.disagreements, comparisonText(comparison)).toEqual([]);
        }
      }),
      fuzzParameters(RUNS),
    );
    console.log(`encoders agree: ${totals.claims} claims compared, ${totals.agreed} agreed, ${totals.undecided} undecided`);
    expect(totals.agreed).toBeGreaterThan(0);
  }, 300_000);
});
