import { isJsonObject, type Json, type JsonObject } from '../input/json.js';
import { replaceKey } from './print.js';
import { policySize } from './size.js';

/**
 * A policy cut into several policies that together allow exactly what it allows: `origins[p][s]`
 * is the index, in the whole policy, of the statement that statement `s` of part `p` is a piece of.
 */
export interface PolicySplit {
  readonly parts: readonly JsonObject[];
  readonly origins: readonly (readonly number[])[];
}

export type SplitOutcome =
  | { readonly kind: 'split'; readonly split: PolicySplit }
  | { readonly kind: 'impossible'; readonly reason: string };

/**
 * Cuts a policy into as few parts as this greedy packing finds, each at most `quota` characters
 * (whitespace-free, as IAM counts), filling each part statement by statement. A statement with
 * an `Action` list may be cut between its patterns: principals get the union of their policies,
 * and `Allow`/`Deny` of `A ∪ B` on the same resources and conditions is `Allow`/`Deny` of `A` and
 * of `B`. A `NotAction` statement is never cut (the union of "all but A" and "all but B" is not
 * "all but A ∪ B"), nor is an `Action` given as one string. Refuses, with the figures, when one
 * piece alone is over the quota or more than `maxParts` parts are needed.
 */
export function splitPolicy(policy: JsonObject, quota: number, maxParts: number): SplitOutcome {
  const statements = statementsOf(policy);
  const parts: { statements: JsonObject[]; origins: number[] }[] = [];
  const sizeOf = (list: readonly JsonObject[]): number => policySize(replaceKey(policy, 'Statement', list));
  let current: { statements: JsonObject[]; origins: number[] } = { statements: [], origins: [] };
  const close = (): void => {
    if (current.statements.length > 0) parts.push(current);
    current = { statements: [], origins: [] };
  };
  for (const [index, statement] of statements.entries()) {
    if (sizeOf([...current.statements, statement]) <= quota) {
      current.statements.push(statement);
      current.origins.push(index);
      continue;
    }
    const patterns = statement.Action;
    if (!Array.isArray(patterns)) {
      close();
      if (sizeOf([statement]) > quota) return { kind: 'impossible', reason: `a policy of statement ${index} alone is ${sizeOf([statement])} characters, over the ${quota} quota, and the statement cannot be cut${'NotAction' in statement ? ' (NotAction)' : ''}` };
      current.statements.push(statement);
      current.origins.push(index);
      continue;
    }
    // Cut between patterns: each piece takes as many as fit beside what the part holds already.
    let rest: readonly Json[] = patterns;
    while (rest.length > 0) {
      const taken = longestFit(rest, (count) => sizeOf([...current.statements, replaceKey(statement, 'Action', rest.slice(0, count))]) <= quota);
      if (taken === 0) {
        if (current.statements.length === 0) return { kind: 'impossible', reason: `the pattern ${JSON.stringify(rest[0])} of statement ${index} does not fit in a policy of ${quota} characters` };
        close();
        continue;
      }
      current.statements.push(replaceKey(statement, 'Action', rest.slice(0, taken)));
      current.origins.push(index);
      rest = rest.slice(taken);
      if (rest.length > 0) close();
    }
  }
  close();
  if (parts.length > maxParts) return { kind: 'impossible', reason: `${parts.length} parts of at most ${quota} characters are needed, more than the ${maxParts} available` };
  return {
    kind: 'split',
    split: { parts: parts.map((part) => replaceKey(policy, 'Statement', part.statements)), origins: parts.map((part) => part.origins) },
  };
}

/**
 * The whole policy the parts stand for: the pieces of each statement joined back in order, with
 * `Statement` written as `template` writes it (a list, or one object). This is what the checker
 * is given, so that the proof covers the union of the parts.
 */
export function joinParts(split: PolicySplit, template: JsonObject): JsonObject {
  const pieces = new Map<number, JsonObject[]>();
  split.parts.forEach((part, p) => {
    statementsOf(part).forEach((statement, s) => {
      const origin = split.origins[p]![s]!;
      pieces.set(origin, [...(pieces.get(origin) ?? []), statement]);
    });
  });
  const joined = [...pieces.keys()]
    .sort((a, b) => a - b)
    .map((origin) => {
      const list = pieces.get(origin)!;
      return list.length === 1 ? list[0]! : replaceKey(list[0]!, 'Action', list.flatMap((piece) => piece.Action as readonly Json[]));
    });
  const asList = Array.isArray(template.Statement) || joined.length !== 1;
  return replaceKey(split.parts[0] ?? template, 'Statement', asList ? joined : joined[0]!);
}

function statementsOf(policy: JsonObject): readonly JsonObject[] {
  const value = policy.Statement;
  const list: readonly Json[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter(isJsonObject);
}

/** The largest count in 1..items.length for which `fits` holds (it holds for a prefix of counts), or 0. */
function longestFit(items: readonly Json[], fits: (count: number) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
