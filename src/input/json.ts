/**
 * JSON values as `JSON.parse` produces them, made read-only, except that a number whose text
 * `JSON.stringify` would not print back as written is a `JsonNumber` holding that text.
 */
export type Json = null | boolean | number | JsonNumber | string | readonly Json[] | JsonObject;
export type JsonObject = { readonly [key: string]: Json };

/**
 * A number kept as written: `1.50`, `1E2`, `-0`, `12345678901234567890123` or `1e999999` would
 * come back from a double as `1.5`, `100`, `0`, `1.2345678901234568e+22` or `null`. The printers
 * write `text` verbatim, so that everything the refinement does not touch is printed back as it was.
 */
export class JsonNumber {
  constructor(readonly text: string) {}

  /** The nearest double (`Infinity` past its range): for reading, never for printing. */
  get value(): number {
    return Number(this.text);
  }
}

/** A number's text as written: a `JsonNumber`'s own, or what `JSON.stringify` prints. */
export function numberText(value: number | JsonNumber): string {
  return value instanceof JsonNumber ? value.text : JSON.stringify(value);
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** A short description of a value's JSON type, for error messages ("got a number"). */
export function describeJsonType(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof JsonNumber) return 'a number';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  return 'a boolean';
}
