import { writeFileAtomic } from '../output/atomic.js';
import type { Json } from '../input/json.js';
import { parseRecommendedPolicy, recommendedPolicyOf } from '../policy/recommended.js';
import { policySize } from '../policy/size.js';
import type { Policy } from '../policy/types.js';
import { check, type ClaimVerdict } from '../prove/check.js';
import type { Verdict } from '../prove/obligation.js';
import type { Solver } from '../prove/solver/solver.js';
import type { Recommender } from '../recommend/recommender.js';
import { unifiedDiff } from '../report/diff.js';
import { problemLines } from '../report/verdict-table.js';
import type { ProofCase } from './case.js';
import { diffExcerpt } from './diff-excerpt.js';
import { changeSummary } from '../compare/change-summary.js';
import { expectationProblems } from './expectation.js';
import type { LoadedCase } from './load.js';
import { snapshotOf, snapshotText } from './snapshot.js';

/** A recommendation and the checker's answer on it. */
export interface JudgedRecommendation {
  readonly verdict: Verdict;
  readonly claims: readonly ClaimVerdict[];
  /** Each refuted or unknown claim spelled out, with its counterexample. */
  readonly findings: readonly string[];
  readonly obligations: number;
  /** The solver's time on the obligations, added up: what the case costs, whatever else shared the pool. */
  readonly solverMs: number;
  /** `CREATE_POLICY` with the policy's size (whitespace-free, as IAM counts it), or `DETACH_POLICY` (size 0). */
  readonly action: 'CREATE_POLICY' | 'DETACH_POLICY';
  readonly size: number;
}

/**
 * The snapshot against the recommendation: `equal`; `differs` or `missing` (a failure);
 * `updated` (rewritten by `--update`); `given` for a case that judges a given recommendation.
 */
export type SnapshotState = 'equal' | 'differs' | 'missing' | 'updated' | 'given';

/** `passed`: as expected; `failed`: a difference or a wrong verdict; `unknown`: the solver could not decide. */
export type CaseStatus = 'passed' | 'failed' | 'unknown';

export interface CaseResult {
  readonly spec: ProofCase;
  readonly status: CaseStatus;
  /** Why the case did not pass, one line each. */
  readonly problems: readonly string[];
  /** The recommendation judged (the recommender's, or the given one); absent when the recommender failed. */
  readonly judged: JudgedRecommendation | undefined;
  readonly snapshot: SnapshotState;
  /** The snapshot's recommendation, judged too when the new one differs: the reviewer sees both verdicts and sizes. */
  readonly previous?: JudgedRecommendation;
  /** The snapshot and the new recommendation as a unified diff, trimmed to the changes. */
  readonly diff?: string;
  /** Beside the diff: whether the two mean the same, on the catalog and for all strings, and which actions differ (src/compare/). */
  readonly meaning?: readonly string[];
  readonly timeMs: number;
}

/**
 * A case's result as reports need it: all of it but the case's inputs, which a JSON report does
 * not keep. The text, JUnit, JSON and record of a run are functions of these alone, so that
 * `merge` renders the shards' reports read back exactly as the unsharded run renders its results.
 */
export interface ReportedCase extends Omit<CaseResult, 'spec'> {
  readonly spec: Pick<ProofCase, 'id' | 'suite' | 'description' | 'granularity'>;
}

export interface RunCaseOptions {
  readonly recommender: Recommender;
  readonly pool: Solver;
  /** Rewrite a differing or missing snapshot when the new recommendation has the expected verdict. */
  readonly update: boolean;
}

/**
 * Runs one case: recommends (or takes the given recommendation), compares it with the snapshot,
 * and proves it with the checker; on a difference it also proves the snapshot's recommendation.
 */
