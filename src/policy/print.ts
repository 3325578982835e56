import { JsonNumber, type Json, type JsonObject } from '../input/json.js';
import type { Policy } from './types.js';

/**
 * The policy text the tool writes: two-space JSON with a final newline, as
 * `JSON.stringify(value, null, 2)` writes it, except that a `JsonNumber` is written as it was read.
 */
export function printJson(value: Json): string {
  return `${stringify(value, '  ', '')}\n`;
}

/** JSON without whitespace, as `JSON.stringify(value)`, numbers as they were read: what IAM's size quotas count. */
export function compactJson(value: Json): string {
  return stringify(value, '', '') ?? '';
}

/** `JSON.stringify` with a `JsonNumber` written as its text; `undefined` where it would leave a value out. */
function stringify(value: unknown, indent: string, outer: string): string | undefined {
  if (value instanceof JsonNumber) return value.text;
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'object':
      break;
    default:
      return undefined;
  }
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return stringify((toJson as () => unknown).call(value), indent, outer);
  const inner = outer + indent;
  const join = (parts: readonly string[], open: string, close: string): string => {
    if (parts.length === 0) return `${open}${close}`;
    return indent === '' ? `${open}${parts.join(',')}${close}` : `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`;
  };
  if (Array.isArray(value)) return join(value.map((item: unknown) => stringify(item, indent, inner) ?? 'null'), '[', ']');
  const parts: string[] = [];
  for (const key of Object.keys(value as object)) {
    const text = stringify((value as Record<string, unknown>)[key], indent, inner);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${indent === '' ? '' : ' '}${text}`);
  }
  return join(parts, '{', '}');
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
