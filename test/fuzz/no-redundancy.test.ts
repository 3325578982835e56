import { describe, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { assertClaimsHold } from './_support/refine-case.js';

/** Claim 5: no pattern of a refined statement is covered, on the catalog, by the others. Judged by the oracle. */
describe.each(GRANULARITIES)('no redundancy, %s granularity', (granularity) => {
  it('leaves no pattern the others cover', () => assertClaimsHold(['no-redundancy'], { granularity, policy: { distinctSids: true } }, 500));
});
