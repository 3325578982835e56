import fc from 'fast-check';
import type { JsonObject } from '../input/json.js';
import type { Policy } from '../policy/types.js';
import { claimInfo } from '../prove/claims.js';
import { memoizedSolver } from '../prove/solver/memoized.js';
import type { Solver } from '../prove/solver/solver.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommender } from '../recommend/recommender.js';
import { claimKey, crossCheck, oracleRefutations, type CrossCheck, type RefutedClaim } from './cross-check.js';
import { encoderCheck, specificationApplies, type SpecificationEncoder } from './encoder-check.js';
import { comparisonText, type ClaimComparison } from '../prove/specification/index.js';
import { parseRecommendedPolicy } from '../policy/recommended.js';
import { ALL_MUTANTS } from './mutants/all-mutants.js';
import type { Mutant } from './mutants/mutant.js';
import { refinementCaseArbitrary, type RefinementCaseConstraints } from './refinement-case-arbitrary.js';
import { refinementCaseJson, type RefinementCase, type RefinementCaseJson } from './refinement-case.js';
import { chooserFrom } from './_internals/random.js';

/** The random cases of a campaign: the property targets' generators, with a very large service now and then. */
export const CAMPAIGN_CONSTRAINTS: RefinementCaseConstraints = { catalog: { largeServiceChance: 0.02 } };

export interface FuzzCampaignOptions {
  readonly runs: number;
  readonly seed: number;
  /**
   * The index of the first run (default 0): a shard's share of a campaign is its runs
   * `firstRun`..`firstRun + runs - 1`, drawn exactly as the whole campaign draws them.
   */
  readonly firstRun?: number;
  /** The recommender under test; iam-refine's `recommend` by default. */
  readonly recommender?: Recommender;
  /** The Z3 pool every check shares (the caller starts and closes it); without one, the oracle alone judges. */
  readonly pool?: Solver;
  /** The share of cases, from 0 to 1, that Z3 checks besides the oracle. Default 1. */
  readonly solverShare?: number;
  /**
   * The share of the cases Z3 checks, from 0 to 1, that the specification encoder checks too
   * (their correct output and its broken versions), where the catalog is small (under
   * `SPECIFICATION_CATALOG_LIMIT` actions). Default 0.
   */
  readonly specShare?: number;
  /** The encoder the checker is compared with; the specification encoder by default (tests give a wrong one). */
  readonly specification?: SpecificationEncoder;
  /** Broken versions of each correct output that Z3 and the oracle must also agree on. Default: every output mutant. */
  readonly outputMutants?: readonly Mutant[];
  readonly constraints?: RefinementCaseConstraints;
  /** A failure's fast-check path (with its seed): replays that case alone. */
  readonly path?: string;
  /** Called after each case of the run (not for the shrinking steps after a failure). */
  readonly onCase?: (progress: CaseProgress) => void;
}

export interface CaseProgress {
  readonly index: number;
  readonly checked: boolean;
  readonly failed: boolean;
}

/**
 * What went wrong on a case. `recommender-error`: it threw or refused; `invalid-output`: its
 * policy does not parse; `refuted`: a claim is false; `checker-disagrees`: Z3 and the oracle
 * refute different claims (a checker bug, whoever the recommender is); `encoders-disagree`: the
 * checker and the specification encoder decide a claim differently (a bug in one of the two
 * encoders); `unknown`: Z3 could not decide a claim.
 */
export type FailureKind = 'recommender-error' | 'invalid-output' | 'refuted' | 'checker-disagrees' | 'encoders-disagree' | 'unknown';

export interface CampaignFailure {
  readonly kind: FailureKind;
  readonly message: string;
  /** The smallest case fast-check shrank the failure to, as the CLI's input files and the granularity. */
  readonly case: RefinementCaseJson;
  /** The recommended policy the recommender gave for it (absent when it gave none). */
  readonly recommended?: JsonObject;
  readonly oracle: readonly RefutedClaim[];
  /** Z3's refutations of the shrunk case, when a pool was given. */
  readonly checker?: readonly RefutedClaim[];
  /** For `encoders-disagree`: both encoders' verdicts on every claim of the output they disagree on. */
  readonly encoders?: readonly ClaimComparison[];
  /** fast-check's seed and path: `fc.assert(..., { seed, path })` replays the failure. */
  readonly seed: number;
  readonly path: string;
}

