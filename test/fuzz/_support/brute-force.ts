import type { Json } from '../../../src/input/json.js';

/**
 * Matching by brute force, written apart from `src/glob` and `src/policy` so that the two can
 * disagree: each pattern becomes a regular expression over the lower-cased action name.
 */
export function patternRegExp(pattern: string): RegExp {
  const source = [...pattern.toLowerCase()].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's');
}

/** The catalog actions (lower-cased) a statement with these patterns allows. */
export function allowedActions(patterns: readonly string[], actionKey: 'Action' | 'NotAction', catalogActions: readonly string[]): Set<string> {
  const expressions = patterns.map(patternRegExp);
  const lowered = catalogActions.map((action) => action.toLowerCase());
  const matched = lowered.filter((action) => expressions.some((expression) => expression.test(action)));
  return new Set(actionKey === 'Action' ? matched : lowered.filter((action) => !matched.includes(action)));
}

/** Every catalog action some `Allow` statement of a policy document allows, read from the raw JSON. */
export function allowedByDocument(document: Json | undefined, catalogActions: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  if (document === undefined || typeof document !== 'object' || document === null || Array.isArray(document)) return allowed;
  const statements = 'Statement' in document ? document.Statement : undefined;
  for (const statement of Array.isArray(statements) ? statements : [statements]) {
    if (typeof statement !== 'object' || statement === null || Array.isArray(statement) || statement.Effect !== 'Allow') continue;
    const actionKey = 'Action' in statement ? 'Action' : 'NotAction';
    const value = statement[actionKey];
    const patterns = (Array.isArray(value) ? value : [value]).filter((pattern): pattern is string => typeof pattern === 'string');
    for (const action of allowedActions(patterns, actionKey, catalogActions)) allowed.add(action);
  }
  return allowed;
}
