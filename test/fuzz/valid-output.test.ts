import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Granularity } from '../../src/catalog/tokenize.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase } from './_support/refine-case.js';

/**
 * The recommendation is a policy IAM accepts: every pattern it writes is `service:action` or
 * `*`, so that it parses again (the recommender throws when its own output does not).
 */
function writesValidPolicies(granularity: Granularity): void {
  fc.assert(
    fc.property(refinementCaseArbitrary({ granularity, policy: { distinctSids: true } }), (input) => {
      const { policy } = refineCase(input);
      if (policy !== undefined) expect(() => parsePolicy(policy, 'recommended.json')).not.toThrow();
    }),
    fuzzParameters(500),
  );
}

describe('valid output', () => {
  it('word granularity writes only service:action patterns', () => writesValidPolicies('word'));

  // Found broken by this property: a char-mode trie node could end inside the service prefix, so
  // "*" over {s3: [Get], s3express: [Get]} with s3:Get unused became "s3e*", no action pattern.
  it('char granularity writes only service:action patterns', () => writesValidPolicies('char'));
});
