import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/input/json.js';
import { recommend } from '../../src/recommend/recommend.js';
import { assertSound, RefusedRecommendation } from '../../src/recommend/self-check.js';
import { allow, catalogOf, deny, errorOf, policyOf, unusedOf } from '../support.js';

const CATALOG = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject'] });
const ORIGINAL = policyOf([allow('s3:GetObject*'), deny('s3:PutObject')]);
const UNUSED = unusedOf(CATALOG, { s3: ['GetObjectAcl'] });
const RIGHT = recommend(ORIGINAL, UNUSED, CATALOG);

/** The refusal message for the right recommendation with its policy replaced. */
function refusal(policy: JsonObject | undefined): string {
  const error = errorOf(() => assertSound(ORIGINAL, { ...RIGHT, policy }, UNUSED, CATALOG));
  expect(error).toBeInstanceOf(RefusedRecommendation);
  return error.message;
}

const withStatements = (...statements: JsonObject[]): JsonObject => ({ Version: '2012-10-17', Statement: statements });

describe('assertSound', () => {
  it('accepts a right recommendation', () => {
    expect(RIGHT.policy).toEqual(withStatements(allow('s3:GetObject'), deny('s3:PutObject')));
    expect(() => assertSound(ORIGINAL, RIGHT, UNUSED, CATALOG)).not.toThrow();
  });

  it('refuses a recommendation that loses a used action (claim 1)', () => {
    expect(refusal(withStatements(allow('s3:GetObjectAcl'), deny('s3:PutObject')))).toBe(
      'refusing to recommend: claim 1 (exact on the catalog) fails for statement 0: s3:GetObject is used and was allowed, but the recommendation no longer allows it',
    );
  });

  it('refuses a recommendation that still allows an unused action (claim 1 comes first)', () => {
    expect(refusal(withStatements(allow('s3:GetObject*'), deny('s3:PutObject')))).toBe('refusing to recommend: claim 1 (exact on the catalog) fails for statement 0: s3:GetObjectAcl is allowed by the recommendation but should not be');
  });

  it('refuses a recommendation that matches strings the original does not, although it is exact on the catalog (claim 2)', () => {
    expect(refusal(withStatements(allow('s3:GetObjec?'), deny('s3:PutObject')))).toBe(
      'refusing to recommend: claim 2 (no escalation) fails for statement 0: refined pattern "s3:GetObjec?" matches "s3:getobjecs", which the original does not',
    );
  });

  it('refuses a recommendation that changes a Deny statement', () => {
    expect(refusal(withStatements(allow('s3:GetObject'), deny('s3:Put*')))).toBe('refusing to recommend: claim 2 (no escalation) fails for statement 1: a Deny statement was changed or dropped');
  });

  it('refuses a DETACH_POLICY when used actions remain', () => {
    expect(refusal(undefined)).toBe('refusing to recommend: claim 1 (exact on the catalog) fails for statement 0: s3:GetObject is used and was allowed, but the recommendation no longer allows it');
  });
});
