import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specificationLine } from '../../src/fuzz/campaign-report.js';
import { runFuzzCampaign, type FuzzCampaignResult } from '../../src/fuzz/fuzz-campaign.js';
import { runMutationCampaign } from '../../src/fuzz/mutation-campaign.js';
import { ALL_RECOMMENDER_MUTANTS } from '../../src/fuzz/recommender-mutants/all-recommender-mutants.js';
import type { SpecificationEncoder } from '../../src/fuzz/encoder-check.js';
import { ALL_MUTANTS } from '../../src/fuzz/mutants/all-mutants.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import type { Recommender } from '../../src/recommend/recommender.js';
import { recommend } from '../../src/recommend/recommend.js';
import { FUZZ_SEED } from './_support/fuzz-parameters.js';

/**
 * The fixed-seed campaign CI runs (`iam-refine fuzz` is the same thing, longer): thousands of
 * random cases recommended and judged by the concrete oracle, a share of them checked by Z3 as
 * well (with broken versions of each correct output), and every mutant recommender exposed and
 * refuted; on a few of the Z3-checked cases, the specification encoder must also agree with the
 * checker. `FUZZ_CAMPAIGN_RUNS`, `FUZZ_SOLVER_SHARE` and `FUZZ_SPEC_SHARE` change its size.
 */
const RUNS = Number(process.env.FUZZ_CAMPAIGN_RUNS ?? 3000);
const SOLVER_SHARE = Number(process.env.FUZZ_SOLVER_SHARE ?? 0.06);
/** Of the cases Z3 checks on a small catalog, the share the specification encoder checks too. */
const SPEC_SHARE = Number(process.env.FUZZ_SPEC_SHARE ?? 0.05);

let pool: SolverPool;
beforeAll(async () => {
  pool = await SolverPool.start({ workers: 2 });
});
afterAll(async () => {
  await pool.close();
});

/** The failure, printed whole (seed, path, smallest case), so that a red CI run can be replayed. */
function expectHeld(result: FuzzCampaignResult): void {
  expect(result.failure, JSON.stringify(result.failure, null, 1)).toBeUndefined();
}

describe('the fuzz campaign', () => {
  it("finds iam-refine's recommender right on every case, Z3 agreeing with the oracle and the specification encoder with the checker on every claim", async () => {
    const result = await runFuzzCampaign({ runs: RUNS, seed: FUZZ_SEED, pool, solverShare: SOLVER_SHARE, specShare: SPEC_SHARE, constraints: {} });
    console.log(`fuzz campaign: ${result.cases} cases, ${result.checked} checked by Z3 (${result.obligations} obligations), ${result.mutantsChecked} broken outputs cross-checked`);
    console.log(`fuzz campaign: ${specificationLine(result.specification)}`);
    expectHeld(result);
    if (SPEC_SHARE > 0) expect(result.specification.agreed).toBeGreaterThan(0);
    expect(result.cases).toBe(RUNS);
    expect(result.checked).toBeGreaterThan((RUNS * SOLVER_SHARE) / 2);
    expect(result.mutantsChecked).toBeGreaterThan(result.checked);
  }, 600_000);

  it('holds with a very large service in one case out of ten (oracle only)', async () => {
    expectHeld(await runFuzzCampaign({ runs: Math.ceil(RUNS / 10), seed: FUZZ_SEED, constraints: { catalog: { largeServiceChance: 0.1 } } }));
  }, 600_000);

  it("fails a recommender that forgets the unused set, with a small case both judges refute", async () => {
    const unchanged: Recommender = (policy, _unused, catalog, options) => ({ ...recommend(policy, { actions: new Set(), unknown: new Set(), warnings: [] }, catalog, options), warnings: [] });
    const result = await runFuzzCampaign({ runs: 200, seed: FUZZ_SEED, recommender: unchanged, pool, constraints: {} });
    const failure = result.failure!;
    expect(failure.kind).toBe('refuted');
    expect(failure.oracle.length).toBeGreaterThan(0);
    expect(failure.checker?.map((claim) => `${claim.statement}:${claim.claim}`).sort()).toEqual(failure.oracle.map((claim) => `${claim.statement}:${claim.claim}`).sort());
    expect(Object.values(failure.case.catalog).flat().length).toBeLessThanOrEqual(3);
    expect(failure.path).toMatch(/^\d+(:\d+)*$/);
    // Its seed and path replay the smallest case alone.
    const replay = await runFuzzCampaign({ runs: 200, seed: failure.seed, path: failure.path, recommender: unchanged, constraints: {} });
    expect(replay.failure?.case).toEqual(failure.case);
  }, 600_000);

  it('fails when the specification encoder and the checker disagree, with a small case and both verdict lists', async () => {
    // A wrong second encoder: it has nothing to check, so every claim holds for it.
    const wrong: SpecificationEncoder = () => Promise.resolve([]);
    const constraints = { catalog: { maxServices: 2, maxNamesPerService: 4, maxExtensionsPerService: 1 }, policy: { maxStatements: 1 } };
    const result = await runFuzzCampaign({ runs: 100, seed: FUZZ_SEED, pool, specShare: 1, specification: wrong, outputMutants: ALL_MUTANTS.filter((mutant) => mutant.name === 'drop-used-action'), constraints });
    const failure = result.failure!;
    expect(failure.kind).toBe('encoders-disagree');
    expect(failure.message).toMatch(/the specification encoder and the checker disagree: statement \d+ exact: specification absent, checker refuted/);
    expect(failure.encoders?.some((item) => item.claim === 'exact' && item.specification === 'absent' && item.checker === 'refuted')).toBe(true);
    expect(Object.values(failure.case.catalog).flat().length).toBeLessThanOrEqual(4);
  }, 600_000);

  it('kills every mutant recommender: Z3 refutes, on a small exposing case, a claim it is expected to break', async () => {
    const { results, killed, total } = await runMutationCampaign({ runs: 1000, seed: FUZZ_SEED, pool });
    console.log(`mutation score: ${killed}/${total} (${results.map((result) => `${result.name} after ${result.runs}`).join(', ')})`);
    for (const result of results) {
      expect({ name: result.name, killed: result.killed, reason: result.reason, checkerDisagrees: result.checkerDisagrees }).toEqual({ name: result.name, killed: true, reason: undefined, checkerDisagrees: false });
      expect(result.breaks).toContain(result.refuted!.claim);
    }
    expect(total).toBe(ALL_RECOMMENDER_MUTANTS.length);
  }, 600_000);
});
