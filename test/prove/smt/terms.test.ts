import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import { and, member, not, or, patternRegex, prefixRegex, regexUnion, stringLiteral } from '../../../src/prove/smt/terms.js';
import { sharedPool } from '../_support.js';

const pool = sharedPool();

/** Asks the solver whether an assertion about ground terms holds. */
async function holds(assertion: string): Promise<string> {
  return (await pool().solve(`(set-logic QF_S)\n(assert ${assertion})\n(check-sat)\n`)).status;
}

/** The string the solver reads from a literal: the model value of `w` after `(= w literal)`. */
async function read(literal: string): Promise<string | undefined> {
  return (await pool().solve(`(set-logic QF_S)\n(declare-const w String)\n(assert (= w ${literal}))\n(check-sat)\n`, ['w'])).witnesses?.[0];
}

describe('stringLiteral', () => {
  it('writes printable ASCII as it is', () => {
    expect(stringLiteral('s3:GetObject ~!')).toBe('"s3:GetObject ~!"');
  });

  it('doubles a double quote', () => {
    expect(stringLiteral('a"b""')).toBe('"a""b"""""');
  });

  it('writes a backslash as \\u{5c}, so that no SMT-LIB escape can start in the text', () => {
    expect(stringLiteral('a\\u{41}')).toBe('"a\\u{5c}u{41}"');
  });

  it('writes control characters, DEL and non-ASCII as \\u{...} code points', () => {
    expect(stringLiteral('\n\u{7f}é\u{1F600}')).toBe('"\\u{a}\\u{7f}\\u{e9}\\u{1f600}"');
  });

  it('leaves case alone (lower-casing is for patterns and actions, before they get here)', () => {
    expect(stringLiteral('S3:GetObject')).toBe('"S3:GetObject"');
  });

  it('is read back by Z3 as the same string, quote, backslash, accents and emoji included', async () => {
    const text = 'a"b\\c\u{1F600}é\n';
    expect(await read(stringLiteral(text))).toBe(text);
  });

  it('is read by Z3 as a string of the right length for a text that spells an escape', async () => {
    expect(await holds(`(= (str.len ${stringLiteral('\\u{41}')}) 6)`)).toBe('sat');
  });

  // Regression (was a bug): Z3 reads "\u{30000}" as the nine ASCII characters of the escape, which is
  // also how the ASCII text `\u{30000}` is written: two strings became one term.
  it('refuses a code point above U+2FFFF, the last one SMT-LIB strings hold', () => {
    expect(() => stringLiteral('s3:\u{30000}')).toThrow(new RangeError('U+30000 cannot be written as an SMT-LIB string'));
  });

  it('writes U+2FFFF, the last code point SMT-LIB strings hold, and Z3 reads it back', async () => {
    expect({ literal: stringLiteral('\u{2FFFF}'), read: await read(stringLiteral('\u{2FFFF}')) }).toEqual({ literal: '"\\u{2ffff}"', read: '\u{2FFFF}' });
  });
});

describe('patternRegex', () => {
  it('is a lower-cased literal for a pattern without wildcards', () => {
    expect(patternRegex('S3:GetObject')).toBe('(str.to_re "s3:getobject")');
  });

  it('ends with re.all for a trailing *', () => {
    expect(patternRegex('s3:Get*')).toBe('(re.++ (str.to_re "s3:get") re.all)');
  });

  it('is re.all for a lone *', () => {
    expect(patternRegex('*')).toBe('re.all');
  });

  it('is re.allchar for a lone ?', () => {
    expect(patternRegex('?')).toBe('re.allchar');
  });

  it('writes ? as re.allchar between literal runs', () => {
    expect(patternRegex('s3:Get?bject')).toBe('(re.++ (str.to_re "s3:get") re.allchar (str.to_re "bject"))');
  });

  it('writes ** as one re.all', () => {
    expect(patternRegex('s3:**Acl')).toBe('(re.++ (str.to_re "s3:") re.all (str.to_re "acl"))');
  });

  it('keeps a * on each side of a ?', () => {
    expect(patternRegex('*?*')).toBe('(re.++ re.all re.allchar re.all)');
  });

  it('writes wildcards at the start, in the middle and at the end', () => {
    expect(patternRegex('*:Get*Acl?')).toBe('(re.++ re.all (str.to_re ":get") re.all (str.to_re "acl") re.allchar)');
  });

  it('escapes the literal runs like stringLiteral', () => {
    expect(patternRegex('s3:a"b*')).toBe('(re.++ (str.to_re "s3:a""b") re.all)');
  });

  it('is the empty string for an empty pattern', () => {
    expect(patternRegex('')).toBe('(str.to_re "")');
  });

  it('matches in Z3 exactly what the concrete matcher matches', async () => {
    const patterns = ['s3:Get*', 's3:Get?bject', '*Acl', 's3:**Acl', '*', 'S3:GETOBJECT', 's3:Get*Acl?'];
    const subjects = ['s3:getobject', 's3:getobjectacl', 's3:getbucketacl', 's3:getobjectaclx', 's3:get', 'iam:getuser', 's3:getobjacl'];
    const cases = patterns.flatMap((pattern) => subjects.map((subject) => ({ pattern, subject })));
    const answers = await Promise.all(cases.map(({ pattern, subject }) => holds(member(stringLiteral(subject), patternRegex(pattern)))));
    expect(answers).toEqual(cases.map(({ pattern, subject }) => (globMatches(parseGlob(pattern), subject) ? 'sat' : 'unsat')));
  });
});

describe('prefixRegex', () => {
  it('is the prefix followed by re.all', () => {
    expect(prefixRegex('s3:get')).toBe('(re.++ (str.to_re "s3:get") re.all)');
  });

  it('is re.all for the empty prefix', () => {
    expect(prefixRegex('')).toBe('re.all');
  });
});

describe('regexUnion', () => {
  it('is re.none for no regex', () => {
    expect(regexUnion([])).toBe('re.none');
  });

  it('is the regex itself for one', () => {
    expect(regexUnion(['o0'])).toBe('o0');
  });

  it('is re.union for several', () => {
    expect(regexUnion(['o0', 'o1', 'o2'])).toBe('(re.union o0 o1 o2)');
  });
});

describe('boolean terms', () => {
  it('writes membership as str.in_re', () => {
    expect(member('w', 'r0')).toBe('(str.in_re w r0)');
  });

  it('writes or: false for none, the term for one, (or ...) for several', () => {
    expect([or([]), or(['a']), or(['a', 'b'])]).toEqual(['false', 'a', '(or a b)']);
  });

  it('writes and: true for none, the term for one, (and ...) for several', () => {
    expect([and([]), and(['a']), and(['a', 'b'])]).toEqual(['true', 'a', '(and a b)']);
  });

  it('writes not', () => {
    expect(not('a')).toBe('(not a)');
  });
});
