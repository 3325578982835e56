import { JsonNumber, type Json, type JsonObject } from './json.js';
import type { JsonPath } from './json-path.js';

/** Where and why JSON text failed to parse. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    /** Set for a duplicate key: the JSON path of the object that repeats it. */
    readonly path: JsonPath = [],
  ) {
    super(`${reason} at line ${line}, column ${column}`);
  }
}

/**
 * A strict RFC 8259 parser. Unlike `JSON.parse` it reports every syntax error with a line and a
 * column, and it refuses duplicate keys: `{"Action": "s3:Get*", "Action": "*"}` would otherwise
 * keep whichever came last, silently.
 */
export function parseJson(text: string): Json {
  return new Parser(text).parseDocument();
}

/** RFC 8259's number, matched where the parser stands, however long. */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** Far deeper than any policy; deeper input is refused rather than allowed to exhaust the stack. */
export const MAX_JSON_DEPTH = 256;

class Parser {
  private offset = 0;
  constructor(private readonly text: string) {}

  parseDocument(): Json {
    this.skipWhitespace();
    const value = this.parseValue([]);
    this.skipWhitespace();
    if (this.offset < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private parseValue(path: JsonPath): Json {
    if (path.length > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    const char = this.text[this.offset];
    if (char === '{') return this.parseObject(path);
    if (char === '[') return this.parseList(path);
    if (char === '"') return this.parseString();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.parseNumber();
    if (this.text.startsWith('true', this.offset)) return this.literal(4, true);
    if (this.text.startsWith('false', this.offset)) return this.literal(5, false);
    if (this.text.startsWith('null', this.offset)) return this.literal(4, null);
    if (char === undefined) this.fail('unexpected end of input');
    this.fail(`unexpected character ${JSON.stringify(char)}`);
  }

  private literal<T extends Json>(length: number, value: T): T {
    this.offset += length;
    return value;
  }

  private parseObject(path: JsonPath): JsonObject {
    const object: Record<string, Json> = {};
    const seen = new Set<string>();
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return object;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] !== '"') this.fail('expected a quoted key');
      const keyOffset = this.offset;
      const key = this.parseString();
      if (seen.has(key)) {
        this.offset = keyOffset;
        this.fail(`duplicate key ${JSON.stringify(key)}`, path);
      }
      seen.add(key);
      this.skipWhitespace();
      this.expect(':');
      this.skipWhitespace();
      const value = this.parseValue([...path, key]);
      // `__proto__` must become an own property, as JSON.parse makes it.
      Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      if (this.text[this.offset] === ',') {
        this.offset++;
        continue;
      }
      this.expect('}');
      return object;
    }
  }

  private parseList(path: JsonPath): Json[] {
    const list: Json[] = [];
    this.offset++;
    this.skipWhitespace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return list;
    }
    for (;;) {
      this.skipWhitespace();
      list.push(this.parseValue([...path, list.length]));
      this.skipWhitespace();
      if (this.text[this.offset] === ',') {
        this.offset++;
        continue;
      }
      this.expect(']');
      return list;
    }
  }

  private parseString(): string {
    const start = this.offset;
    this.offset++;
    let plain = true;
    for (;;) {
      const code = this.text.charCodeAt(this.offset);
      if (Number.isNaN(code)) this.fail('unterminated string');
      if (code === 0x22) break;
      if (code < 0x20) this.fail('control character in string');
      if (code === 0x5c) {
        plain = false;
        const escape = this.text[this.offset + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6))) this.fail('bad \\u escape');
          this.offset += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) this.fail('bad escape in string');
        this.offset += 2;
        continue;
      }
      this.offset++;
    }
    this.offset++;
    const raw = this.text.slice(start, this.offset);
    return plain ? raw.slice(1, -1) : (JSON.parse(raw) as string);
  }

  /** A number as `JSON.parse` reads it, unless that would lose its text: then a `JsonNumber`. */
  private parseNumber(): number | JsonNumber {
    NUMBER.lastIndex = this.offset;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('bad number');
    const text = match[0];
    this.offset += text.length;
    const value = Number(text);
    return Number.isFinite(value) && String(value) === text ? value : new JsonNumber(text);
  }

  private expect(char: string): void {
    if (this.text[this.offset] !== char) {
      const found = this.text[this.offset];
      this.fail(found === undefined ? `expected ${JSON.stringify(char)} before the end of input` : `expected ${JSON.stringify(char)}, found ${JSON.stringify(found)}`);
    }
    this.offset++;
  }

  private skipWhitespace(): void {
    for (;;) {
      const char = this.text[this.offset];
      if (char !== ' ' && char !== '\t' && char !== '\n' && char !== '\r') return;
      this.offset++;
    }
  }

  private fail(reason: string, path: JsonPath = []): never {
    const before = this.text.slice(0, this.offset);
    const line = before.split('\n').length;
    const column = this.offset - before.lastIndexOf('\n');
    throw new JsonSyntaxError(reason, line, column, path);
  }
}
