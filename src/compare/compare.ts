import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import { lowerAscii } from '../glob/glob.js';
import type { Outcome } from '../prove/obligation.js';
import type { Solver } from '../prove/solver/solver.js';
import { withSolver, type SolverOptions } from '../prove/solver/start.js';
import type { Policy } from '../policy/types.js';
import { ConditionAtoms, type ConditionAtom } from './condition.js';
import { comparedPolicy, statementLabel } from './model.js';
import { catalogActionScript, directionsOf, pinAR, planComparison, type CompareMode, type CompareObligation, type CompareScope, type Comparison, type Direction, type DirectionPair } from './plan.js';
import { actionMatches, type Request } from './evaluate.js';
import { findEscape } from './candidates.js';
import { blameOf, grantingStatement, readableRequest, replayEscape, type Blame, type ConditionNeed } from './witness.js';

export type CompareVerdict = 'pass' | 'fail' | 'unknown';

/** Two policies as given: parsed, with the names their errors and reports use. */
export interface CompareInput {
  readonly old: Policy;
  readonly new: Policy;
  readonly oldSource: string;
  readonly newSource: string;
  readonly mode: CompareMode;
  readonly scope: CompareScope;
  /** Needed by `--scope catalog`. */
  readonly catalog?: Catalog;
  /** How reports name the policies; default `old` and `new`. */
  readonly names?: { readonly old: string; readonly new: string };
}

/** Reads both policies against one table of condition atoms (bad input throws `InputError`). */
export function comparisonOf(input: CompareInput): Comparison {
  const atoms = new ConditionAtoms();
  const names = input.names ?? { old: 'old', new: 'new' };
  const old = comparedPolicy(input.old, names.old, input.oldSource, atoms);
  const fresh = comparedPolicy(input.new, names.new, input.newSource, atoms);
  if (input.scope === 'catalog' && input.catalog === undefined) throw new Error('the catalog scope needs a catalog');
  return { old, new: fresh, atoms: atoms.all, mode: input.mode, scope: input.scope, ...(input.catalog === undefined ? {} : { catalog: input.catalog }) };
}

/** A concrete request one policy allows and the other does not, with who grants it and what it escapes. */
export interface Counterexample {
  readonly action: string;
  readonly resource: string;
  /** The granting statement that allows it. */
  readonly grantedBy: { readonly statement: number; readonly label: string };
  /** The bounding statement whose Deny, narrower resource or condition it escapes, where there is one. */
  readonly escapes?: Blame;
  /** Condition blocks it needs (`may allow, when: ...`); empty: in every context. */
  readonly when: readonly ConditionNeed[];
  /** Whether a statement that decides it has a resource pattern with a policy variable (an atom within its widened form). */
  readonly restsOnPolicyVariable: boolean;
}

/** The catalog actions one direction gains, each with a replayed counterexample (`--scope catalog`). */
export interface CatalogActions {
  /** False when some group of actions got no answer: then the list may miss actions. */
  readonly complete: boolean;
  readonly actions: readonly Counterexample[];
}

export interface DirectionReport {
  readonly direction: Direction;
  readonly granting: string;
  readonly bounding: string;
  readonly verdict: CompareVerdict;
  /** One per refuted obligation. */
  readonly counterexamples: readonly Counterexample[];
  readonly catalogActions?: CatalogActions;
  /** Obligations without an answer, with the reason. */
  readonly undecided: readonly { readonly id: string; readonly reason: string }[];
}

export interface ObligationRecord {
  readonly obligation: CompareObligation;
  /** The script solved: the obligation's, or with a counterexample pinned (what a certificate stores). */
  readonly script: string;
  /** The pinned action and resource, when the script has them. */
  readonly pinned?: readonly string[];
  readonly outcome: Outcome;
  readonly verdict: 'proven' | 'refuted' | 'unknown';
  readonly note?: string;
}

/** Everything a comparison found, as plain data: the text, JSON (and SARIF) reports are views of it. */
export interface CompareReport {
  readonly mode: CompareMode;
  readonly scope: CompareScope;
  readonly verdict: CompareVerdict;
  readonly old: string;
  readonly new: string;
  readonly directions: readonly DirectionReport[];
  readonly atoms: readonly ConditionAtom[];
  /** The resource patterns with policy variables, per policy: `old statement 2: Resource "arn:...${aws:username}"`. */
  readonly approximations: readonly string[];
  readonly obligations: readonly ObligationRecord[];
  readonly catalog?: CatalogIdentity;
  readonly solver: string;
  readonly workers: number;
  readonly timeMs: number;
}

export interface CompareOptions extends SolverOptions {
  /** A running solver to reuse (the caller closes it); otherwise one is started and closed. */
  readonly pool?: Solver;
}

/**
 * Proves or refutes that the new policy allows no request the old does not (and, `equivalent`,
 * the converse): one obligation per granting `Allow` statement and chunk, solved in parallel;
 * every `sat` answer is replayed through the evaluator before it is reported, and anything
 * without an answer makes the verdict unknown, never a pass.
 */
