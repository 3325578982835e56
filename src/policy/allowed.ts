import type { Catalog } from '../catalog/catalog.js';
import { parseGlob } from '../glob/glob.js';
import type { Policy, Statement } from './types.js';

/** The catalog actions (indices) that any of the patterns match. */
export function matchedBy(patterns: readonly string[], catalog: Catalog): Set<number> {
  return new Set(patterns.flatMap((pattern) => catalog.matching(parseGlob(pattern))));
}

/** The catalog actions a statement's action field covers: what `Action` matches, or what `NotAction` does not. */
export function allowedBy(statement: Statement, catalog: Catalog): Set<number> {
  const matched = matchedBy(statement.patterns, catalog);
  return statement.actionKey === 'Action' ? matched : new Set([...catalog.actions.keys()].filter((index) => !matched.has(index)));
}

/** The catalog actions some `Allow` statement of the policy allows. */
export function allowedActions(policy: Policy, catalog: Catalog): Set<number> {
  const allowed = new Set<number>();
  for (const statement of policy.statements) {
    if (statement.effect !== 'Allow') continue;
    for (const index of allowedBy(statement, catalog)) allowed.add(index);
  }
  return allowed;
}
