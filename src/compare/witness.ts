import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import type { ConditionAtom } from './condition.js';
import { actionMatches, conditionHolds, policyAllows, resourceMatches, statementMatches, type Request } from './evaluate.js';
import { globMatchesExactly } from './resource.js';
import { statementLabel } from './model.js';

/** At most this many condition atoms are searched for the values a counterexample needs (2^n cases). */
const MAX_SEARCHED_ATOMS = 16;

/** A condition block a counterexample needs, and whether it must hold or not. */
export interface ConditionNeed {
  readonly atom: ConditionAtom;
  readonly holds: boolean;
}

/** A request one policy allows and the other does not, replayed through the evaluator. */
export interface Escape {
  readonly action: string;
  readonly resource: string;
  /** The atoms that hold in the context found (any other is false there). */
  readonly holding: ReadonlySet<string>;
  /** The atoms that must have these values for it to be allowed on one side and not the other; empty: in every context. */
  readonly needs: readonly ConditionNeed[];
}

/**
 * Replays a solver's action and resource through the evaluator, and finds condition values under
 * which the granting policy allows the request and the bounding one does not: the atoms in play
 * are those of the statements whose action and resource match, searched fewest-true first.
 * `undefined` when there are none (the witness fails replay) or more than `maxAtoms` atoms to search.
 */
export function replayEscape(granting: ResolvedPolicy, bounding: ResolvedPolicy, action: string, resource: string, maxAtoms = MAX_SEARCHED_ATOMS): Escape | undefined {
  const inPlay = new Map<string, ConditionAtom>();
  for (const statement of [...granting.statements, ...bounding.statements]) {
    if (!actionMatches(statement, action)) continue;
    // Its condition and the atoms of its variable patterns whose widened form matches decide it.
    if (statement.condition !== undefined) inPlay.set(statement.condition.name, statement.condition);
    for (const pattern of statement.resources) if (pattern.atom !== undefined && globMatchesExactly(pattern.glob, resource)) inPlay.set(pattern.atom.name, pattern.atom);
  }
  const atoms = [...inPlay.values()].sort((x, y) => x.name[0]!.localeCompare(y.name[0]!) || Number(x.name.slice(1)) - Number(y.name.slice(1)));
  if (atoms.length > maxAtoms) return undefined;
  const escapes = (holding: ReadonlySet<string>): boolean => {
    const request = { action, resource, holding };
    return policyAllows(granting, request) && !policyAllows(bounding, request);
  };
  const masks = Array.from({ length: 2 ** atoms.length }, (_, mask) => mask).sort((x, y) => popcount(x) - popcount(y) || x - y);
  for (const mask of masks) {
    const holding = new Set(atoms.filter((_, bit) => (mask >> bit) & 1).map((atom) => atom.name));
    if (!escapes(holding)) continue;
    // An atom is needed when flipping it alone loses the escape.
    const needs = atoms.flatMap((atom): ConditionNeed[] => {
      const flipped = new Set(holding);
      if (flipped.has(atom.name)) flipped.delete(atom.name);
      else flipped.add(atom.name);
      return escapes(flipped) ? [] : [{ atom, holds: holding.has(atom.name) }];
    });
    return { action, resource, holding, needs };
  }
  return undefined;
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** Why the bounding policy does not allow a request: the statement it escapes, when one can be named. */
export interface Blame {
  readonly statement: number;
  readonly label: string;
  readonly reason: 'denied' | 'resource' | 'condition';
  readonly explanation: string;
}

/**
 * The bounding statement a request escapes: a `Deny` that matches it there, else an `Allow` whose
 * action matches but whose resource (narrower) or condition does not; none when no bounding
 * statement allows the action at all.
 */
export function blameOf(bounding: ResolvedPolicy, request: Request): Blame | undefined {
  const named = (statement: ResolvedStatement, reason: Blame['reason'], explanation: string): Blame => ({ statement: statement.index, label: statementLabel(statement), reason, explanation });
  const deny = bounding.statements.find((statement) => statement.effect === 'Deny' && statementMatches(statement, request));
  if (deny !== undefined) return named(deny, 'denied', `${bounding.name} ${statementLabel(deny)} denies it`);
  const allows = bounding.statements.filter((statement) => statement.effect === 'Allow' && actionMatches(statement, request.action));
  const narrower = allows.find((statement) => !resourceMatches(statement, request.resource, request.holding));
  if (narrower !== undefined) return named(narrower, 'resource', `${bounding.name} ${statementLabel(narrower)} allows the action on narrower resources`);
  const conditional = allows.find((statement) => !conditionHolds(statement, request.holding));
  if (conditional !== undefined) return named(conditional, 'condition', `${bounding.name} ${statementLabel(conditional)} allows it only under its condition ${conditional.condition!.name}`);
  return undefined;
}

/** The granting `Allow` statement that allows a request (the obligation's, when it does). */
export function grantingStatement(granting: ResolvedPolicy, request: Request, preferred: number): ResolvedStatement | undefined {
  const allows = granting.statements.filter((statement) => statement.effect === 'Allow' && statementMatches(statement, request));
  return allows.find((statement) => statement.index === preferred) ?? allows[0];
}

/**
 * A request as a reader would like to see it: the solver's model is any string that works
 * (`ec2:describe\u{20020}`), so readable candidates are tried first, each checked by the
 * evaluator: catalog actions the granting statement matches, then its patterns with `*` as
 * nothing and `?` as `x`, and the same for its resources. The first that still escapes wins;
 * otherwise the solver's own strings stand.
 */
export function readableRequest(
  granting: ResolvedPolicy,
  bounding: ResolvedPolicy,
  statement: ResolvedStatement | undefined,
  action: string,
  resource: string,
  catalogActions: readonly string[] = [],
  catalogSpelling?: (action: string) => string | undefined,
): { action: string; resource: string } {
  if (statement === undefined) return { action, resource };
  const spelled = (text: string): string => catalogSpelling?.(text) ?? text;
  // Printable ASCII (a catalog action, a request the evaluator found) reads well as it is.
  if (/^[\x20-\x7e]*$/.test(action + resource)) return { action: spelled(action), resource };
  const fill = (glob: string): string => glob.replace(/\*/g, '').replace(/\?/g, 'x');
  const named: string[] = [];
  for (const candidate of catalogActions) {
    if (named.length >= 20) break;
    if (actionMatches(statement, candidate)) named.push(candidate);
  }
  const actionCandidates = [
    ...named,
    ...(statement.actionKey === 'Action' ? statement.actions.map((glob) => fill(glob.lower)) : []),
    action,
  ];
  const resourceCandidates = [...(statement.resourceKey === 'Resource' ? statement.resources.slice(0, 4).map((pattern) => fill(pattern.glob)) : []), 'arn:aws:s3:::example', resource];
  for (const candidateResource of resourceCandidates) {
    for (const candidateAction of actionCandidates) {
      if (replayEscape(granting, bounding, candidateAction, candidateResource) !== undefined) return { action: spelled(candidateAction), resource: candidateResource };
    }
  }
  return { action, resource };
}
