import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../src/glob/glob.js';
import { includes, uncoveredString } from '../../src/glob/inclusion.js';
import { globMatches } from '../../src/glob/match.js';

const matches = (pattern: string, text: string): boolean => globMatches(parseGlob(pattern), text.toLowerCase());

describe('uncoveredString', () => {
  it('finds a shortest witness when the inner pattern reaches further: s3:G* is not inside s3:Get*', () => {
    expect(uncoveredString(['s3:Get*'], 's3:G*')).toBe('s3:g');
  });

  it('sees a literal action covered by a pattern with a leading star: glue:*Resource covers glue:TagResource', () => {
    expect(uncoveredString(['glue:*Resource'], 'glue:TagResource')).toBeUndefined();
  });

  it('decides patterns that are equal in meaning but not in text, both ways: ?*?*?*? and ??*?? (four or more characters)', () => {
    expect([uncoveredString(['??*??'], '?*?*?*?'), uncoveredString(['?*?*?*?'], '??*??')]).toEqual([undefined, undefined]);
  });

  it('uses a stand-in for characters no pattern names: ??* reaches two characters, ???* does not', () => {
    expect(uncoveredString(['???*'], '??*')).toBe('##');
  });

  it('judges a union of several outers: each covers part, together all or not', () => {
    expect(uncoveredString(['s3:Get*', 's3:Put*'], 's3:?et*')).toBe('s3:set');
    expect(uncoveredString(['x:a*', 'x:b*', 'x:?c*'], 'x:*c*')).toBe('x:c');
    expect(uncoveredString(['a*c', 'a*b'], 'a*?')).toBe('aa');
    expect(uncoveredString(['x:a*', 'x:?*'], 'x:*')).toBe('x:');
    expect(uncoveredString(['x:a*', 'x:?*', 'x:'], 'x:*')).toBeUndefined();
  });

  it('treats a literal inner pattern as the one string it names', () => {
    expect(uncoveredString(['s3:Get*', 's3:Put*'], 's3:GetObject')).toBeUndefined();
    expect(uncoveredString(['s3:Get*'], 's3:Put')).toBe('s3:put');
    expect(uncoveredString(['s3:?etObject'], 's3:GetObject')).toBeUndefined();
  });

  it('finds that nothing covers anything, and that "*" covers everything', () => {
    expect(uncoveredString([], 's3:*')).toBe('s3:');
    expect(uncoveredString(['*'], 'a?b*c')).toBeUndefined();
  });

  it('compares ASCII case-insensitively and returns lower-case witnesses', () => {
    expect(uncoveredString(['S3:GET*'], 's3:getobject')).toBeUndefined();
    expect(uncoveredString(['s3:get*'], 'S3:GetObject*')).toBeUndefined();
    expect(uncoveredString(['s3:?etObject'], 'S3:?ETOBJECT*')).toBe('s3:setobjects');
  });

  it('does not fold non-ASCII letters: é* does not cover É*', () => {
    expect(uncoveredString(['é*'], 'É*')).toBe('É');
  });

  it('reaches across the service part: *:Get* covers s3:GetObject but not "*", and s3:* does not cover *:*', () => {
    expect(uncoveredString(['*:Get*'], 's3:GetObject')).toBeUndefined();
    expect(uncoveredString(['*:Get*'], '*')).toBe('');
    expect(uncoveredString(['s3:*'], '*:*')).toBe(':');
  });

  it('admits refinements inside a non-trailing wildcard and refuses the ones that leave it', () => {
    expect(uncoveredString(['cloudformation:*Stack*'], 'cloudformation:ListStack*')).toBeUndefined();
    expect(uncoveredString(['cloudformation:*Stack*'], 'cloudformation:List*')).toBe('cloudformation:list');
  });

  it('returns witnesses the inner pattern matches and no outer does', () => {
    const cases: [string[], string][] = [[['s3:Get*'], 's3:G*'], [['s3:Get*', 's3:Put*'], 's3:?et*'], [['cloudformation:*Stack*'], 'cloudformation:List*'], [['a*c', 'a*b'], 'a*?']];
    for (const [outers, inner] of cases) {
      const witness = uncoveredString(outers, inner)!;
      expect([matches(inner, witness), outers.some((outer) => matches(outer, witness))]).toEqual([true, false]);
    }
  });
});

describe('includes', () => {
  it('says whether one pattern matches every string another matches', () => {
    expect([includes('s3:Get*', 's3:GetObject*'), includes('s3:GetObject*', 's3:Get*'), includes('s3:Get*', 's3:Get*')]).toEqual([true, false, true]);
    expect([includes('a*', 'a*b'), includes('*b', 'a*b'), includes('a*b*', 'a*b'), includes('a?*', 'a*b'), includes('a*b', 'a*')]).toEqual([true, true, true, true, false]);
  });
});

/** Every string over `alphabet` up to `length` characters, shortest first. */
function stringsUpTo(alphabet: string, length: number): string[] {
  const all = [''];
  for (let start = 0; all[all.length - 1]!.length < length; ) {
    const end = all.length;
    for (let index = start; index < end; index++) for (const char of alphabet) all.push(all[index]! + char);
    start = end;
  }
  return all;
}

describe('uncoveredString against enumeration', () => {
  const SHORT = stringsUpTo('abc', 7);
  const pattern = fc.array(fc.constantFrom('a', 'b', '*', '?'), { maxLength: 5 }).map((chars) => chars.join(''));

  it('finds a witness exactly when a short string escapes the outers, and one of the shortest length', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 3 }), pattern, (outers, inner) => {
        const escaping = SHORT.find((text) => matches(inner, text) && !outers.some((outer) => matches(outer, text)));
        const witness = uncoveredString(outers, inner);
        if (witness === undefined) return escaping === undefined;
        return matches(inner, witness) && !outers.some((outer) => matches(outer, witness)) && escaping !== undefined && escaping.length === witness.length;
      }),
      { seed: 20240620, numRuns: 300 },
    );
  });
});
