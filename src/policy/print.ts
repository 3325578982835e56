import type { Json, JsonObject } from '../input/json.js';
import type { Policy } from './types.js';

/** The policy text the tool writes: two-space JSON with a final newline. */
export function printJson(value: Json): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The policy with its statements replaced, everything else (keys and their order) as written. */
export function withStatements(policy: Policy, statements: readonly JsonObject[]): JsonObject {
  const value: Json = policy.statementsAsList || statements.length !== 1 ? statements : statements[0]!;
  return replaceKey(policy.raw, 'Statement', value);
}

/** A copy of `object` with one key's value replaced in place, keeping key order. */
export function replaceKey(object: JsonObject, key: string, value: Json): JsonObject {
  const copy: Record<string, Json> = {};
  for (const [existing, old] of Object.entries(object)) {
    Object.defineProperty(copy, existing, { value: existing === key ? value : old, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
