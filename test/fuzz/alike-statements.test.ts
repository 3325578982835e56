import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { ALL_CLAIMS, refineCase, refutedClaims } from './_support/refine-case.js';

/**
 * Policies whose statements differ only in their actions (no `Sid`, same `Resource`), as many
 * real ones do: when the recommendation drops one of them, the oracle (and the recommender's
 * self-check, which uses it) must still pair every refined statement with the original it
 * refines, and find every claim true. Found broken by this property: ["s3:*Get*"] and ["*:Get"]
 * over {s3: [Get, GetObject]} with s3:Get unused paired the survivor ["s3:GetObject"] with the
 * dropped second statement, and `recommend` refused its own correct result.
 */
describe.each(GRANULARITIES)('statements alike apart from their actions, %s granularity', (granularity) => {
  it('are recommended and judged as refinements of the right originals', () => {
    fc.assert(
      fc.property(refinementCaseArbitrary({ granularity }), (input) => {
        expect(refutedClaims(input, refineCase(input).policy, ALL_CLAIMS)).toEqual([]);
      }),
      fuzzParameters(500),
    );
  });
});
