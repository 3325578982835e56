import type { CatalogIdentity } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import { CLAIMS, type ClaimId } from './claims.js';
import type { CheckInput } from './context.js';
import { verdictOf, witnessesOf, type Obligation, type Outcome, type StructuralResult, type Verdict } from './obligation.js';
import { planBatches, type Plan } from './plan.js';
import { statementFates, type StatementFate } from './statement-fates.js';
import { SolverPool, type SolverPoolOptions } from './solver/pool.js';
import type { Solver } from './solver/solver.js';

export interface ObligationResult {
  readonly obligation: Obligation;
  readonly outcome: Outcome;
  readonly verdict: Verdict;
  /** Why a verdict is unknown (a timeout, a witness that failed replay). */
  readonly note?: string;
  /** The witnesses as reports print them: in the catalog's spelling. */
  readonly witnesses?: readonly string[];
}

/** One claim about one statement, with what decided it. */
export interface ClaimVerdict {
  readonly claim: ClaimId;
  readonly statement: number;
  readonly verdict: Verdict;
  readonly obligations: number;
  /** For a refutation: the counterexample action or string, or the pattern at fault. */
  readonly example?: string;
  readonly explanation: string;
}

export interface CheckReport {
  readonly verdict: Verdict;
  readonly claims: readonly ClaimVerdict[];
  /** What the recommendation made of each original statement, for reports to name and explain. */
  readonly statements: readonly StatementFate[];
  readonly obligations: readonly ObligationResult[];
  readonly structural: readonly StructuralResult[];
  readonly solver: string;
  readonly workers: number;
  readonly catalog: CatalogIdentity;
  readonly granularity: Granularity;
  readonly timeMs: number;
  /** The claims left out on request (`check --claims`): never proven, never refuted; absent when all five were asked. */
  readonly notAsked?: readonly ClaimId[];
}

export interface CheckOptions extends SolverPoolOptions {
  /** A running pool to reuse (the caller closes it); otherwise one is started and closed. */
  readonly pool?: Solver;
  /** Only these claims (default: all five); the report names the others as not asked. */
  readonly claims?: readonly ClaimId[];
}

/**
 * The checker: plans the obligations of any recommendation (it never calls the recommender),
 * solves them with Z3 in parallel, replays every witness concretely, and sums up per claim.
 */
export async function check(input: CheckInput, options: CheckOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const pool = options.pool ?? (await SolverPool.start(options));
  try {
    const { plan, results } = await planAndSolve(input, pool, options.claims);
    const report = summarize(input, plan, results, pool, performance.now() - started);
    const notAsked = options.claims === undefined ? [] : CLAIMS.filter((claim) => !options.claims!.includes(claim.id)).map((claim) => claim.id);
    return notAsked.length === 0 ? report : { ...report, notAsked };
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}

/**
 * Plans the obligations and solves them, handing each batch to the pool as soon as it is
 * planned: on a big policy, planning takes as long as solving on one worker, and the workers
 * would otherwise wait for all of it.
 */
async function planAndSolve(input: CheckInput, pool: Solver, claims?: readonly ClaimId[]): Promise<{ plan: Plan; results: ObligationResult[] }> {
  const obligations: Obligation[] = [];
  const structural: StructuralResult[] = [];
  const pending: Promise<ObligationResult>[] = [];
  for (const batch of planBatches(input, claims)) {
    obligations.push(...batch.obligations);
    structural.push(...batch.structural);
    pending.push(...batch.obligations.map((obligation) => solveOne(obligation, pool)));
    // Let the pool hand the next queued obligation to a worker that has finished.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { plan: { obligations, structural }, results: await Promise.all(pending) };
}

export async function solvePlan(plan: Plan, pool: Solver): Promise<ObligationResult[]> {
  return Promise.all(plan.obligations.map((obligation) => solveOne(obligation, pool)));
}

async function solveOne(obligation: Obligation, pool: Solver): Promise<ObligationResult> {
  const outcome = await pool.solve(obligation.script, obligation.witnesses);
  return { obligation, outcome, ...verdictOf(obligation, outcome) };
}

export function summarize(input: CheckInput, plan: Plan, results: readonly ObligationResult[], pool: { version: string; workers: number }, timeMs: number): CheckReport {
  // Witnesses and counterexamples are reported in the catalog's spelling; the solver's are lower case.
  const spell = (action: string): string => input.catalog.canonical(action) ?? action;
  const spelled = results.map((result) => {
    const witnesses = witnessesOf(result.obligation, result.outcome);
    return witnesses === undefined ? result : { ...result, witnesses: witnesses.map(spell) };
  });
  const claims = claimVerdicts(spelled, plan.structural.map((result) => (result.example === undefined ? result : { ...result, example: spell(result.example) })), spell);
  return {
    verdict: overall(claims.map((claim) => claim.verdict)),
    claims,
    statements: statementFates(input),
    obligations: spelled,
    structural: plan.structural,
    solver: pool.version,
    workers: pool.workers,
    catalog: input.catalog.identity,
    granularity: input.granularity,
    timeMs,
  };
}

export function overall(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('refuted')) return 'refuted';
  return verdicts.includes('unknown') ? 'unknown' : 'proven';
}

/** Claims in statement order, then in the order of `CLAIMS`; a claim with nothing to check is left out. */
function claimVerdicts(results: readonly ObligationResult[], structural: readonly StructuralResult[], spell: (action: string) => string): ClaimVerdict[] {
  const keys = new Map<string, { claim: ClaimId; statement: number }>();
  for (const { claim, statement } of [...results.map((result) => result.obligation), ...structural]) keys.set(`${statement}:${claim}`, { claim, statement });
  const order = (claim: ClaimId): number => CLAIMS.findIndex((info) => info.id === claim);
  return [...keys.values()]
    .sort((a, b) => a.statement - b.statement || order(a.claim) - order(b.claim))
    .map(({ claim, statement }) => {
      const own = results.filter((result) => result.obligation.claim === claim && result.obligation.statement === statement);
      const decided = structural.filter((result) => result.claim === claim && result.statement === statement);
      const refutedStructure = decided.find((result) => !result.holds);
      const refuted = own.find((result) => result.verdict === 'refuted');
      const unknown = own.find((result) => result.verdict === 'unknown');
      const count = own.length;
      if (refutedStructure !== undefined) return { claim, statement, verdict: 'refuted', obligations: count, ...exampleOf(refutedStructure.example), explanation: refutedStructure.explanation };
      if (refuted !== undefined) {
        const { example, explanation } = refuted.obligation.refutation(refuted.outcome.witnesses ?? []);
        return { claim, statement, verdict: 'refuted', obligations: count, ...exampleOf(example === undefined ? undefined : spell(example)), explanation };
      }
      if (unknown !== undefined) return { claim, statement, verdict: 'unknown', obligations: count, explanation: `${unknown.obligation.id}: ${unknown.note ?? unknown.outcome.status}` };
      const existence = own.find((result) => result.obligation.expected === 'sat' || result.obligation.namedWitnesses !== undefined);
      const witness = existence?.witnesses?.[0];
      return { claim, statement, verdict: 'proven', obligations: count, ...exampleOf(witness), explanation: decided[0]?.explanation ?? `${count} obligation${count === 1 ? '' : 's'} proven` };
    });
}

function exampleOf(example: string | undefined): { example?: string } {
  return example === undefined ? {} : { example };
}
