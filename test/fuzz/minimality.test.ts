import { describe, it } from 'vitest';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { assertClaimsHold } from './_support/refine-case.js';

/**
 * Claim 4: every new wildcard is a trie node at the granularity whose parent, one token
 * shorter, matches an unused action the original allows (or a string the original does not
 * match), and every new literal stands for a safe node that covers only it. Judged by the oracle.
 */
describe.each(GRANULARITIES)('minimality, %s granularity', (granularity) => {
  it('writes only shortest safe prefixes', () => assertClaimsHold(['minimality'], { granularity, policy: { distinctSids: true } }, 700));
});
