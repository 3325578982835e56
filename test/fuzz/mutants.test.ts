import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_MUTANTS } from '../../src/fuzz/mutants/all-mutants.js';
import { refinementCaseArbitrary, type RefinementCase } from '../../src/fuzz/refinement-case-arbitrary.js';
import { chooserFrom } from '../../src/fuzz/_internals/random.js';
import type { Recommendation } from '../../src/recommend/refinement.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase, refutedClaims } from './_support/refine-case.js';

const RUNS = 400;

/** The recommender's output to break, when it gives one (a refusal is another property's failure). */
function correctRecommendation(input: RefinementCase): Recommendation | undefined {
  try {
    return refineCase(input);
  } catch {
    return undefined;
  }
}

/**
 * Validates the mutants: whenever one applies to a correct refinement, the oracle refutes the
 * claim it says it breaks and none of the claims it says it keeps. Without this, a checker that
 * "catches" a mutant proves nothing.
 */
describe.each(ALL_MUTANTS)('mutant $name', (mutant) => {
  it(`is refuted on claim ${mutant.breaks}, and on none it keeps, whenever it applies`, () => {
    let applied = 0;
    fc.assert(
      fc.property(refinementCaseArbitrary({ policy: { distinctSids: true } }), fc.nat(), (input, seed) => {
        const recommended = correctRecommendation(input)?.policy;
        if (recommended === undefined) return;
        const mutation = mutant.apply({ original: input.policy, recommended, catalog: input.catalog, unused: input.unused, granularity: input.granularity, choose: chooserFrom(seed) });
        if (mutation === undefined) return;
        applied++;
        expect(mutation.breaks).toBe(mutant.breaks);
        expect(refutedClaims(input, mutation.recommended, [mutant.breaks]).length, mutation.change).toBeGreaterThan(0);
        expect(refutedClaims(input, mutation.recommended, mutant.keeps), mutation.change).toEqual([]);
      }),
      fuzzParameters(RUNS),
    );
    // A mutant that never applies validates nothing.
    expect(applied).toBeGreaterThan(RUNS / 50);
  });
});