export interface FuzzCampaignResult {
  readonly seed: number;
  readonly runs: number;
  /** For a shard's share: the index of its first run. */
  readonly firstRun?: number;
  /** Cases judged before the campaign ended (all `runs`, or up to the first failure). */
  readonly cases: number;
  /** Of those, the cases Z3 checked as well. */
  readonly checked: number;
  readonly obligations: number;
  /** Broken outputs Z3 and the oracle were compared on. */
  readonly mutantsChecked: number;
  /** The specification encoder beside the checker. */
  readonly specification: SpecificationCounts;
  readonly failure?: CampaignFailure;
}

/** How often the specification encoder and the checker agreed. */
export interface SpecificationCounts {
  /** Cases the specification encoder judged (their correct output, and its broken versions). */
  readonly cases: number;
  /** Outputs judged, correct and broken. */
  readonly outputs: number;
  /** (statement, claim) verdicts compared. */
  readonly claims: number;
  readonly agreed: number;
  /** Compared verdicts that one side or both left unknown (neither an agreement nor a disagreement). */
  readonly undecided: number;
}

/** One case judged: what failed, if anything. */
interface CaseOutcome {
  readonly failure?: { readonly kind: FailureKind; readonly message: string };
  readonly recommended?: JsonObject;
  readonly oracle: readonly RefutedClaim[];
  readonly checker?: readonly RefutedClaim[];
  readonly encoders?: readonly ClaimComparison[];
  readonly obligations: number;
  readonly mutantsChecked: number;
  readonly specification: SpecificationCounts;
}

const NO_SPECIFICATION: SpecificationCounts = { cases: 0, outputs: 0, claims: 0, agreed: 0, undecided: 0 };

/**
 * The cross-checking campaign: on random cases, the recommender recommends, the concrete oracle
 * judges all five claims, and Z3 checks a share of them (and broken versions of each correct
 * output) and must refute exactly what the oracle refutes. The first failure is shrunk by
 * fast-check to a small case, which is reported with both judges' refutations.
 */
