import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recommendedPolicyOf } from '../../../src/policy/recommended.js';
import { check } from '../../../src/prove/check.js';
import type { CheckInput } from '../../../src/prove/context.js';
import { compareEncoders, specificationCheck } from '../../../src/prove/specification/index.js';
import { loadCases } from '../../../src/suite/load.js';
import { sharedPool } from '../_support.js';

const pool = sharedPool(2);

/**
 * The article's example on its 2024 catalog (297 actions): two wrong recommendations of
 * `proofs/article` that between them refute each of the five claims (the all-proven case is the
 * unit tests' and the campaign's).
 * The specification encoder must refute exactly the claims the case expects, and agree with the
 * checker on every claim.
 */
const CASES = ['wrong-widened', 'wrong-covered'];

describe('the specification encoder on the article', () => {
  it.each(CASES)('%s: refutes exactly the expected claims, as the checker does', async (name) => {
    const [loaded] = loadCases([fileURLToPath(new URL(`../../../proofs/article/${name}/case.json`, import.meta.url))]);
    const { spec, policy, unused, catalog, recommendation } = loaded!;
    const input: CheckInput = { original: policy, unused, catalog, recommended: recommendedPolicyOf(recommendation!.recommended, policy), granularity: spec.granularity };
    const [verdicts, report] = await Promise.all([specificationCheck(input, pool()), check(input, { pool: pool() })]);
    const refuted = verdicts.filter((item) => item.verdict === 'refuted').map((item) => `${item.statement}:${item.claim}`);
    expect(refuted).toEqual(spec.expect.refuted.map((item) => `${item.statement}:${item.claim}`));
    expect(verdicts.filter((item) => item.verdict === 'unknown')).toEqual([]);
    expect(compareEncoders(verdicts, report.claims).disagreements).toEqual([]);
  }, 120_000);
});
