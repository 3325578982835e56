import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { GRANULARITIES } from '../../src/catalog/tokenize.js';
import { deriveFromSource, derivedUnusedSet, derivedUnusedSource } from '../../src/findings/derive.js';
import { parseUnusedEntries } from '../../src/findings/parse.js';
import { resolveUnused } from '../../src/findings/resolve.js';
import type { UnusedSet } from '../../src/findings/unused-set.js';
import { catalogArbitrary } from '../../src/fuzz/catalog-arbitrary.js';
import { policySpecArbitrary, writePolicy } from '../../src/fuzz/_internals/policy-spec.js';
import { usageHistorySpecArbitrary, writeUsageHistory, type LastUse } from '../../src/fuzz/usage-history-arbitrary.js';
import { lowerAscii } from '../../src/glob/glob.js';
import { textSource } from '../../src/input/read-json.js';
import { allowedActions } from '../../src/policy/allowed.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { Policy } from '../../src/policy/types.js';
import { recommend } from '../../src/recommend/recommend.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';

/**
 * `--last-accessed` and `--used` against the unused set they stand for: over random catalogs,
 * policies and usage histories, the derived set is exactly what the rules say (computed here
 * from the history, not from the response), and the recommendation is the one the equivalent
 * explicit `--unused` set gives.
 */
const inputs = fc.record({ catalog: catalogArbitrary(), policy: policySpecArbitrary(), history: usageHistorySpecArbitrary(), granularity: fc.constantFrom(...GRANULARITIES) });

const inWindow = (use: LastUse | 'untracked'): boolean => use === 'window-start' || use === 'recent';

/** An explicit unused set, as an `--unused` file listing the actions would give it. */
function explicit(actions: readonly string[], catalog: Catalog): UnusedSet {
  const entries = actions.map((action) => ({ serviceNamespace: action.slice(0, action.indexOf(':')), actions: [action.slice(action.indexOf(':') + 1)] }));
  return resolveUnused(parseUnusedEntries(entries, 'unused.json'), catalog, 'unused.json');
}

const refined = (policy: Policy, unused: UnusedSet, catalog: Catalog, granularity: (typeof GRANULARITIES)[number]) => recommend(policy, unused, catalog, { granularity }).policy;

describe('unused sets derived from evidence of use', () => {
  it('--last-accessed: exactly what the rules show unused, and the refinement of that explicit set', () => {
    fc.assert(
      fc.property(inputs, ({ catalog, policy: spec, history: historySpec, granularity }) => {
        const policy = parsePolicy(writePolicy(spec, catalog), 'policy.json');
        const history = writeUsageHistory(historySpec, catalog);
        const expected: string[] = [];
        for (const service of history.services) {
          if (service.authenticated === undefined) continue;
          if (!inWindow(service.authenticated)) {
            const [from, to] = catalog.rangeWithPrefix(`${lowerAscii(service.service)}:`);
            expected.push(...catalog.actions.slice(from, to));
          } else if (service.actions !== undefined) {
            expected.push(...service.actions.filter((action) => action.use !== 'untracked' && !inWindow(action.use)).map((action) => `${service.service}:${action.name}`));
          }
        }
        const evidence = textSource('last-accessed.json', JSON.stringify(history.response));
        const derivation = deriveFromSource('last-accessed', evidence, catalog, policy, { unusedDays: history.days });
        const derived = derivedUnusedSet(derivation, derivedUnusedSource(derivation, evidence.name), catalog);
        expect([...derived.actions].sort()).toEqual(expected.map(lowerAscii).sort());
        expect(refined(policy, derived, catalog, granularity)).toEqual(refined(policy, explicit(expected, catalog), catalog, granularity));
      }),
      fuzzParameters(200),
    );
  });

  it('--used: what the policy allows minus the used actions, and the refinement of "everything not used is unused"', () => {
    fc.assert(
      fc.property(inputs, ({ catalog, policy: spec, history: historySpec, granularity }) => {
        const policy = parsePolicy(writePolicy(spec, catalog), 'policy.json');
        const history = writeUsageHistory(historySpec, catalog);
        const used = history.services.flatMap((service) => (service.actions ?? []).filter((action) => inWindow(action.use)).map((action) => `${service.service}:${action.name}`));
        const notUsed = catalog.actions.filter((action) => !used.includes(action));
        const evidence = textSource('used.txt', used.map((action) => `${action}\n`).join(''));
        const derivation = deriveFromSource('used', evidence, catalog, policy);
        const derived = derivedUnusedSet(derivation, derivedUnusedSource(derivation, evidence.name), catalog);
        const allowed = [...allowedActions(policy, catalog)].map((index) => catalog.lowerActions[index]!);
        expect([...derived.actions].sort()).toEqual(allowed.filter((action) => !used.map(lowerAscii).includes(action)).sort());
        expect(refined(policy, derived, catalog, granularity)).toEqual(refined(policy, explicit(notUsed, catalog), catalog, granularity));
      }),
      fuzzParameters(200),
    );
  });
});
