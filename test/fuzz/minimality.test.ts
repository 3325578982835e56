import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase, refutedClaims } from './_support/refine-case.js';

/**
 * Claim 4: every new wildcard is a trie node at the granularity whose parent, one token
 * shorter, matches an unused action the original allows (or a string the original does not
 * match), and every new literal stands for a safe node that covers only it. Judged by the oracle.
 */
describe.each(GRANULARITIES)('minimality, %s granularity', (granularity) => {
  it('writes only shortest safe prefixes', () => {
    fc.assert(
      fc.property(refinementCaseArbitrary({ granularity, policy: { distinctSids: true } }), (input) => {
        expect(refutedClaims(input, refineCase(input).policy, ['minimality'])).toEqual([]);
      }),
      fuzzParameters(700),
    );
  });
});
