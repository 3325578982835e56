import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzReportJson, type FuzzReport } from '../../src/fuzz/campaign-report.js';
import { runFuzzCampaign, type FuzzCampaignOptions } from '../../src/fuzz/fuzz-campaign.js';
import { runMutationCampaign } from '../../src/fuzz/mutation-campaign.js';
import { ALL_RECOMMENDER_MUTANTS } from '../../src/fuzz/recommender-mutants/all-recommender-mutants.js';
import { fuzzIdentity, mergeFuzzReports, readFuzzReport } from '../../src/fuzz/shard.js';
import type { JsonObject } from '../../src/input/json.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import type { Recommender } from '../../src/recommend/recommender.js';
import { recommend } from '../../src/recommend/recommend.js';
import { runRange, shardPositions } from '../../src/shard/split.js';
import { FUZZ_SEED } from './_support/fuzz-parameters.js';

let pool: SolverPool;
beforeAll(async () => {
  pool = await SolverPool.start({ workers: 2 });
});
afterAll(async () => {
  await pool.close();
});

const RUNS = 40;
const IDENTITY = fuzzIdentity({ runs: RUNS, seed: FUZZ_SEED, recommender: 'test', granularity: 'both', solverShare: 0.08, specShare: 0, largeServices: false, mutantRuns: 200, timeoutMs: 20_000, solver: 'wasm' });

/** A report as `fuzz --format json` prints it, read back as `merge` reads it. */
const asRead = (report: FuzzReport, file: string) => readFuzzReport(JSON.parse(JSON.stringify(fuzzReportJson(report))) as JsonObject, file);

/** Without its times: the campaign is otherwise a function of its options. */
const timeless = (report: FuzzReport): string => JSON.stringify(fuzzReportJson(report), (key, value: unknown) => (key.endsWith('Ms') ? undefined : value));

/** The campaign, whole and as `count` shards run one by one and merged. */
async function wholeAndMerged(options: Omit<FuzzCampaignOptions, 'runs'>, count: number, mutants: boolean): Promise<{ whole: string; merged: string; cases: number }> {
  const mutation = async (shard?: { index: number; count: number }) => {
    if (!mutants) return {};
    const positions = shard === undefined ? undefined : new Set(shardPositions(ALL_RECOMMENDER_MUTANTS.map((mutant) => ({ id: mutant.name, cost: 1 })), shard));
    const chosen = ALL_RECOMMENDER_MUTANTS.filter((_, at) => positions === undefined || positions.has(at));
    return { mutation: await runMutationCampaign({ runs: 200, seed: FUZZ_SEED, pool, mutants: chosen }) };
  };
  const campaign = await runFuzzCampaign({ ...options, runs: RUNS });
  const whole: FuzzReport = { recommender: 'test', granularity: 'both', campaign, ...(await mutation()), identity: IDENTITY };
  const shards = [];
  for (let index = count; index >= 1; index--) {
    const { first, count: runs } = runRange(RUNS, { index, count });
    const share = await runFuzzCampaign({ ...options, runs, firstRun: first });
    const positions = Array.from({ length: runs }, (_, at) => first + at);
    shards.push(asRead({ recommender: 'test', granularity: 'both', campaign: share, ...(await mutation({ index, count })), identity: IDENTITY, shard: { index, count, positions } }, `shard-${index}.json`));
  }
  return { whole: timeless(whole), merged: timeless(mergeFuzzReports(shards).report), cases: campaign.cases };
}

describe('a sharded fuzz campaign', () => {
  it('merged, is the unsharded campaign for a fixed seed: the same cases, Z3 checks, broken outputs and mutants', async () => {
    const { whole, merged, cases } = await wholeAndMerged({ seed: FUZZ_SEED, pool, solverShare: 0.08, constraints: {} }, 3, true);
    expect(cases).toBe(RUNS);
    expect(JSON.parse(whole).campaign.checked).toBeGreaterThan(0);
    expect(merged).toBe(whole);
  }, 300_000);

  it("stops where the unsharded campaign stops: the first failure, shrunk alike, with the campaign's path", async () => {
    // Wrong only on policies of three statements or more: the first failure comes some runs in.
    const sometimes: Recommender = (policy, unused, catalog, options) =>
      policy.statements.length >= 3 ? { ...recommend(policy, { actions: new Set(), unknown: new Set(), warnings: [] }, catalog, options), warnings: [] } : recommend(policy, unused, catalog, options);
    const { whole, merged, cases } = await wholeAndMerged({ seed: FUZZ_SEED, recommender: sometimes, constraints: {} }, 20, false);
    // The failure is past the first shard's runs, or the test would not show the shards joined.
    expect(cases).toBeGreaterThan(RUNS / 20);
    expect(JSON.parse(whole).campaign.failure.kind).toBe('refuted');
    expect(merged).toBe(whole);
  }, 300_000);
});
