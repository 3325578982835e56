import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { allowedActions, allowedByDocument } from './_support/brute-force.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase, refutedClaims } from './_support/refine-case.js';

/**
 * Claims 1 and 3: the recommendation allows, on the catalog, exactly what the original allowed
 * minus the unused actions. Judged by the oracle, and again by brute force per statement (from
 * the refinement record) and for the whole recommended document.
 */
describe.each(GRANULARITIES)('exact on the catalog, %s granularity', (granularity) => {
  it('allows exactly the used actions the original allowed', () => {
    fc.assert(
      fc.property(refinementCaseArbitrary({ granularity, policy: { distinctSids: true } }), (input) => {
        const recommendation = refineCase(input);
        expect(refutedClaims(input, recommendation.policy, ['exact', 'safety'])).toEqual([]);

        const unused = input.unused.actions;
        const minusUnused = (allowed: ReadonlySet<string>): string[] => [...allowed].filter((action) => !unused.has(action)).sort();
        input.policy.statements.forEach((statement, index) => {
          const refinement = recommendation.statements[index]!;
          const before = allowedActions(statement.patterns, statement.actionKey, input.catalog.actions);
          const after = refinement.outcome === 'dropped' ? new Set<string>() : allowedActions(refinement.result, statement.actionKey, input.catalog.actions);
          expect([...after].sort(), `statement ${index}`).toEqual(statement.effect === 'Deny' ? [...before].sort() : minusUnused(before));
        });
        expect([...allowedByDocument(recommendation.policy, input.catalog.actions)].sort()).toEqual(minusUnused(allowedByDocument(input.document, input.catalog.actions)));
      }),
      fuzzParameters(700),
    );
  });
});
