import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase, refutedClaims } from './_support/refine-case.js';

/** Claim 5: no pattern of a refined statement is covered, on the catalog, by the others. Judged by the oracle. */
describe.each(GRANULARITIES)('no redundancy, %s granularity', (granularity) => {
  it('leaves no pattern the others cover', () => {
    fc.assert(
      fc.property(refinementCaseArbitrary({ granularity, policy: { distinctSids: true } }), (input) => {
        expect(refutedClaims(input, refineCase(input).policy, ['no-redundancy'])).toEqual([]);
      }),
      fuzzParameters(500),
    );
  });
});
