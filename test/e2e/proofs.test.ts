import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogFile, loadPinnedCatalog } from '../../src/catalog/load.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import { parseUnusedEntries } from '../../src/findings/parse.js';
import { resolveUnused } from '../../src/findings/resolve.js';
import { readJsonFile } from '../../src/input/read-json.js';
import { judge } from '../../src/oracle/judge.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { parseRecommended, recommendedPolicyOf } from '../../src/policy/recommended.js';
import { check } from '../../src/prove/check.js';
import type { ClaimId } from '../../src/prove/claims.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import { recommend } from '../../src/recommend/recommend.js';

/** One regression proof suite: inputs, the recommendation to judge (or iam-refine's own), and what the checker must say. */
interface ProofCase {
  readonly description: string;
  readonly policy: string;
  readonly unused: string;
  readonly catalog: string | null;
  readonly recommended: string | null;
  readonly granularity: Granularity;
  readonly expectRecommendation?: readonly (readonly string[])[];
  readonly expect: {
    readonly verdict: 'proven' | 'refuted';
    readonly refuted: readonly { readonly statement: number; readonly claim: ClaimId; readonly example?: readonly string[] }[];
  };
}

const PROOFS = new URL('../../proofs/', import.meta.url).pathname;
const suites = readdirSync(PROOFS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

let pool: SolverPool;
beforeAll(async () => {
  pool = await SolverPool.start({ workers: 2 });
});
afterAll(async () => {
  await pool.close();
});

describe('regression proof suites (proofs/)', () => {
  it('has the suites the checker must keep answering', () => {
    expect(suites.length).toBeGreaterThanOrEqual(11);
  });

  it.each(suites)('%s', async (suite) => {
    const folder = join(PROOFS, suite);
    const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as ProofCase;
    const catalog = spec.catalog === null ? loadPinnedCatalog() : loadCatalogFile(join(folder, spec.catalog));
    const original = parsePolicy(readJsonFile(join(folder, spec.policy), 1 << 20).value, spec.policy);
    const unused = resolveUnused(parseUnusedEntries(readJsonFile(join(folder, spec.unused), 1 << 24).value, spec.unused), catalog, spec.unused);
    let recommended;
    if (spec.recommended === null) {
      const recommendation = recommend(original, unused, catalog, { granularity: spec.granularity });
      expect(recommendation.statements.map((statement) => statement.result)).toEqual(spec.expectRecommendation);
      recommended = recommendation.policy === undefined ? undefined : parsePolicy(recommendation.policy, 'recommendation');
    } else {
      recommended = recommendedPolicyOf(parseRecommended(readJsonFile(join(folder, spec.recommended), 1 << 20).value, spec.recommended), original);
    }
    const input = { original, unused, catalog, recommended, granularity: spec.granularity };
    const report = await check(input, { pool });
    const refuted = report.claims.filter((claim) => claim.verdict === 'refuted');
    expect({ verdict: report.verdict, refuted: refuted.map(({ statement, claim }) => ({ statement, claim })) }).toEqual({
      verdict: spec.expect.verdict,
      refuted: spec.expect.refuted.map(({ statement, claim }) => ({ statement, claim })),
    });
    for (const expected of spec.expect.refuted) {
      if (expected.example === undefined) continue;
      const found = refuted.find((claim) => claim.statement === expected.statement && claim.claim === expected.claim)!;
      expect(expected.example).toContain(found.example);
    }
    // The independent oracle refutes exactly the same claims.
    const oracle = judge(input).filter((result) => !result.holds);
    expect(oracle.map(({ statement, claim }) => ({ statement, claim }))).toEqual(refuted.map(({ statement, claim }) => ({ statement, claim })));
  });
});
