import fc from 'fast-check';
import type { JsonObject } from '../input/json.js';
import type { ClaimId } from '../prove/claims.js';
import type { Solver } from '../prove/solver/solver.js';
import { crossCheck, oracleRefutations, type RefutedClaim } from './cross-check.js';
import { parseRecommendedPolicy } from '../policy/recommended.js';
import { ALL_RECOMMENDER_MUTANTS } from './recommender-mutants/all-recommender-mutants.js';
import type { RecommenderMutant } from './recommender-mutants/recommender-mutant.js';
import { refinementCaseArbitrary, type RefinementCaseConstraints } from './refinement-case-arbitrary.js';
import { refinementCaseJson, type RefinementCase, type RefinementCaseJson } from './refinement-case.js';

export interface MutationCampaignOptions {
  /** At most this many random cases per mutant to find one that exposes it. */
  readonly runs: number;
  readonly seed: number;
  /** The pool Z3 checks each exposing case on (the caller starts and closes it). */
  readonly pool: Solver;
  readonly mutants?: readonly RecommenderMutant[];
  readonly constraints?: RefinementCaseConstraints;
  /** Called as each mutant is settled. */
  readonly onMutant?: (result: MutantResult) => void;
}

export interface MutantResult {
  readonly name: string;
  readonly bug: string;
  readonly breaks: readonly ClaimId[];
  /** Whether Z3 refuted, on the exposing case, a claim the mutant is expected to break, agreeing with the oracle. */
  readonly killed: boolean;
  /** Why it was not killed (never exposed, or exposed but not refuted as expected). */
  readonly reason?: string;
  /** The random cases tried until one exposed it. */
  readonly runs: number;
  /** The smallest exposing case, as the CLI's input files and the granularity. */
  readonly case?: RefinementCaseJson;
  /** The mutant's (wrong) recommended policy for that case; absent for a detach. */
  readonly recommended?: JsonObject;
  /** The claim Z3 refuted, as expected. */
  readonly refuted?: RefutedClaim;
  /** Everything Z3 and the oracle refuted on that case. */
  readonly checker?: readonly RefutedClaim[];
  readonly oracle?: readonly RefutedClaim[];
  /** Z3 and the oracle refuted different claims: a checker bug. */
  readonly checkerDisagrees: boolean;
}


export interface MutationCampaignResult {
  readonly seed: number;
  readonly results: readonly MutantResult[];
  readonly killed: number;
  readonly total: number;
}

/**
 * The mutation campaign: for each mutant recommender, random cases until the oracle (cheap)
 * finds one on which its output breaks a claim it is expected to break; fast-check shrinks that
 * case; then Z3 checks the mutant's output on the shrunk case and must refute an expected claim,
 * agreeing with the oracle on every claim. The mutation score is killed / total.
 */
export async function runMutationCampaign(options: MutationCampaignOptions): Promise<MutationCampaignResult> {
  // Small catalogs by default: an exposing case is read by people.
  const arbitrary = refinementCaseArbitrary(options.constraints ?? {});
  const results: MutantResult[] = [];
  for (const mutant of options.mutants ?? ALL_RECOMMENDER_MUTANTS) {
    const result = await hunt(mutant, arbitrary, options);
    results.push(result);
    options.onMutant?.(result);
  }
  return { seed: options.seed, results, killed: results.filter((result) => result.killed).length, total: results.length };
}

async function hunt(mutant: RecommenderMutant, arbitrary: fc.Arbitrary<RefinementCase>, { runs, seed, pool }: MutationCampaignOptions): Promise<MutantResult> {
  const base = { name: mutant.name, bug: mutant.bug, breaks: mutant.breaks, checkerDisagrees: false };
  const details = fc.check(
    fc.property(arbitrary, (input) => exposingOutput(mutant, input) === undefined),
    { seed, numRuns: runs },
  );
  if (!details.failed || details.counterexample === null) {
    return { ...base, killed: false, runs: details.numRuns, reason: `no exposing case in ${details.numRuns} runs` };
  }
  const [input] = details.counterexample;
  const exposed = { runs: details.numRuns, case: refinementCaseJson(input) };
  const recommended = exposingOutput(mutant, input)!.recommended;
  const cross = await crossCheck(input, parseRecommendedPolicy(recommended), pool);
  const refuted = cross.checker.find((claim) => mutant.breaks.includes(claim.claim));
  const outcome = { ...exposed, ...(recommended === undefined ? {} : { recommended }), checker: cross.checker, oracle: cross.oracle, checkerDisagrees: !cross.agree };
  if (!cross.agree) return { ...base, ...outcome, killed: false, reason: 'Z3 and the oracle refute different claims (a checker bug)' };
  if (refuted === undefined) return { ...base, ...outcome, killed: false, reason: cross.unknown.length > 0 ? `Z3 could not decide: ${cross.unknown.join('; ')}` : 'Z3 refuted none of the expected claims' };
  return { ...base, ...outcome, killed: true, refuted };
}

/** The mutant's output for the case when the oracle finds it breaks an expected claim; a mutant that throws exposes nothing. */
function exposingOutput(mutant: RecommenderMutant, input: RefinementCase): { recommended: JsonObject | undefined } | undefined {
  try {
    const recommended = mutant.recommend(input.policy, input.unused, input.catalog, { granularity: input.granularity }).policy;
    return oracleRefutations(input, parseRecommendedPolicy(recommended), mutant.breaks).length > 0 ? { recommended } : undefined;
  } catch {
    return undefined;
  }
}
