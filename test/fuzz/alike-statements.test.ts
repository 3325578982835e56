import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { refinementCaseFromJson, type RefinementCase } from '../../src/fuzz/refinement-case.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { ALL_CLAIMS, refineCase, refutedClaims } from './_support/refine-case.js';

/**
 * Policies whose statements differ only in their actions (no `Sid`, same `Resource`), as many
 * real ones do: when the recommendation drops one of them, the oracle (and the recommender's
 * self-check, which uses it) must still pair every refined statement with the original it
 * refines, and find every claim true. Found broken by this property, and fixed: ["s3:*Get*"] and
 * ["*:Get"] over {s3: [Get, GetObject]} with s3:Get unused paired the survivor ["s3:GetObject"]
 * with the dropped second statement, and `recommend` refused its own correct result.
 */
function judgedRight(input: RefinementCase): void {
  expect(refutedClaims(input, refineCase(input).policy, ALL_CLAIMS)).toEqual([]);
}

describe.each(GRANULARITIES)('statements alike apart from their actions, %s granularity', (granularity) => {
  it('are recommended and judged as refinements of the right originals', () => {
    fc.assert(fc.property(refinementCaseArbitrary({ granularity }), judgedRight), fuzzParameters(300));
  });

  it('are, with NotAction in half of them, too', () => {
    fc.assert(fc.property(refinementCaseArbitrary({ granularity, policy: { notActionShare: 0.5 } }), judgedRight), fuzzParameters(300));
  });
});

describe('statements alike apart from their actions, known counterexamples', () => {
  // KNOWN BUG (src/policy/align.ts): pairing scores refined patterns the original covers, which
  // fits Action statements; a NotAction refinement grows the exclusions instead, so here neither
  // original scores and the tie goes to the later one: the survivor NotAction ["a:*"] (from
  // "a:P*") is paired with the dropped "b:*", and recommend() refuses ("claim 1 ... fails for
  // statement 0: b:Get is used and was allowed"). With the statements swapped it works.
  // Shrunk from FUZZ_SEED=13 (4 services, 6 statements); `it.fails` until fixed.
  it.fails('pairs a NotAction survivor whose exclusions grew with its own original', () => {
    judgedRight(
      refinementCaseFromJson({
        catalog: { a: ['Get', 'Put'], b: ['Get'] },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', NotAction: 'a:P*', Resource: '*' },
            { Effect: 'Allow', NotAction: 'b:*', Resource: '*' },
          ],
        },
        unused: [{ serviceNamespace: 'a' }],
        granularity: 'word',
      }),
    );
  });
});
