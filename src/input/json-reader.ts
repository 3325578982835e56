import { InputError } from './input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from './json.js';
import type { JsonPath } from './json-path.js';

/**
 * Typed reads of a JSON document that some program wrote (a report read back by `merge`): each
 * read returns the value or throws an `InputError` naming the file and the JSON path.
 */
export interface JsonReader {
  readonly object: (value: Json | undefined, path: JsonPath) => JsonObject;
  readonly list: (value: Json | undefined, path: JsonPath) => readonly Json[];
  readonly string: (value: Json | undefined, path: JsonPath) => string;
  readonly number: (value: Json | undefined, path: JsonPath) => number;
  readonly boolean: (value: Json | undefined, path: JsonPath) => boolean;
  readonly oneOf: <T extends string>(value: Json | undefined, path: JsonPath, choices: readonly T[]) => T;
  readonly fail: (path: JsonPath, problem: string) => never;
}

export function jsonReader(file: string): JsonReader {
  const fail = (path: JsonPath, problem: string): never => {
    throw new InputError(file, path, problem);
  };
  const expected = (what: string, value: Json | undefined, path: JsonPath): never => fail(path, `expected ${what}, got ${describeJsonType(value)}`);
  return {
    fail,
    object: (value, path) => (isJsonObject(value) ? value : expected('an object', value, path)),
    list: (value, path) => (Array.isArray(value) ? value : expected('a list', value, path)),
    string: (value, path) => (typeof value === 'string' ? value : expected('a string', value, path)),
    number: (value, path) => (typeof value === 'number' && Number.isFinite(value) ? value : expected('a number', value, path)),
    boolean: (value, path) => (typeof value === 'boolean' ? value : expected('true or false', value, path)),
    oneOf: (value, path, choices) => (choices.includes(value as never) ? (value as (typeof choices)[number]) : fail(path, `expected one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`)),
  };
}
