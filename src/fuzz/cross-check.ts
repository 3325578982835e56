import { judge } from '../oracle/judge.js';
import type { Policy } from '../policy/types.js';
import { check } from '../prove/check.js';
import type { ClaimId } from '../prove/claims.js';
import type { Verdict } from '../prove/obligation.js';
import type { Solver } from '../prove/solver/solver.js';
import type { RefinementCase } from './refinement-case.js';

/** One claim about one statement that a judge found false. */
export interface RefutedClaim {
  readonly statement: number;
  readonly claim: ClaimId;
  /** The counterexample action or string, when there is one. */
  readonly example?: string;
  readonly explanation: string;
}

/** The claims the Z3 checker and the concrete oracle refute for one recommendation, side by side. */
export interface CrossCheck {
  readonly oracle: readonly RefutedClaim[];
  readonly checker: readonly RefutedClaim[];
  /** Claims the solver could not decide (a timeout, an unknown): never counted as proven. */
  readonly unknown: readonly string[];
  readonly obligations: number;
  /** The checker's verdict on every claim it reports (its public result, `CheckReport.claims`). */
  readonly verdicts: readonly { readonly statement: number; readonly claim: ClaimId; readonly verdict: Verdict }[];
  /** Whether both refute exactly the same claims of the same statements. */
  readonly agree: boolean;
}

/** The claims the oracle refutes for a recommendation of the case (all five unless `claims` says which). */
export function oracleRefutations(input: RefinementCase, recommended: Policy | undefined, claims?: readonly ClaimId[]): RefutedClaim[] {
  const judgement = { original: input.policy, unused: input.unused, catalog: input.catalog, recommended, granularity: input.granularity };
  return judge(judgement, claims).flatMap((result) => (result.holds ? [] : [refuted(result)]));
}

/** Judges a recommendation of the case twice, by Z3 (on the shared pool) and by the oracle. */
export async function crossCheck(input: RefinementCase, recommended: Policy | undefined, pool: Solver): Promise<CrossCheck> {
  // The oracle judges while the solver's workers take the first obligations.
  const checking = check({ original: input.policy, unused: input.unused, catalog: input.catalog, recommended, granularity: input.granularity }, { pool });
  checking.catch(() => undefined); // awaited below; this only keeps an oracle that throws from leaving it unhandled
  const oracle = oracleRefutations(input, recommended);
  const report = await checking;
  const checker = report.claims.flatMap((claim) => (claim.verdict === 'refuted' ? [refuted(claim)] : []));
  const unknown = report.claims.filter((claim) => claim.verdict === 'unknown').map((claim) => `${claimKey(claim)}: ${claim.explanation}`);
  const verdicts = report.claims.map(({ statement, claim, verdict }) => ({ statement, claim, verdict }));
  return { oracle, checker, unknown, obligations: report.obligations.length, verdicts, agree: sameKeys(oracle, checker) };
}

/** `statement:claim`, the key two judges' refutations are compared by. */
export function claimKey({ statement, claim }: { readonly statement: number; readonly claim: ClaimId }): string {
  return `${statement}:${claim}`;
}

function sameKeys(a: readonly RefutedClaim[], b: readonly RefutedClaim[]): boolean {
  const keys = (claims: readonly RefutedClaim[]): string => [...new Set(claims.map(claimKey))].sort().join(',');
  return keys(a) === keys(b);
}

function refuted(result: { readonly statement: number; readonly claim: ClaimId; readonly example?: string; readonly explanation: string }): RefutedClaim {
  const { statement, claim, example, explanation } = result;
  return example === undefined ? { statement, claim, explanation } : { statement, claim, example, explanation };
}
