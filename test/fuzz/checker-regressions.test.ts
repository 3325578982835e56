import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossCheck } from '../../src/fuzz/cross-check.js';
import { parseRecommendedPolicy } from '../../src/policy/recommended.js';
import { refinementCaseFromJson } from '../../src/fuzz/refinement-case.js';
import { SolverPool } from '../../src/prove/solver/pool.js';

let pool: SolverPool;
beforeAll(async () => {
  pool = await SolverPool.start({ workers: 1 });
});
afterAll(async () => {
  await pool.close();
});

/** Disagreements between the Z3 checker and the oracle that the fuzz campaign found, kept as regressions. */
describe('the checker agrees with the oracle on cases the campaign found', () => {
  // Was a bug (found by the mutant recommender unused-without-prefix): claim 1 for a NotAction
  // statement asked only about actions under some pattern's prefix and the unused ones, taking a
  // used action elsewhere as allowed by both sides; when the recommendation drops the statement
  // (here: detaches the policy), such an action (s3express:Get) is lost, and Z3 proved claim 1.
  it('refutes claim 1 when a dropped NotAction statement allowed a used action outside its prefixes', async () => {
    const input = refinementCaseFromJson({
      catalog: { s3: ['Get'], s3express: ['Get'] },
      policy: { Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 's3:*', Resource: '*' } },
      unused: [{ serviceNamespace: 's3', actions: ['Get'] }],
      granularity: 'word',
    });
    const result = await crossCheck(input, parseRecommendedPolicy(undefined), pool);
    expect(result.checker.map(({ statement, claim, example }) => ({ statement, claim, example }))).toEqual([{ statement: 0, claim: 'exact', example: 's3express:Get' }]);
    expect(result.agree).toBe(true);
  });
});
