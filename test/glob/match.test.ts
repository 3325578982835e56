import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGlob } from '../../src/glob/glob.js';
import { globMatches, matchesLower } from '../../src/glob/match.js';

/** Which of the subjects (written in any case) the pattern matches. */
function matched(pattern: string, subjects: readonly string[]): string[] {
  const glob = parseGlob(pattern);
  return subjects.filter((subject) => globMatches(glob, subject.toLowerCase()));
}

describe('globMatches', () => {
  it('matches a literal by equality, case-insensitively', () => {
    expect(matched('S3:GetObject', ['s3:getobject', 's3:GetObjectAcl', 's3:GetObjec'])).toEqual(['s3:getobject']);
  });

  it('reads "*" as any sequence, the empty one included', () => {
    expect(matched('s3:Get*', ['s3:Get', 's3:GetObject', 's3:PutObject', 's3:ge'])).toEqual(['s3:Get', 's3:GetObject']);
  });

  it('reads "?" as exactly one character', () => {
    expect(matched('s3:?etObject', ['s3:GetObject', 's3:SetObject', 's3:etObject', 's3:GGetObject'])).toEqual(['s3:GetObject', 's3:SetObject']);
  });

  it('applies wildcards in the service part too', () => {
    expect(matched('*:Get*', ['s3:GetObject', 'ec2:GetConsoleOutput', 's3:PutObject'])).toEqual(['s3:GetObject', 'ec2:GetConsoleOutput']);
    expect(matched('s?:List*', ['s3:ListBucket', 'sqs:ListQueues'])).toEqual(['s3:ListBucket']);
  });

  it('matches stars in the middle, with backtracking', () => {
    expect(matched('cloudformation:*Stack*', ['cloudformation:CreateStack', 'cloudformation:ListStackSets', 'cloudformation:GetTemplate'])).toEqual(['cloudformation:CreateStack', 'cloudformation:ListStackSets']);
    expect(matched('a*b*c', ['abc', 'aXbYc', 'abbc', 'acb', 'ab'])).toEqual(['abc', 'aXbYc', 'abbc']);
    expect(matched('glue:*Resource', ['glue:TagResource', 'glue:ResourceTag'])).toEqual(['glue:TagResource']);
  });

  it('matches "*" against everything, the empty string included', () => {
    expect(matched('*', ['', 's3:GetObject'])).toEqual(['', 's3:GetObject']);
  });
});

describe('matchesLower', () => {
  it('expects the subject already lower-cased: an upper-case subject does not match', () => {
    expect([matchesLower('s3:get*', 's3:getobject'), matchesLower('s3:get*', 'S3:GetObject')]).toEqual([true, false]);
  });

  it('compares non-ASCII letters exactly: É is not folded to é', () => {
    expect([matchesLower('x:é*', 'x:été'), matchesLower('x:é*', 'x:Été')]).toEqual([true, false]);
  });

  it('lets trailing stars match nothing and refuses a pattern longer than the subject', () => {
    expect([matchesLower('ab**', 'ab'), matchesLower('ab?', 'ab'), matchesLower('', ''), matchesLower('', 'a')]).toEqual([true, false, true, false]);
  });
});

describe('globMatches against a regular expression', () => {
  it('agrees with the regular expression of the pattern on random patterns and subjects', () => {
    const chars = (pool: string[]) => fc.array(fc.constantFrom(...pool), { maxLength: 8 }).map((list) => list.join(''));
    const toRegExp = (pattern: string): RegExp => new RegExp(`^${[...pattern.toLowerCase()].map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char)).join('')}$`, 's');
    fc.assert(
      fc.property(chars(['a', 'B', ':', '*', '?']), chars(['a', 'b', 'A', ':']), (pattern, subject) => globMatches(parseGlob(pattern), subject.toLowerCase()) === toRegExp(pattern).test(subject.toLowerCase())),
      { seed: 7, numRuns: 2000 },
    );
  });
});
