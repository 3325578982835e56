import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../../src/glob/glob.js';
import { globMatches } from '../../../src/glob/match.js';
import { and, member, not, or, patternFormula, patternRegex, prefixRegex, regexUnion, stringLiteral } from '../../../src/prove/smt/terms.js';
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
  it.each([
    ['writes printable ASCII as it is', 's3:GetObject ~!', '"s3:GetObject ~!"'],
    ['doubles a double quote', 'a"b""', '"a""b"""""'],
    ['writes a backslash as \\u{5c}, so that no SMT-LIB escape can start in the text', 'a\\u{41}', '"a\\u{5c}u{41}"'],
    ['writes control characters, DEL and non-ASCII as \\u{...} code points', '\n\u{7f}é\u{1F600}', '"\\u{a}\\u{7f}\\u{e9}\\u{1f600}"'],
    ['leaves case alone (lower-casing is for patterns and actions, before they get here)', 'S3:GetObject', '"S3:GetObject"'],
  ])('%s', (_, text, literal) => {
    expect(stringLiteral(text)).toBe(literal);
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
  it.each([
    ['is a lower-cased literal for a pattern without wildcards', 'S3:GetObject', '(str.to_re "s3:getobject")'],
    ['ends with re.all for a trailing *', 's3:Get*', '(re.++ (str.to_re "s3:get") re.all)'],
    ['is re.all for a lone *', '*', 're.all'],
    ['is re.allchar for a lone ?', '?', 're.allchar'],
    ['writes ? as re.allchar between literal runs', 's3:Get?bject', '(re.++ (str.to_re "s3:get") re.allchar (str.to_re "bject"))'],
    ['writes ** as one re.all', 's3:**Acl', '(re.++ (str.to_re "s3:") re.all (str.to_re "acl"))'],
    ['keeps a * on each side of a ?', '*?*', '(re.++ re.all re.allchar re.all)'],
    ['writes wildcards at the start, in the middle and at the end', '*:Get*Acl?', '(re.++ re.all (str.to_re ":get") re.all (str.to_re "acl") re.allchar)'],
    ['escapes the literal runs like stringLiteral', 's3:a"b*', '(re.++ (str.to_re "s3:a""b") re.all)'],
    ['is the empty string for an empty pattern', '', '(str.to_re "")'],
  ])('%s', (_, pattern, regex) => {
    expect(patternRegex(pattern)).toBe(regex);
  });

  it('matches in Z3 exactly what the concrete matcher matches', async () => {
    const patterns = ['s3:Get*', 's3:Get?bject', '*Acl', 's3:**Acl', '*', 'S3:GETOBJECT', 's3:Get*Acl?'];
    const subjects = ['s3:getobject', 's3:getobjectacl', 's3:getbucketacl', 's3:getobjectaclx', 's3:get', 'iam:getuser', 's3:getobjacl'];
    const cases = patterns.flatMap((pattern) => subjects.map((subject) => ({ pattern, subject })));
    const answers = await Promise.all(cases.map(({ pattern, subject }) => holds(member(stringLiteral(subject), patternRegex(pattern)))));
    expect(answers).toEqual(cases.map(({ pattern, subject }) => (globMatches(parseGlob(pattern), subject) ? 'sat' : 'unsat')));
  });
});

describe('patternFormula', () => {
  it.each([
    ['is equality with the lower-cased literal for a pattern without wildcards', 'S3:GetObject', '(= a "s3:getobject")'],
    ['is str.prefixof for a literal prefix and a trailing *', 's3:Get*', '(str.prefixof "s3:get" a)'],
    ['is str.prefixof for a trailing **', 's3:Get**', '(str.prefixof "s3:get" a)'],
    ['is true for a lone *', '*', 'true'],
    ['is the regex membership with a wildcard inside', 's3:Get*Acl', '(str.in_re a (re.++ (str.to_re "s3:get") re.all (str.to_re "acl")))'],
    ['is the regex membership for a trailing ?', 's3:GetObjec?', '(str.in_re a (re.++ (str.to_re "s3:getobjec") re.allchar))'],
    ['escapes the literal like stringLiteral', 's3:a"b*', '(str.prefixof "s3:a""b" a)'],
  ])('%s', (_, pattern, formula) => {
    expect(patternFormula(pattern, 'a')).toBe(formula);
  });

  it('holds in Z3 of a string exactly when the concrete matcher matches it', async () => {
    const patterns = ['s3:Get*', 's3:Get?bject', '*Acl', 's3:**Acl', '*', 'S3:GETOBJECT', 's3:Get*Acl?', 's3:Get**', ''];
    const subjects = ['s3:getobject', 's3:getobjectacl', 's3:getbucketacl', 's3:get', 'iam:getuser', 's3:getobjacl', ''];
    const cases = patterns.flatMap((pattern) => subjects.map((subject) => ({ pattern, subject })));
    const answers = await Promise.all(cases.map(({ pattern, subject }) => holds(patternFormula(pattern, stringLiteral(subject)))));
    expect(answers).toEqual(cases.map(({ pattern, subject }) => (globMatches(parseGlob(pattern), subject) ? 'sat' : 'unsat')));
  });
});

describe('prefixRegex and regexUnion', () => {
  it('writes a prefix as itself followed by re.all, the empty one as re.all', () => {
    expect([prefixRegex('s3:get'), prefixRegex('')]).toEqual(['(re.++ (str.to_re "s3:get") re.all)', 're.all']);
  });

  it('writes a union as re.none for no regex, the regex for one, re.union for several', () => {
    expect([regexUnion([]), regexUnion(['o0']), regexUnion(['o0', 'o1', 'o2'])]).toEqual(['re.none', 'o0', '(re.union o0 o1 o2)']);
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
