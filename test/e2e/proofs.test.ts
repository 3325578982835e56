import { describe, expect, it } from 'vitest';
import { judge } from '../../src/oracle/judge.js';
import { recommendedPolicyOf } from '../../src/policy/recommended.js';
import { recommend } from '../../src/recommend/recommend.js';
import { findCaseFiles } from '../../src/suite/discover.js';
import { loadCases } from '../../src/suite/load.js';
import { proveCases } from '../../src/suite/run.js';
import { sharedPool } from '../prove/_support.js';

/**
 * The article's suite (`proofs/article`): iam-refine's own recommendations equal their snapshots
 * and are proven; each given wrong recommendation is refuted on exactly the expected claims, with
 * the expected counterexample; and the independent oracle refutes the same claims. The corpus
 * suite runs in `.ci/run` (`iam-refine prove proofs`) and, on a sample, in test/cli/prove-suites.test.ts.
 */
const ARTICLE_SUITE = new URL('../../proofs/article', import.meta.url).pathname;
const cases = loadCases(findCaseFiles([ARTICLE_SUITE]));

const pool = sharedPool(2);

describe('the article suite (proofs/article)', () => {
  it('holds the cases the checker must keep answering: two own recommendations and nine given ones', () => {
    expect(cases.map((loaded) => loaded.spec.subject.kind).sort()).toEqual([...Array<string>(9).fill('given'), 'snapshot', 'snapshot']);
  });

  it('passes every case: snapshots equal, verdicts and counterexamples as expected', async () => {
    const results = await proveCases(cases, { recommender: recommend, pool: pool(), update: false });
    expect(results.map((result) => ({ id: result.spec.id, status: result.status, problems: result.problems, snapshot: result.snapshot }))).toEqual(
      cases.map((loaded) => ({ id: loaded.spec.id, status: 'passed', problems: [], snapshot: loaded.spec.subject.kind === 'given' ? 'given' : 'equal' })),
    );
    expect(results.filter((result) => result.judged?.verdict === 'refuted')).toHaveLength(8);
  });

  it.each(cases.filter((loaded) => loaded.spec.subject.kind === 'given').map((loaded) => [loaded.spec.id, loaded] as const))('%s: the oracle refutes exactly the expected claims', (_, loaded) => {
    const recommended = recommendedPolicyOf(loaded.recommendation!.recommended, loaded.policy);
    const oracle = judge({ original: loaded.policy, unused: loaded.unused, catalog: loaded.catalog, recommended, granularity: loaded.spec.granularity }).filter((result) => !result.holds);
    expect(oracle.map(({ statement, claim }) => ({ statement, claim }))).toEqual(loaded.spec.expect.refuted.map(({ statement, claim }) => ({ statement, claim })));
  });
});