export async function comparePolicies(input: CompareInput, options: CompareOptions = {}): Promise<CompareReport> {
  const comparison = comparisonOf(input);
  if (options.pool !== undefined) return compareOn(comparison, options.pool);
  return withSolver(options, (pool) => compareOn(comparison, pool));
}

export async function compareOn(comparison: Comparison, pool: Solver): Promise<CompareReport> {
  const started = performance.now();
  const obligations = planComparison(comparison);
  const pairs = directionsOf(comparison);
  const records = await Promise.all(obligations.map((obligation) => solveObligation(obligation, pairs.find((pair) => pair.direction === obligation.direction)!, pool)));
  const directions = await Promise.all(pairs.map((pair) => directionReport(pair, records, comparison, pool)));
  return {
    mode: comparison.mode,
    scope: comparison.scope,
    verdict: overall(directions.map((direction) => direction.verdict)),
    old: comparison.old.source,
    new: comparison.new.source,
    directions,
    atoms: comparison.atoms,
    approximations: approximationsOf(comparison),
    obligations: records,
    ...(comparison.catalog === undefined || comparison.scope !== 'catalog' ? {} : { catalog: comparison.catalog.identity }),
    solver: pool.version,
    workers: pool.workers,
    timeMs: performance.now() - started,
  };
}

/**
 * Solves one obligation: a counterexample the evaluator finds among the candidates is pinned in
 * the script, and the solver confirms it as a ground query; otherwise the script as planned.
 */
export async function solveObligation(obligation: CompareObligation, pair: DirectionPair, pool: Solver): Promise<ObligationRecord> {
  const granting = pair.granting.statements.find((statement) => statement.index === obligation.statement)!;
  const found = findEscape(pair.granting, pair.bounding, granting, obligation.candidates);
  if (found !== undefined && obligation.covers(lowerAscii(found.action))) {
    const script = pinnedScript(obligation.groundScript(lowerAscii(found.action)), pinAR(found.action, found.resource));
    const outcome = await pool.solve(script, ['a', 'r']);
    // A pinned request the solver does not confirm would be a disagreement of encoder and evaluator: ask without the pin.
    if (outcome.status === 'sat') return judge(obligation, outcome, pair, script, [found.action, found.resource]);
  }
  return judge(obligation, await pool.solve(obligation.script, obligation.witnesses), pair, obligation.script);
}

/** The obligation's script with a counterexample pinned: sat of this script is sat of the obligation. */
export function pinnedScript(script: string, pins: readonly string[]): string {
  return script.replace(/\(check-sat\)\n$/, `; the counterexample the evaluator found, pinned: the solver confirms it\n${pins.join('\n')}\n(check-sat)\n`);
}

/** `unsat` proves; `sat` refutes once its witness replays; anything else is unknown. */
export function judge(obligation: CompareObligation, outcome: Outcome, pair: DirectionPair, script: string, pinned?: readonly string[]): ObligationRecord {
  const solved = { obligation, outcome, script, ...(pinned === undefined ? {} : { pinned }) };
  if (outcome.status === 'unsat') return { ...solved, verdict: 'proven' };
  if (outcome.status !== 'sat') return { ...solved, verdict: 'unknown', note: outcome.reason ?? outcome.status };
  const values = outcome.witnesses ?? [];
  if (values.length !== (pinned === undefined ? obligation.witnesses.length : 2)) return { ...solved, verdict: 'unknown', note: 'sat without the witnesses to replay' };
  const replayed = counterexamplePair(pair, values);
  if (replayed === undefined) {
    return { ...solved, verdict: 'unknown', note: `the solver's counterexample ${JSON.stringify(values.slice(0, 2))} failed replay through the evaluator` };
  }
  return { ...solved, verdict: 'refuted' };
}

/** The first (action, resource) pair of a model that replays: with regions, only the region that holds has meaningful values. */
export function counterexamplePair(pair: DirectionPair, values: readonly string[]): readonly [string, string] | undefined {
  for (let index = 0; index + 1 < values.length; index += 2) {
    if (replayEscape(pair.granting, pair.bounding, values[index]!, values[index + 1]!) !== undefined) return [values[index]!, values[index + 1]!];
  }
  return undefined;
}

async function directionReport(pair: DirectionPair, records: readonly ObligationRecord[], comparison: Comparison, pool: Solver): Promise<DirectionReport> {
  const own = records.filter((record) => record.obligation.direction === pair.direction);
  const counterexamples = own
    .filter((record) => record.verdict === 'refuted')
    .map((record) => {
      const [action, resource] = counterexamplePair(pair, record.outcome.witnesses!)!;
      return counterexampleOf(pair, action, resource, record.obligation.statement, comparison.catalog)!;
    });
  const undecided = own.filter((record) => record.verdict === 'unknown').map((record) => ({ id: record.obligation.id, reason: record.note ?? record.outcome.status }));
  const verdict: CompareVerdict = counterexamples.length > 0 ? 'fail' : undecided.length > 0 ? 'unknown' : 'pass';
  const base = { direction: pair.direction, granting: pair.granting.name, bounding: pair.bounding.name, verdict, counterexamples, undecided };
  if (comparison.scope !== 'catalog' || comparison.catalog === undefined) return base;
  return { ...base, catalogActions: await catalogActionsOf(pair, comparison.catalog, pool) };
}

