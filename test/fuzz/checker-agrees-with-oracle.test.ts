import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_MUTANTS } from '../../src/fuzz/mutants/all-mutants.js';
import { refinementCaseArbitrary, type RefinementCase } from '../../src/fuzz/refinement-case-arbitrary.js';
import { chooserFrom } from '../../src/fuzz/_internals/random.js';
import type { JsonObject } from '../../src/input/json.js';
import { judge } from '../../src/oracle/judge.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { check } from '../../src/prove/check.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import { fuzzParameters } from './_support/fuzz-parameters.js';
import { refineCase } from './_support/refine-case.js';

/** Property runs; each checks iam-refine's recommendation and every mutant that applies to it. */
const RUNS = Number(process.env.FUZZ_CHECKER_RUNS ?? 700);

let pool: SolverPool;
beforeAll(async () => {
  pool = await SolverPool.start({ workers: 2 });
});
afterAll(async () => {
  await pool.close();
});

/** The claims refuted, as `statement:claim`, by the Z3 checker and by the concrete oracle. */
async function verdicts(input: RefinementCase, recommended: JsonObject | undefined): Promise<{ checker: string[]; oracle: string[]; unknown: string[] }> {
  const judgement = {
    original: input.policy,
    unused: input.unused,
    catalog: input.catalog,
    recommended: recommended === undefined ? undefined : parsePolicy(recommended, 'recommended.json'),
    granularity: input.granularity,
  };
  const report = await check(judgement, { pool });
  const key = ({ statement, claim }: { statement: number; claim: string }): string => `${statement}:${claim}`;
  return {
    checker: report.claims.filter((claim) => claim.verdict === 'refuted').map(key).sort(),
    oracle: judge(judgement).filter((result) => !result.holds).map(key).sort(),
    unknown: report.claims.filter((claim) => claim.verdict === 'unknown').map((claim) => `${key(claim)}: ${claim.explanation}`),
  };
}

/**
 * The differential target of the checker: on random catalogs, iam-refine's recommendation is
 * proven, and the concrete oracle (plain enumeration, written apart from the solver encoding)
 * refutes exactly the claims Z3 refutes, for the correct recommendation and for every
 * deliberately broken one. No answer may be unknown.
 */
describe('the Z3 checker agrees with the concrete oracle', () => {
  it('on iam-refine recommendations and on every mutant of them', async () => {
    let checked = 0;
    const refutedByMutants = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(refinementCaseArbitrary({ policy: { distinctSids: true } }), fc.nat(), async (input, seed) => {
        const recommendation = refineCase(input);
        const own = await verdicts(input, recommendation.policy);
        checked++;
        expect(own).toEqual({ checker: [], oracle: [], unknown: [] });
        if (recommendation.policy === undefined) return;
        for (const mutant of ALL_MUTANTS) {
          const mutation = mutant.apply({ original: input.policy, recommended: recommendation.policy, catalog: input.catalog, unused: input.unused, granularity: input.granularity, choose: chooserFrom(seed) });
          if (mutation === undefined) continue;
          const broken = await verdicts(input, mutation.recommended);
          checked++;
          expect(broken.unknown, mutation.change).toEqual([]);
          expect(broken.checker, mutation.change).toEqual(broken.oracle);
          expect(broken.checker.some((key) => key.endsWith(`:${mutant.breaks}`)), mutation.change).toBe(true);
          refutedByMutants.set(mutant.name, (refutedByMutants.get(mutant.name) ?? 0) + 1);
        }
      }),
      fuzzParameters(RUNS),
    );
    console.log(`checker vs oracle: ${checked} recommendations checked (${RUNS} iam-refine, the rest mutants: ${JSON.stringify(Object.fromEntries(refutedByMutants))})`);
    // Every mutant must have been exercised, or its claim is untested here.
    expect([...refutedByMutants.keys()].sort()).toEqual(ALL_MUTANTS.map((mutant) => mutant.name).sort());
    // About two minutes on two cores: several thousand recommendations through Z3.
  }, 600_000);
});