export async function runFuzzCampaign(options: FuzzCampaignOptions): Promise<FuzzCampaignResult> {
  const { runs, seed, solverShare = 1, specShare = 0, onCase, firstRun = 0 } = options;
  // A broken output shares most scripts with the correct one: each is solved once.
  const pool = options.pool === undefined ? undefined : memoizedSolver(options.pool);
  // A shard of more shards than runs has none.
  if (runs === 0) return { seed, runs, ...(firstRun > 0 ? { firstRun } : {}), cases: 0, checked: 0, obligations: 0, mutantsChecked: 0, specification: { ...NO_SPECIFICATION } };
  const judgeCase = caseJudge(options.recommender ?? recommend, pool, options.outputMutants ?? ALL_MUTANTS, options.specification);
  const draw = fc.noBias(fc.integer({ min: 0, max: 999 }));
  // The specification draw comes last, so that the cases of a seed are the same with any share.
  const arbitrary = fc.tuple(refinementCaseArbitrary(options.constraints ?? CAMPAIGN_CONSTRAINTS), draw, fc.nat(), draw);
  const totals = { cases: 0, checked: 0, obligations: 0, mutantsChecked: 0 };
  const specification = { ...NO_SPECIFICATION };
  // Set by the first failure: fast-check shrinks it from then on.
  let firstFailure: FailureKind | undefined;
  const property = fc.asyncProperty(arbitrary, async ([input, solverDraw, mutantSeed, specDraw]) => {
    // While a failure shrinks, Z3 checks every step of a failure only Z3 saw, and none of a failure
    // the oracle saw (the smallest case is checked once, below); the specification encoder every
    // step of a disagreement between the encoders.
    const solverFailure = firstFailure === 'checker-disagrees' || firstFailure === 'encoders-disagree' || firstFailure === 'unknown';
    const withSolver = pool !== undefined && (firstFailure === undefined ? solverDraw < solverShare * 1000 : solverFailure);
    const withSpec = withSolver && specificationApplies(input.catalog) && (firstFailure === undefined ? specDraw < specShare * 1000 : firstFailure === 'encoders-disagree');
    const outcome = await judgeCase(input, withSolver, mutantSeed, withSpec);
    if (firstFailure === undefined) {
      totals.cases++;
      if (withSolver) totals.checked++;
      totals.obligations += outcome.obligations;
      totals.mutantsChecked += outcome.mutantsChecked;
      for (const key of ['cases', 'outputs', 'claims', 'agreed', 'undecided'] as const) specification[key] += outcome.specification[key];
      onCase?.({ index: totals.cases - 1, checked: withSolver, failed: outcome.failure !== undefined });
      firstFailure = outcome.failure?.kind;
    }
    return outcome.failure === undefined;
  });
  // fast-check draws run k from the seed's k-th jump whatever came before, and a path of one
  // number starts there and still runs numRuns cases: a share draws exactly the campaign's runs,
  // and the path of its failure counts from the campaign's first run.
  const path = options.path ?? (firstRun > 0 ? String(firstRun) : undefined);
  const details = await fc.check(property, { seed, numRuns: runs, ...(path === undefined ? {} : { path }) });
  const base = { seed, runs, ...(firstRun > 0 ? { firstRun } : {}), ...totals, specification };
  if (!details.failed || details.counterexample === null) return base;
  const [input, , mutantSeed] = details.counterexample[0];
  // The shrunk case once more, with Z3 whenever there is a pool (and the specification encoder for its own failure), for the report.
  const outcome = await judgeCase(input, pool !== undefined, mutantSeed, pool !== undefined && firstFailure === 'encoders-disagree' && specificationApplies(input.catalog));
  const failure: CampaignFailure = {
    kind: outcome.failure?.kind ?? 'refuted',
    message: outcome.failure?.message ?? String(details.errorInstance ?? 'the property failed'),
    case: refinementCaseJson(input),
    ...(outcome.recommended === undefined ? {} : { recommended: outcome.recommended }),
    oracle: outcome.oracle,
    ...(outcome.checker === undefined ? {} : { checker: outcome.checker }),
    ...(outcome.encoders === undefined ? {} : { encoders: outcome.encoders }),
    seed: details.seed,
    path: details.counterexamplePath ?? '',
  };
  return { ...base, failure };
}

