import { describe, expect, it } from 'vitest';
import { describeJsonType, isJsonObject, type Json } from '../../src/input/json.js';

describe('isJsonObject', () => {
  it('holds for objects only, not for lists, null, strings or nothing', () => {
    expect(([{}, { a: 1 }] as Json[]).map((value) => isJsonObject(value))).toEqual([true, true]);
    expect(([[], null, 'x', 1, true, undefined] as (Json | undefined)[]).map((value) => isJsonObject(value))).toEqual([false, false, false, false, false, false]);
  });
});

describe('describeJsonType', () => {
  it('names each JSON type with its article, for messages such as "got a number"', () => {
    expect(([undefined, null, [], {}, 'x', 3, false] as (Json | undefined)[]).map((value) => describeJsonType(value))).toEqual(['nothing', 'null', 'a list', 'an object', 'a string', 'a number', 'a boolean']);
  });
});