export async function runCase(loaded: LoadedCase, options: RunCaseOptions): Promise<CaseResult> {
  const started = performance.now();
  const { spec } = loaded;
  const done = (result: Omit<CaseResult, 'spec' | 'timeMs'>): CaseResult => ({ spec, ...result, timeMs: performance.now() - started });

  if (spec.subject.kind === 'given') {
    const judged = await judge(loaded, recommendedPolicyOf(loaded.recommendation!.recommended, loaded.policy), options.pool);
    return done({ ...statusOf(judged, spec, []), judged, snapshot: 'given' });
  }

  let fresh: { readonly value: Json; readonly policy: Policy | undefined };
  try {
    const recommendation = options.recommender(loaded.policy, loaded.unused, loaded.catalog, { granularity: spec.granularity, policySource: spec.policy });
    const value = snapshotOf(recommendation);
    fresh = { value, policy: parseRecommendedPolicy(recommendation.policy, `${spec.id} (recommendation)`) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return done({ status: 'failed', problems: [`the recommender failed: ${reason}`], judged: undefined, snapshot: loaded.recommendation === undefined ? 'missing' : 'differs' });
  }
  const text = snapshotText(fresh.value);
  const old = loaded.recommendation;
  const same = old !== undefined && old.text === text;
  const [judged, previous] = await Promise.all([
    judge(loaded, fresh.policy, options.pool),
    same || old === undefined ? undefined : judge(loaded, recommendedPolicyOf(old.recommended, loaded.policy), options.pool),
  ]);
  const difference = same ? [] : [old === undefined ? `no snapshot ${spec.subject.file} yet (--update writes it)` : `the recommendation differs from the snapshot ${spec.subject.file}`];
  const diff = same || old === undefined ? {} : { diff: diffExcerpt(unifiedDiff(old.text, text, spec.subject.file, `${spec.subject.file} (new)`)) };
  const outcome = statusOf(judged, spec, difference);
  const before = same || old === undefined ? undefined : recommendedPolicyOf(old.recommended, loaded.policy);
  const meaning = before === undefined || fresh.policy === undefined ? undefined : await changeSummary(before, fresh.policy, loaded.catalog, options.pool);
  const compared = { judged, ...(previous === undefined ? {} : { previous }), ...diff, ...(meaning === undefined ? {} : { meaning }) };
  if (same) return done({ ...outcome, ...compared, snapshot: 'equal' });
  // A reviewed change is recorded only when it still has the expected verdict.
  if (options.update && statusOf(judged, spec, []).status === 'passed') {
    // Atomic: a run killed while it writes leaves the reviewed snapshot or the new one, never half of either.
    writeFileAtomic(spec.subject.file, text);
    return done({ status: 'passed', problems: [], ...compared, snapshot: 'updated' });
  }
  return done({ ...outcome, ...compared, snapshot: old === undefined ? 'missing' : 'differs' });
}

async function judge(loaded: LoadedCase, recommended: Policy | undefined, pool: Solver): Promise<JudgedRecommendation> {
  const report = await check({ original: loaded.policy, unused: loaded.unused, catalog: loaded.catalog, recommended, granularity: loaded.spec.granularity }, { pool });
  return {
    verdict: report.verdict,
    claims: report.claims,
    findings: problemLines(report, loaded.catalog),
    obligations: report.obligations.length,
    solverMs: report.obligations.reduce((sum, result) => sum + result.outcome.timeMs, 0),
    action: recommended === undefined ? 'DETACH_POLICY' : 'CREATE_POLICY',
    size: recommended === undefined ? 0 : policySize(recommended.raw),
  };
}

/** A failure (a difference, a wrong verdict) outranks an unknown, as in the checker's own verdict. */
function statusOf(judged: JudgedRecommendation, spec: ProofCase, difference: readonly string[]): Pick<CaseResult, 'status' | 'problems'> {
  const wrong = expectationProblems(judged.verdict, judged.claims, spec.expect);
  const undecided = judged.verdict === 'unknown' && spec.expect.verdict !== 'unknown';
  const problems = [...difference, ...(undecided ? [`the solver could not decide (expected ${spec.expect.verdict}); never counted as proven`] : wrong)];
  if (difference.length > 0 || (!undecided && wrong.length > 0)) return { status: 'failed', problems };
  return undecided ? { status: 'unknown', problems } : { status: 'passed', problems: [] };
}
