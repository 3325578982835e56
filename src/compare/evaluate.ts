import { lowerAscii } from '../glob/glob.js';
import { matchesLower } from '../glob/match.js';
import type { ResolvedPolicy, ResolvedStatement } from './approximation.js';
import { globMatchesExactly } from './resource.js';

/**
 * The comparison's semantics, directly in TypeScript: the evaluator every solver witness is
 * replayed through before it is reported. A request is an action, a resource and the atoms
 * (condition blocks) that hold.
 */
export interface Request {
  readonly action: string;
  readonly resource: string;
  /** The names of the condition atoms that hold (`k0`, ...). */
  readonly holding: ReadonlySet<string>;
}

/** `Action`: some pattern matches, ASCII case folded; `NotAction`: none does. */
export function actionMatches(statement: ResolvedStatement, action: string): boolean {
  const lower = lowerAscii(action);
  let codePoints: string[] | undefined;
  const matched = statement.actions.some((glob) => {
    // Every string a pattern matches starts with its literal prefix: the cheap test first.
    if (!lower.startsWith(glob.literalPrefix)) return false;
    if (!glob.hasWildcard) return lower === glob.lower;
    codePoints ??= Array.from(lower);
    return matchesLower(Array.from(glob.lower), codePoints);
  });
  return statement.actionKey === 'Action' ? matched : !matched;
}

/** `Resource`: some glob matches, case kept (a pattern with a variable: its widened form, when its atom holds); `NotResource`: none does. */
export function resourceMatches(statement: ResolvedStatement, resource: string, holding: ReadonlySet<string>): boolean {
  const matched = statement.resources.some((pattern) => (pattern.atom === undefined || holding.has(pattern.atom.name)) && globMatchesExactly(pattern.glob, resource));
  return statement.resourceKey === 'Resource' ? matched : !matched;
}

export function conditionHolds(statement: ResolvedStatement, holding: ReadonlySet<string>): boolean {
  return statement.condition === undefined || holding.has(statement.condition.name);
}

export function statementMatches(statement: ResolvedStatement, request: Request): boolean {
  return actionMatches(statement, request.action) && resourceMatches(statement, request.resource, request.holding) && conditionHolds(statement, request.holding);
}

/** Allowed: some `Allow` statement matches and no `Deny` statement does. */
export function policyAllows(policy: ResolvedPolicy, request: Request): boolean {
  let allowed = false;
  for (const statement of policy.statements) {
    if (!statementMatches(statement, request)) continue;
    if (statement.effect === 'Deny') return false;
    allowed = true;
  }
  return allowed;
}