function caseJudge(recommender: Recommender, pool: Solver | undefined, outputMutants: readonly Mutant[], encoder: SpecificationEncoder | undefined) {
  return async (input: RefinementCase, withSolver: boolean, mutantSeed: number, withSpec = false): Promise<CaseOutcome> => {
    const none = { obligations: 0, mutantsChecked: 0, specification: NO_SPECIFICATION };
    let recommended: JsonObject | undefined;
    try {
      recommended = recommender(input.policy, input.unused, input.catalog, { granularity: input.granularity }).policy;
    } catch (error) {
      return { failure: { kind: 'recommender-error', message: `the recommender failed: ${messageOf(error)}` }, oracle: [], ...none };
    }
    const kept = recommended === undefined ? {} : { recommended };
    let parsed: Policy | undefined;
    try {
      parsed = parseRecommendedPolicy(recommended);
    } catch (error) {
      return { failure: { kind: 'invalid-output', message: `the recommended policy is not a valid policy: ${messageOf(error)}` }, ...kept, oracle: [], ...none };
    }
    const oracle = oracleRefutations(input, parsed);
    const refutedMessage = oracle.length === 0 ? undefined : `the recommendation breaks ${oracle.map(describeRefuted).join('; ')}`;
    if (!withSolver || pool === undefined) {
      return { ...(refutedMessage === undefined ? {} : { failure: { kind: 'refuted' as const, message: refutedMessage } }), ...kept, oracle, ...none };
    }
    const specification = { ...NO_SPECIFICATION, cases: withSpec ? 1 : 0 };
    // The specification encoder on one output the checker judged: a disagreement is a failure, the counts add up.
    const encodersFailure = async (policy: Policy | undefined, cross: CrossCheck, what: string): Promise<{ failure: { kind: FailureKind; message: string }; encoders: readonly ClaimComparison[] } | undefined> => {
      if (!withSpec) return undefined;
      const comparison = await encoderCheck(input, policy, cross.verdicts, pool, encoder);
      specification.outputs++;
      specification.claims += comparison.claims.length;
      specification.agreed += comparison.agreed;
      specification.undecided += comparison.undecided;
      if (comparison.disagreements.length === 0) return undefined;
      const named = comparison.disagreements.map((item) => `statement ${item.statement} ${item.claim}: specification ${item.specification}, checker ${item.checker}`).join('; ');
      return { failure: { kind: 'encoders-disagree', message: `on ${what}, the specification encoder and the checker disagree: ${named} (all claims: ${comparisonText(comparison)})` }, encoders: comparison.claims };
    };
    const own = await crossCheck(input, parsed, pool);
    let obligations = own.obligations;
    const disagreement = checkerFailure(own, 'the recommendation');
    if (disagreement !== undefined) return { failure: disagreement, ...kept, oracle, checker: own.checker, obligations, mutantsChecked: 0, specification };
    const encoders = await encodersFailure(parsed, own, 'the recommendation');
    if (encoders !== undefined) return { ...encoders, ...kept, oracle, checker: own.checker, obligations, mutantsChecked: 0, specification };
    if (refutedMessage !== undefined) return { failure: { kind: 'refuted', message: refutedMessage }, ...kept, oracle, checker: own.checker, obligations, mutantsChecked: 0, specification };
    // A correct output: its broken versions must be judged alike by both too.
    let mutantsChecked = 0;
    if (recommended !== undefined) {
      const mutations = outputMutants.flatMap((mutant) => {
        const mutation = mutant.apply({ original: input.policy, recommended, catalog: input.catalog, unused: input.unused, granularity: input.granularity, choose: chooserFrom(mutantSeed) });
        return mutation === undefined ? [] : [{ what: `output mutant ${mutant.name} (${mutation.change})`, policy: parseRecommendedPolicy(mutation.recommended) }];
      });
      // All of them in flight at once, so that the pool's workers share their obligations; judged in order.
      const checks = await Promise.all(mutations.map(({ policy }) => crossCheck(input, policy, pool)));
      for (const [at, broken] of checks.entries()) {
        const { what, policy } = mutations[at]!;
        obligations += broken.obligations;
        mutantsChecked++;
        const failure = checkerFailure(broken, what);
        if (failure !== undefined) return { failure, ...kept, oracle: broken.oracle, checker: broken.checker, obligations, mutantsChecked, specification };
        const brokenEncoders = await encodersFailure(policy, broken, what);
        if (brokenEncoders !== undefined) return { ...brokenEncoders, ...kept, oracle: broken.oracle, checker: broken.checker, obligations, mutantsChecked, specification };
      }
    }
    return { ...kept, oracle, checker: own.checker, obligations, mutantsChecked, specification };
  };
}

function checkerFailure(cross: { readonly agree: boolean; readonly unknown: readonly string[]; readonly oracle: readonly RefutedClaim[]; readonly checker: readonly RefutedClaim[] }, what: string): { kind: FailureKind; message: string } | undefined {
  if (!cross.agree) {
    const keys = (claims: readonly RefutedClaim[]): string => (claims.length === 0 ? 'nothing' : claims.map(claimKey).join(', '));
    return { kind: 'checker-disagrees', message: `on ${what}, Z3 refutes ${keys(cross.checker)} but the oracle refutes ${keys(cross.oracle)}` };
  }
  if (cross.unknown.length > 0) return { kind: 'unknown', message: `on ${what}, Z3 could not decide ${cross.unknown.join('; ')}` };
  return undefined;
}

/** `claim 3 (safety), statement 0: unused action s3:GetObject is still allowed`. */
export function describeRefuted(refuted: RefutedClaim): string {
  const info = claimInfo(refuted.claim);
  return `claim ${info.number} (${info.title}), statement ${refuted.statement}: ${refuted.explanation}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
