import { describe, expect, it } from 'vitest';
import { JsonNumber } from '../../src/input/json.js';
import { JsonSyntaxError, parseJson } from '../../src/input/parse-json.js';
import { errorOf } from '../support.js';

/** The syntax error `text` raises, as its message and path. */
function syntaxError(text: string): { message: string; path: readonly (string | number)[] } {
  const error = errorOf(() => parseJson(text));
  if (!(error instanceof JsonSyntaxError)) throw new Error(`expected a JsonSyntaxError, got ${error.name}: ${error.message}`);
  return { message: error.message, path: error.path };
}

describe('parseJson', () => {
  it('reads every JSON type as JSON.parse does', () => {
    const text = '{"a": [1, -2.5, 0, 1e+21, true, false, null], "b": {"c": "d"}, "e": ""}';
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it('keeps a number as a JsonNumber with its text when a double would not print it back as written', () => {
    const texts = ['12345678901234567890123', '1e999999', '1.50', '1E2', '-0', '1e2', '0.1e1'];
    expect(texts.map((text) => parseJson(text))).toEqual(texts.map((text) => new JsonNumber(text)));
    expect(['0', '-7', '1.5', '1e+21', '123456789'].map((text) => parseJson(text))).toEqual([0, -7, 1.5, 1e21, 123456789]);
  });

  // Regression (was a bug): a number was matched within 400 characters, so a longer one ended in a confusing "expected }".
  it('reads a number of any length', () => {
    const digits = '9'.repeat(5000);
    expect(parseJson(`{"x": ${digits}}`)).toEqual({ x: new JsonNumber(digits) });
  });

  it('decodes escapes, including \\u escapes and non-ASCII text', () => {
    expect(parseJson('"a\\u00e9\\n\\"\\\\\\/\\t é😀"')).toBe('aé\n"\\/\t é😀');
  });

  it('accepts whitespace around values, CR LF line ends included', () => {
    expect(parseJson(' \r\n\t[ 1 ,\r\n 2 ] \n')).toEqual([1, 2]);
  });

  it('names the line and column of a syntax error', () => {
    expect(syntaxError('{\n  "a": 1,\n  "b": [1, 2,]\n}')).toEqual({ message: 'unexpected character "]" at line 3, column 14', path: [] });
  });

  it('counts columns from the last line feed when lines end with CR LF', () => {
    expect(syntaxError('[1,\r\n 2,\r\n x]').message).toBe('unexpected character "x" at line 3, column 2');
  });

  it.each([
    ['a document cut short', '{"Statement": [', 'unexpected end of input at line 1, column 16'],
    ['a list cut short', '[1, 2', 'expected "]" before the end of input at line 1, column 6'],
    ['the empty text', '', 'unexpected end of input at line 1, column 1'],
    ['text after the value', '[1] x', 'unexpected text after the JSON value at line 1, column 5'],
    ['a leading zero', '01', 'unexpected text after the JSON value at line 1, column 2'],
    ['a bare key', '{a: 1}', 'expected a quoted key at line 1, column 2'],
    ['a missing colon', '{"a" 1}', 'expected ":", found "1" at line 1, column 6'],
    ['a bad literal', 'tru', 'unexpected character "t" at line 1, column 1'],
    ['a bad number', '-', 'bad number at line 1, column 1'],
    ['a missing comma', '[1 2]', 'expected "]", found "2" at line 1, column 4'],
    ['an unterminated string', '"abc', 'unterminated string at line 1, column 5'],
    ['a raw control character in a string', '"a\tb"', 'control character in string at line 1, column 3'],
    ['an unknown escape', '"a\\x"', 'bad escape in string at line 1, column 3'],
    ['a short \\u escape', '"\\u12"', 'bad \\u escape at line 1, column 2'],
  ])('refuses %s, naming the line and column', (_what, text, message) => {
    expect(syntaxError(text)).toEqual({ message, path: [] });
  });

  it('refuses a duplicate key, naming the JSON path of the object that repeats it and the place of the second key', () => {
    expect(syntaxError('{"Statement":[{"Action":"a","Action":"b"}]}')).toEqual({ message: 'duplicate key "Action" at line 1, column 29', path: ['Statement', 0] });
  });

  it('refuses a duplicate key even when both values are equal', () => {
    expect(syntaxError('{"a": 1, "a": 1}')).toEqual({ message: 'duplicate key "a" at line 1, column 10', path: [] });
  });

  it('makes "__proto__" an own key, as JSON.parse does, without touching the prototype', () => {
    const value = parseJson('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ x: 1 });
  });

  it('keeps keys in the order they were written', () => {
    expect(Object.keys(parseJson('{"Statement": 1, "Version": 2, "Id": 3}') as object)).toEqual(['Statement', 'Version', 'Id']);
  });

  it('refuses a byte order mark: stripping it is the caller\'s choice', () => {
    expect(syntaxError('\uFEFF{}').message).toBe('unexpected character "\uFEFF" at line 1, column 1');
  });

  // A small file (200 kB, well below the 1 MiB policy limit) of nested lists would otherwise
  // overflow the parser's stack: bad input, not an internal error.
  it('refuses deeply nested input with a JsonSyntaxError, never a stack overflow', () => {
    const depth = 100_000;
    expect(() => parseJson('['.repeat(depth) + ']'.repeat(depth))).toThrow(/nested deeper than 256 levels at line 1, column 258/);
    expect(() => parseJson('['.repeat(depth) + ']'.repeat(depth))).toThrow(JsonSyntaxError);
    expect(parseJson('['.repeat(200) + ']'.repeat(200))).toHaveLength(1);
  });
});
