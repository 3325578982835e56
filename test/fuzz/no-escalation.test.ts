import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { uncoveredString } from '../../src/glob/inclusion.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase, refutedClaims } from './_support/refine-case.js';

/**
 * Claim 2: the recommendation matches no string the original does not (future actions
 * included, decided exactly by `uncoveredString`), statement by statement and pattern by pattern.
 */
describe.each(GRANULARITIES)('no escalation, %s granularity', (granularity) => {
  const cases = refinementCaseArbitrary({ granularity, policy: { distinctSids: true } });

  it('matches, per statement, only strings the original matches, and keeps every original exclusion', () => {
    fc.assert(
      fc.property(cases, (input) => {
        const recommendation = refineCase(input);
        expect(refutedClaims(input, recommendation.policy, ['no-escalation'])).toEqual([]);
        for (const statement of recommendation.statements) {
          if (statement.actionKey !== 'NotAction' || statement.outcome !== 'refined') continue;
          for (const exclusion of input.policy.statements[statement.index]!.patterns) {
            expect(uncoveredString(statement.result, exclusion), `statement ${statement.index}: exclusion "${exclusion}" lost`).toBeUndefined();
          }
        }
      }),
      fuzzParameters(600),
    );
  });

  // KNOWN BUG: a pattern whose wildcard is not only at the end may be replaced by a prefix that
  // the statement's other patterns cover but the pattern itself does not: ["*:Get*", "s3:*"] over
  // {ec2: [Get], s3: [Get, GetObject]} with ec2:Get unused replaces "*:Get*" by "s3:*", against
  // issue 2's "every replacement must match only strings the original pattern matches". The
  // statement as a whole does not escalate, but the refinement record is wrong. `it.fails` until fixed.
  it('replaces each pattern only by patterns inside it', () => {
    fc.assert(
      fc.property(cases, (input) => {
        for (const statement of refineCase(input).statements) {
          for (const outcome of statement.patterns) {
            for (const replacement of outcome.replacements) {
              const escaping = uncoveredString([outcome.pattern], replacement);
              expect(escaping, `statement ${statement.index}: "${outcome.pattern}" replaced by "${replacement}", which matches "${escaping}"`).toBeUndefined();
            }
          }
        }
      }),
      fuzzParameters(600),
    );
  });
});