/** A replayed counterexample with its blame; `undefined` when it fails replay. */
export function counterexampleOf(pair: DirectionPair, solverAction: string, solverResource: string, preferred: number, catalog?: Catalog): Counterexample | undefined {
  const first = replayEscape(pair.granting, pair.bounding, solverAction, solverResource);
  if (first === undefined) return undefined;
  const statement = grantingStatement(pair.granting, { action: solverAction, resource: solverResource, holding: first.holding }, preferred);
  const { action, resource } = readableRequest(pair.granting, pair.bounding, statement, solverAction, solverResource, catalog?.actions, (text) => catalog?.canonical(text));
  const escape = replayEscape(pair.granting, pair.bounding, action, resource);
  if (escape === undefined) return undefined;
  return describeEscape(pair, { action, resource, holding: escape.holding }, escape.needs, preferred);
}

function describeEscape(pair: DirectionPair, request: Request, needs: readonly ConditionNeed[], preferred: number): Counterexample {
  const { action, resource } = request;
  const granted = grantingStatement(pair.granting, request, preferred)!;
  const blame = blameOf(pair.bounding, request);
  const deciding = [...pair.granting.statements, ...pair.bounding.statements].filter((statement) => actionMatches(statement, action));
  return {
    action,
    resource,
    grantedBy: { statement: granted.index, label: statementLabel(granted) },
    ...(blame === undefined ? {} : { escapes: blame }),
    when: needs,
    restsOnPolicyVariable: deciding.some((statement) => statement.approximated),
  };
}

/**
 * Every catalog action the granting policy allows somewhere the bounding one does not. The
 * semantics depends on an action only through which statements' action elements match it, so
 * the catalog is grouped by that (plain glob matching over the catalog), and one ground query per
 * group, about its first action, decides the whole group; every listed action's counterexample
 * is then replayed through the evaluator.
 */
async function catalogActionsOf(pair: DirectionPair, catalog: Catalog, pool: Solver): Promise<CatalogActions> {
  const groups = new Map<string, string[]>();
  const statements = [...pair.granting.statements, ...pair.bounding.statements];
  for (const action of catalog.actions) {
    if (!pair.granting.statements.some((statement) => statement.effect === 'Allow' && actionMatches(statement, action))) continue;
    const key = statements.map((statement) => (actionMatches(statement, action) ? '1' : '0')).join('');
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [action]);
    else members.push(action);
  }
  let complete = true;
  const found = await Promise.all(
    [...groups.values()].map(async (members, index) => {
      const representative = lowerAscii(members[0]!);
      const script = catalogActionScript(pair, representative, `${pair.direction}-group-${index}`);
      const found = findEscapeAnywhere(pair, representative);
      const pinned = found === undefined ? undefined : await pool.solve(pinnedScript(script, pinAR(found.action, found.resource)), ['a', 'r']);
      const outcome = pinned?.status === 'sat' ? pinned : await pool.solve(script, ['a', 'r']);
      if (outcome.status === 'unsat') return [];
      const resource = outcome.witnesses?.[1];
      if (outcome.status !== 'sat' || resource === undefined) {
        complete = false;
        return [];
      }
      return members.flatMap((action) => {
        const example = catalogCounterexample(pair, action, resource);
        if (example === undefined) complete = false;
        return example === undefined ? [] : [example];
      });
    }),
  );
  return { complete, actions: found.flat().sort((x, y) => (x.action < y.action ? -1 : x.action > y.action ? 1 : 0)) };
}

function overall(verdicts: readonly CompareVerdict[]): CompareVerdict {
  if (verdicts.includes('fail')) return 'fail';
  return verdicts.includes('unknown') ? 'unknown' : 'pass';
}

function approximationsOf(comparison: Comparison): string[] {
  return [comparison.old, comparison.new].flatMap((policy) =>
    policy.statements.flatMap((statement) => statement.resources.filter((pattern) => pattern.hasVariable).map((pattern) => `${policy.name} ${statementLabel(statement)}: ${statement.resourceKey} ${JSON.stringify(pattern.text)}`)),
  );
}

/** A listed catalog action's counterexample: the action as the catalog spells it, the group's resource. */
function catalogCounterexample(pair: DirectionPair, action: string, resource: string): Counterexample | undefined {
  const escape = replayEscape(pair.granting, pair.bounding, action, resource);
  if (escape === undefined) return undefined;
  const request = { action, resource, holding: escape.holding };
  return describeEscape(pair, request, escape.needs, -1);
}

/** A counterexample for one action under any granting Allow statement, found by the evaluator. */
function findEscapeAnywhere(pair: DirectionPair, action: string): ReturnType<typeof findEscape> {
  for (const statement of pair.granting.statements) {
    if (statement.effect !== 'Allow') continue;
    const found = findEscape(pair.granting, pair.bounding, statement, [action]);
    if (found !== undefined) return found;
  }
  return undefined;
}
