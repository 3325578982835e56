import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStringLiteral, getValueResults, parseSexprs, readScriptOutput, stringOf } from '../../../src/prove/solver/smtlib-output.js';

/** An SMT-LIB 2.6 literal body for code points, each escaped in one of the ways the standard allows. */
function encode(points: readonly number[], styles: readonly number[]): string {
  return points
    .map((point, index) => {
      const style = styles[index % styles.length]!;
      const hex = point.toString(16);
      if (point === 0x22) return '""';
      // A backslash or a character outside printable ASCII must be escaped; any other may be.
      const printable = point >= 0x20 && point <= 0x7e && point !== 0x5c;
      if (printable && style === 0) return String.fromCodePoint(point);
      if (style === 1 && point <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
      return `\\u{${style === 2 ? hex.padStart(5, '0') : hex}}`;
    })
    .join('');
}

describe('decodeStringLiteral', () => {
  it('reads "" as a quote and \\u escapes as code points', () => {
    expect(decodeStringLiteral('a""b')).toBe('a"b');
    expect(decodeStringLiteral('\\u{1f600}\\u{0}\\u00e9\\u{2FFFF}')).toBe('\u{1f600}\u0000é\u{2ffff}');
  });

  it('keeps a backslash that starts no escape, and escapes beyond 0x2FFFF, as they are', () => {
    expect(decodeStringLiteral('\\x41\\\\\\u{}\\u12\\u{30000}')).toBe('\\x41\\\\\\u{}\\u12\\u{30000}');
  });

  it('keeps a character beyond the BMP printed raw as one code point', () => {
    expect([...decodeStringLiteral('\u{1f600}x')]).toEqual(['\u{1f600}', 'x']);
  });

  it('decodes every encoding of every string of code points up to 0x2FFFF back to it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x2ffff }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), (points, styles) => {
        expect([...decodeStringLiteral(encode(points, styles))].map((char) => char.codePointAt(0))).toEqual(points);
      }),
      { seed: 20_240_620, numRuns: 2_000 },
    );
  });
});

describe('parseSexprs and readScriptOutput', () => {
  it('reads a model over several lines, in the order asked', () => {
    const [model] = parseSexprs('((w_r1 "s3:getobject")\n (w_r0 "a""b"))\n');
    expect(getValueResults(model!).map(stringOf)).toEqual(['s3:getobject', 'a"b']);
  });

  it('takes the first answer, and tells the :status objection from real errors', () => {
    expect(readScriptOutput('sat\n(error "line 6 column 10: check annotation that says unsat")\n')).toEqual({ answer: 'sat', errors: [], statusMismatch: true });
    expect(readScriptOutput('(error "line 2 column 17: unknown sort \'Strin\'")\nsat\n')).toEqual({ answer: 'sat', errors: ["line 2 column 17: unknown sort 'Strin'"], statusMismatch: false });
    expect(readScriptOutput('')).toEqual({ answer: undefined, errors: [], statusMismatch: false });
  });

  it('refuses a truncated output', () => {
    expect(() => parseSexprs('((w "abc')).toThrow(/unterminated/);
    expect(() => parseSexprs('((w "abc")')).toThrow(/unbalanced/);
  });
});
