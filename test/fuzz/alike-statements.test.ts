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

  // Regression (was a bug, found by the fuzz campaign): the survivor ["s3:GetZzyzx"] of the first
  // statement was paired with the dropped second one, whose "s3:*Get*" covers it just as well, and
  // claim 4 was refuted for a correct recommendation. A pattern kept verbatim now outweighs one covered.
  it('pairs a survivor with the original that has its pattern verbatim, not one that only covers it', () => {
    expectClaimsHold(
      refinementCaseFromJson({
        catalog: { s3: ['Get'] },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Refine', Effect: 'Allow', Action: ['s3:GetZzyzx', 's3:*Get'], Resource: '*' },
            { Sid: 'Refine', Effect: 'Allow', Action: 's3:*Get*', Resource: '*' },
          ],
        },
        unused: [{ serviceNamespace: 's3' }],
        granularity: 'word',
      }),
      ALL_CLAIMS,
    );
  });

  // Regression (was a bug, found by the fuzz campaign): the second statement allows only unused
  // catalog actions and is dropped; the survivor kept both of the first's exclusions but only one
  // of the second's, and the tie went to the second. An exclusion lost now counts against a pairing.
  it('pairs a NotAction survivor with the original whose exclusions it all keeps', () => {
    expectClaimsHold(
      refinementCaseFromJson({
        catalog: { lookoutequipment: ['Get', 'GetObject'], s3: ['Get'] },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Keep', Effect: 'Allow', NotAction: 's3:*Get*', Resource: '*' },
            { Sid: 'Keep', Effect: 'Allow', NotAction: ['s3:*Get*', 'l*:get'], Resource: '*' },
          ],
        },
        unused: [{ serviceNamespace: 'lookoutequipment', actions: ['GetObject'] }],
        granularity: 'word',
      }),
      ALL_CLAIMS,
    );
  });

  // Regression (was a bug, found by the fuzz campaign): the unchanged survivor "NotAction": "*"
  // scored 2 with its own original (one verbatim exclusion) and 2 with the dropped second statement
  // (a repeated exclusion it covers, counted twice). Patterns now count once, and verbatim outweighs covered.
  it('pairs an unchanged survivor with itself, not with a dropped statement whose repeated exclusions it covers', () => {
    expectClaimsHold(
      refinementCaseFromJson({
        catalog: { s3: ['Get', 'GetObject'] },
        policy: {
          Version: '2012-10-17',
          Statement: [
            { Sid: 'Refine', Effect: 'Allow', NotAction: '*', Resource: '*' },
            { Sid: 'Refine', Effect: 'Allow', NotAction: ['s3:Get', 's3:Get'], Resource: '*' },
          ],
        },
        unused: [{ serviceNamespace: 's3', actions: ['Get', 'GetObject'] }],
        granularity: 'word',
      }),
      ALL_CLAIMS,
    );
  });
});
