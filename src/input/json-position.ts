import type { JsonPath } from './json-path.js';

/** Where a value stands in a JSON text: 1-based lines and columns (in UTF-16 code units), its end just past it. */
export interface JsonSpan {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * The span of the value at `path` in `text`, which must be valid JSON (it has been parsed
 * already); `undefined` when the path is not there. A report can then point a person at the
 * pattern or the statement it is about, the way a compiler points at a line and a column.
 */
export function locateJsonPath(text: string, path: JsonPath): JsonSpan | undefined {
  const scanner = new Scanner(text);
  scanner.skipWhitespace();
  const found = scanner.find(path, 0);
  if (found === undefined) return undefined;
  const start = scanner.position(found.start);
  const end = scanner.position(found.end);
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

class Scanner {
  private offset = 0;
  private lineStarts: number[] | undefined;
  constructor(private readonly text: string) {}

  /** Finds the value at `path[depth...]` inside the value at the cursor, or skips it. */
  find(path: JsonPath, depth: number): { start: number; end: number } | undefined {
    const start = this.offset;
    if (depth === path.length) {
      this.skipValue();
      return { start, end: this.offset };
    }
    const step = path[depth];
    const char = this.text[this.offset];
    if (char === '{' && typeof step === 'string') return this.inObject(path, depth);
    if (char === '[' && typeof step === 'number') return this.inList(path, depth);
    this.skipValue();
    return undefined;
  }

  private inObject(path: JsonPath, depth: number): { start: number; end: number } | undefined {
    this.offset += 1;
    this.skipWhitespace();
    while (this.text[this.offset] !== '}') {
      const end = this.skipString();
      const key = JSON.parse(this.text.slice(this.offset, end)) as string;
      this.offset = end;
      this.skipWhitespace();
      this.offset += 1; // the colon
      this.skipWhitespace();
      if (key === path[depth]) return this.find(path, depth + 1);
      this.skipMember();
    }
    return undefined;
  }

  private inList(path: JsonPath, depth: number): { start: number; end: number } | undefined {
    this.offset += 1;
    this.skipWhitespace();
    for (let index = 0; this.text[this.offset] !== ']'; index++) {
      if (index === path[depth]) return this.find(path, depth + 1);
      this.skipMember();
    }
    return undefined;
  }

  /** Past the value at the cursor and the comma after it, if any. */
  private skipMember(): void {
    this.skipValue();
    this.skipWhitespace();
    if (this.text[this.offset] === ',') this.offset += 1;
    this.skipWhitespace();
  }

  private skipValue(): void {
    const char = this.text[this.offset];
    if (char === '"') {
      this.offset = this.skipString();
      return;
    }
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      this.offset += 1;
      this.skipWhitespace();
      while (this.text[this.offset] !== close) {
        this.skipValue();
        this.skipWhitespace();
        if (this.text[this.offset] === ':' || this.text[this.offset] === ',') this.offset += 1;
        this.skipWhitespace();
      }
      this.offset += 1;
      return;
    }
    // A number or a literal: everything up to the next delimiter.
    while (this.offset < this.text.length && !/[\s,\]}:]/.test(this.text[this.offset]!)) this.offset += 1;
  }

  /** The offset just past the string at the cursor. */
  private skipString(): number {
    let at = this.offset + 1;
    while (at < this.text.length && this.text[at] !== '"') at += this.text[at] === '\\' ? 2 : 1;
    return at + 1;
  }

  skipWhitespace(): void {
    while (this.offset < this.text.length && ' \t\n\r'.includes(this.text[this.offset]!)) this.offset += 1;
  }

  position(offset: number): { line: number; column: number } {
    this.lineStarts ??= [0, ...[...this.text.matchAll(/\n/g)].map((match) => match.index + 1)];
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line += 1;
    return { line: line + 1, column: offset - this.lineStarts[line]! + 1 };
  }
}
