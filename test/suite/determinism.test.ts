import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SolverPool } from '../../src/prove/solver/pool.js';
import { recommend } from '../../src/recommend/recommend.js';
import { loadCases, type LoadedCase } from '../../src/suite/load.js';
import { caseJson } from '../../src/suite/report-json.js';
import { proveCases } from '../../src/suite/run.js';

/**
 * Jobs change nothing but time, on a sample of the corpus suite: one case for each reason a
 * policy was selected (famous, NotAction, Deny, inner wildcard, Condition, service:*, many
 * services, largest, seeded draw) and one of each other kind of unused set and granularity,
 * each of median cost among the cheap ones. The whole corpus is compared, jobs 1 against jobs 2,
 * by `npx tsx bench/prove-suite.ts`; every CI run compares each recommendation with its snapshot.
 */
const SAMPLE = [
  'SecurityAudit.random',
  'SageMakerStudioProjectUserRolePermissionsBoundary.random',
  'AWSCertificateManagerPrivateCAUser.random',
  'AmazonAugmentedAIIntegratedAPIAccess.random',
  'AmazonMonitronFullAccess.random',
  'IVSFullAccess.random',
  'AWS_ConfigRole.random',
  'AWSSupportServiceRolePolicy.random',
  'ROSAControlPlaneOperatorPolicy.random',
  'ElasticLoadBalancingFullAccess.services',
  'AmazonCloudWatchRUMReadOnlyAccess.none',
  'AWSFMAdminFullAccess.all',
  'AWSDataExchangeDataGrantOwnerFullAccess.random.char',
];
const SUITE = fileURLToPath(new URL('../../proofs/corpus/', import.meta.url));
const cases = loadCases(SAMPLE.map((name) => join(SUITE, name, 'case.json')));

/** The JSON report of each case without its times. */
async function reportsWith(jobs: number, sample: readonly LoadedCase[]): Promise<string[]> {
  const pool = await SolverPool.start({ workers: jobs });
  try {
    const results = await proveCases(sample, { recommender: recommend, pool, update: false });
    return results.map((result) => JSON.stringify(caseJson(result), (key, value: unknown) => (key.endsWith('Ms') ? undefined : value), 2));
  } finally {
    await pool.close();
  }
}

describe('prove on a sample of the corpus', () => {
  it('passes every case, and gives the same reports with 1 job and with 2', async () => {
    const one = await reportsWith(1, cases);
    const two = await reportsWith(2, cases);
    expect(one.map((report) => (JSON.parse(report) as { status: string; snapshot: string }).status)).toEqual(SAMPLE.map(() => 'passed'));
    expect(two).toEqual(one);
  });
});
