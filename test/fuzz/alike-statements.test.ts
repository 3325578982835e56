import { describe, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseFromJson } from '../../src/fuzz/refinement-case.js';
import { ALL_CLAIMS, assertClaimsHold, expectClaimsHold } from './_support/refine-case.js';

/**
 * Policies whose statements differ only in their actions (no `Sid`, same `Resource`), as many
 * real ones do: when the recommendation drops one of them, the oracle (and the recommender's
 * self-check, which uses it) must still pair every refined statement with the original it
 * refines, and find every claim true. Found broken by this property, and fixed: ["s3:*Get*"] and
 * ["*:Get"] over {s3: [Get, GetObject]} with s3:Get unused paired the survivor ["s3:GetObject"]
 * with the dropped second statement, and `recommend` refused its own correct result.
 */
describe.each(GRANULARITIES)('statements alike apart from their actions, %s granularity', (granularity) => {
  it('are recommended and judged as refinements of the right originals', () => assertClaimsHold(ALL_CLAIMS, { granularity }, 300));

  it('are, with NotAction in half of them, too', () => assertClaimsHold(ALL_CLAIMS, { granularity, policy: { notActionShare: 0.5 } }, 300));
});

describe('statements alike apart from their actions, known counterexamples', () => {
  // Regression (was a bug): pairing scored only refined patterns the original covers, which fits
  // Action statements; a NotAction refinement grows the exclusions, so the tie went to the later original.
  it('pairs a NotAction survivor whose exclusions grew with its own original', () => {
    expectClaimsHold(
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
      ALL_CLAIMS,
    );
  });
});
