import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary, type RefinementCase } from '../../src/fuzz/refinement-case-arbitrary.js';
import { seededRandom, shuffled } from '../../src/fuzz/_internals/random.js';
import { resolveShortForm, type ShortFormEntry } from '../../src/fuzz/_internals/short-form.js';
import type { UnusedSet } from '../../src/findings/unused-set.js';
import { recommend } from '../../src/recommend/recommend.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';

/** What a run gives: the recommendation's policy and record, or the error it refused with. */
function outcome(input: RefinementCase, unused: UnusedSet): unknown {
  try {
    const { recommendedAction, policy, statements } = recommend(input.policy, unused, input.catalog, { granularity: input.granularity });
    return { recommendedAction, policy, statements };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The same findings listed in another order: entries and the actions in each. */
function reordered(entries: readonly ShortFormEntry[], seed: number): ShortFormEntry[] {
  const random = seededRandom(seed);
  return shuffled(entries, random).map((entry) => (entry.actions === undefined ? entry : { ...entry, actions: shuffled(entry.actions, random) }));
}

describe.each(GRANULARITIES)('determinism, %s granularity', (granularity) => {
  it('gives the same output for the same input, and for the unused list in any order', () => {
    fc.assert(
      fc.property(refinementCaseArbitrary({ granularity }), fc.nat(), (input, seed) => {
        const first = outcome(input, input.unused);
        expect(outcome(input, input.unused)).toEqual(first);
        expect(outcome(input, resolveShortForm(reordered(input.unusedEntries, seed), input.catalog))).toEqual(first);
      }),
      fuzzParameters(400),
    );
  });
});
