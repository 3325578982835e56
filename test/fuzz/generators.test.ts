import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { catalogArbitrary } from '../../src/fuzz/catalog-arbitrary.js';
import { policyArbitrary } from '../../src/fuzz/policy-arbitrary.js';
import { refinementCaseArbitrary } from '../../src/fuzz/refinement-case-arbitrary.js';
import { unusedArbitrary } from '../../src/fuzz/unused-arbitrary.js';
import { parseGlob } from '../../src/glob/glob.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { FUZZ_SEED } from './_support/fuzz-parameters.js';

const SAMPLES = 400;
const share = <T>(values: readonly T[], test: (value: T) => boolean): number => values.filter(test).length / values.length;

/** The generators produce what the properties rely on, often enough to matter. */
describe('generators', () => {
  const cases = fc.sample(refinementCaseArbitrary(), { seed: FUZZ_SEED, numRuns: SAMPLES });
  const catalogs = cases.map((input) => input.catalog);
  const patterns = cases.flatMap((input) => input.policy.statements.flatMap((statement) => statement.patterns));

  it('makes catalogs with unique names whose prefixes collide', () => {
    for (const catalog of catalogs) expect(new Set(catalog.lowerActions).size).toBe(catalog.size);
    const hasPrefixPair = (catalog: Catalog, differentCase: boolean): boolean =>
      catalog.actions.some((action, index) =>
        catalog.actions.some((other, otherIndex) => otherIndex !== index && catalog.lowerActions[otherIndex]!.startsWith(catalog.lowerActions[index]!) && other.startsWith(action) !== differentCase),
      );
    expect(share(catalogs, (catalog) => hasPrefixPair(catalog, false)), 'an action that is a prefix of another (GetObject, GetObjectAcl)').toBeGreaterThan(0.5);
    expect(share(catalogs, (catalog) => hasPrefixPair(catalog, true)), 'a prefix spelled in another case (Describelabel, DescribeLabelGroup)').toBeGreaterThan(0.05);
    expect(share(catalogs, (catalog) => catalog.actions.some((action) => /[A-Z]{2}/.test(action) && /\d/.test(action))), 'acronyms and digits').toBeGreaterThan(0.2);
    const sharing = (catalog: Catalog): boolean => catalog.services.some((service) => catalog.services.some((other) => other !== service && other.startsWith(service)));
    expect(share(catalogs, sharing), 'service prefixes that start others (s3, s3-object-lambda)').toBeGreaterThan(0.05);
    expect(catalogs.every((catalog) => catalog.size < 1000), 'no large service unless asked for').toBe(true);
  });

  it('makes a very large service now and then when asked, and drops it first when shrinking', () => {
    const largeCatalogs = fc.sample(catalogArbitrary({ largeServiceChance: 0.1 }), { seed: FUZZ_SEED, numRuns: SAMPLES });
    const large = largeCatalogs.filter((catalog) => catalog.size >= 1000);
    expect(large.length / SAMPLES).toBeGreaterThan(0.05);
    expect(large.length / SAMPLES).toBeLessThan(0.2);
    for (const catalog of large) expect(new Set(catalog.lowerActions).size).toBe(catalog.size);
    // A property that fails on every catalog shrinks to one without the large service.
    const details = fc.check(fc.property(catalogArbitrary({ largeServiceChance: 0.5 }), (catalog: Catalog) => catalog.size < 0), { seed: FUZZ_SEED });
    expect(details.counterexample?.[0]?.size).toBeLessThan(10);
  });

  it('makes valid policies with every pattern shape', () => {
    const shapes: Record<string, (pattern: string) => boolean> = {
      'a catalog action': (pattern) => !/[*?]/.test(pattern),
      'a trailing wildcard': (pattern) => parseGlob(pattern).isPrefixPattern,
      'a wildcard inside': (pattern) => /\*./.test(pattern),
      'a question mark': (pattern) => pattern.includes('?'),
      'a wildcard in the service': (pattern) => /^[^:]*[*?][^:]*:/.test(pattern),
      'a lone star': (pattern) => pattern === '*',
      'irregular case': (pattern) => /[a-z]/.test(pattern) && pattern !== pattern.toLowerCase() && /:[a-z]|[A-Z]{3}/.test(pattern),
    };
    for (const [shape, test] of Object.entries(shapes)) expect(share(patterns, test), shape).toBeGreaterThan(0.01);
    const statements = cases.flatMap((input) => input.policy.statements);
    expect(share(statements, (statement) => statement.effect === 'Deny'), 'Deny').toBeGreaterThan(0.05);
    expect(share(statements, (statement) => statement.actionKey === 'NotAction'), 'NotAction').toBeGreaterThan(0.05);
    const lowered = (statement: { patterns: readonly string[] }): string[] => statement.patterns.map((pattern) => pattern.toLowerCase());
    expect(share(statements, (statement) => new Set(lowered(statement)).size < statement.patterns.length), 'a pattern repeated').toBeGreaterThan(0.05);
    expect(share(cases, (input) => input.policy.statements.some((statement) => statement.patterns.some((pattern) => input.catalog.matching(parseGlob(pattern)).length === 0))), 'an unknown action').toBeGreaterThan(0.05);
  });

  it('makes unused sets with whole services, subsets and unknown names', () => {
    const entries = cases.flatMap((input) => input.unusedEntries);
    expect(share(entries, (entry) => entry.actions === undefined), 'whole services').toBeGreaterThan(0.05);
    expect(share(entries, (entry) => entry.actions?.some((name) => name.includes(':')) ?? false), 'prefixed names').toBeGreaterThan(0.1);
    expect(share(cases, (input) => input.unused.warnings.length > 0), 'unknown names').toBeGreaterThan(0.05);
    expect(share(cases, (input) => input.unused.actions.size > 0 && input.unused.actions.size < input.catalog.size), 'partly unused catalogs').toBeGreaterThan(0.4);
    expect(share(cases, (input) => input.unused.actions.size === 0), 'nothing unused').toBeGreaterThan(0.03);
    expect(share(cases, (input) => input.unused.actions.size === input.catalog.size), 'everything unused').toBeGreaterThan(0.05);
  });

  it('makes valid policies and unused sets with the standalone arbitraries', () => {
    const [catalog] = fc.sample(catalogArbitrary(), { seed: FUZZ_SEED, numRuns: 1 });
    for (const document of fc.sample(policyArbitrary(catalog!), { seed: FUZZ_SEED, numRuns: 50 })) expect(() => parsePolicy(document, 'policy.json')).not.toThrow();
    for (const generated of fc.sample(unusedArbitrary(catalog!), { seed: FUZZ_SEED, numRuns: 50 })) {
      for (const action of generated.unused.actions) expect(catalog!.indexOf(action)).toBeDefined();
    }
  });
});
