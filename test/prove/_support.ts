/**
 * Shared by the checker's unit tests: a small hand-made catalog, check inputs built from
 * statements, one solver pool per file, and reports made without the solver (answers given by
 * hand, summed up by the checker's own `summarize`).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { catalogFromSource } from '../../src/catalog/load.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import type { Json } from '../../src/input/json.js';
import type { JsonSource } from '../../src/input/read-json.js';
import { summarize, type CheckReport, type ObligationResult } from '../../src/prove/check.js';
import type { CheckInput } from '../../src/prove/context.js';
import { verdictOf, type Obligation, type Outcome, type Verdict } from '../../src/prove/obligation.js';
import { planObligations } from '../../src/prove/plan.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import { statementCases, type StatementCase } from '../../src/prove/statement-case.js';
import { catalogOf, policyOf, unusedOf } from '../support.js';

/** Services and actions of the small catalog most checker tests use. */
export const SERVICES = {
  s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'GetBucketPolicy', 'PutObject', 'ListBucket'],
  iam: ['GetUser', 'ListUsers'],
  ec2: ['DescribeInstances'],
} as const;

export const CATALOG = catalogOf(SERVICES);

/** The unused actions of most tests: two s3 `GetBucket...` actions and `iam:ListUsers`. */
export const UNUSED = { s3: ['GetBucketAcl', 'GetBucketPolicy'], iam: ['ListUsers'] } as const;

export interface InputOptions {
  readonly catalog?: Catalog;
  readonly unused?: Readonly<Record<string, readonly string[] | undefined>>;
  readonly granularity?: Granularity;
}

/** A check input from the original and recommended statements (`undefined`: DETACH_POLICY). */
export function inputOf(original: Json, recommended: Json | undefined, options: InputOptions = {}): CheckInput {
  const catalog = options.catalog ?? CATALOG;
  return {
    original: policyOf(original),
    unused: unusedOf(catalog, options.unused ?? UNUSED),
    catalog,
    recommended: recommended === undefined ? undefined : policyOf(recommended, 'recommended.json'),
    granularity: options.granularity ?? 'word',
  };
}

/** The statement case of original statement `index`. */
export function caseOf(input: CheckInput, index = 0): StatementCase {
  const found = statementCases(input).cases.find((statement) => statement.index === index);
  if (found === undefined) throw new Error(`no Allow statement ${index}`);
  return found;
}

/** One solver pool for the whole test file, closed after it: call at the top level of the file. */
export function sharedPool(workers = 1): () => SolverPool {
  let pool: SolverPool | undefined;
  beforeAll(async () => {
    pool = await SolverPool.start({ workers });
  });
  afterAll(async () => {
    await pool?.close();
  });
  return () => {
    if (pool === undefined) throw new Error('the pool is not started yet');
    return pool;
  };
}

/** What solving one obligation gave, in a form to compare whole. */
export interface Solved {
  readonly id: string;
  readonly status: string;
  readonly verdict: Verdict;
  readonly witness?: string;
  /** For a refutation: what the checker says, given the counterexample. */
  readonly explanation?: string;
}

/** Solves obligations and replays each witness, as the checker does. */
export async function solveAll(pool: SolverPool, obligations: readonly Obligation[]): Promise<Solved[]> {
  return Promise.all(
    obligations.map(async (obligation) => {
      const outcome = await pool.solve(obligation.script, obligation.witness);
      const { verdict } = verdictOf(obligation, outcome);
      return {
        id: obligation.id,
        status: outcome.status,
        verdict,
        ...(outcome.witness === undefined ? {} : { witness: outcome.witness }),
        ...(verdict === 'refuted' ? { explanation: obligation.refutation(outcome.witness ?? obligation.unsatExample) } : {}),
      };
    }),
  );
}

/** The ids of obligations, in order. */
export const idsOf = (obligations: readonly { readonly id: string }[]): string[] => obligations.map((obligation) => obligation.id);

/**
 * A report made without the solver: each obligation gets the answer it expects (with the first
 * of `witnesses` that replays, for `sat`), unless `answers` says otherwise.
 */
export function reportWithout(input: CheckInput, answers: Readonly<Record<string, Outcome>> = {}, pool = { version: 'Z3 test', workers: 2 }, timeMs = 1234): CheckReport {
  const plan = planObligations(input);
  const results: ObligationResult[] = plan.obligations.map((obligation) => {
    const outcome = answers[obligation.id] ?? expectedOutcome(obligation, input.catalog);
    return { obligation, outcome, ...verdictOf(obligation, outcome) };
  });
  return summarize(input, plan, results, pool, timeMs);
}

/** The expected answer, with a catalog action that replays as its witness when `sat` is expected. */
function expectedOutcome(obligation: Obligation, catalog: Catalog): Outcome {
  if (obligation.expected === 'unsat') return { status: 'unsat', timeMs: 1 };
  const witness = catalog.lowerActions.find((action) => obligation.replay?.(action) === true);
  if (witness === undefined) throw new Error(`${obligation.id}: no catalog action replays`);
  return { status: 'sat', timeMs: 1, witness };
}

/** A source as read from a file: its name, text and sha256. */
export function sourceOf(name: string, value: Json): JsonSource {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  return { name, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The small catalog as a catalog file source, and the catalog it reads as. */
export function catalogFileOf(services: Readonly<Record<string, readonly string[]>> = SERVICES): { catalogFile: JsonSource; catalog: Catalog } {
  const catalogFile = sourceOf('catalog.json', services as unknown as Json);
  return { catalogFile, catalog: catalogFromSource(catalogFile) };
}

/** The well-known slow script: a conjunction Z3 takes seconds to refute (measured ~3 s). */
export const SLOW_SCRIPT = [
  '(set-logic QF_S)',
  '(declare-const w String)',
  '(assert (str.in_re w (re.++ (str.to_re "s3:getobject") re.allchar)))',
  '(assert (not (str.in_re w (re.++ (str.to_re "s3:getobject") re.all))))',
  '(check-sat)',
  '',
].join('\n');
