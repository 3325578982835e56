import { describe, expect, it } from 'vitest';
import { isWildcard, lowerAscii, parseGlob } from '../../src/glob/glob.js';

describe('parseGlob', () => {
  it('keeps the text, lower-cases it and takes the literal prefix before the first wildcard', () => {
    expect(parseGlob('S3:Get*Acl')).toEqual({ text: 'S3:Get*Acl', lower: 's3:get*acl', literalPrefix: 's3:get', hasWildcard: true, isPrefixPattern: false });
  });

  it('recognises "starts with" patterns: one trailing star and no other wildcard', () => {
    expect(['s3:Get*', '*', 's3:*Get*', 's3:Get?', 's3:Get**', 's3:GetObject'].map((text) => parseGlob(text).isPrefixPattern)).toEqual([true, true, false, false, false, false]);
  });

  it('treats "?" as a wildcard anywhere, the service part included', () => {
    expect(parseGlob('s?:GetObject')).toMatchObject({ literalPrefix: 's', hasWildcard: true, isPrefixPattern: false });
  });

  it('takes a literal as its own prefix', () => {
    expect(parseGlob('s3:GetObject')).toMatchObject({ literalPrefix: 's3:getobject', hasWildcard: false });
  });
});

describe('lowerAscii', () => {
  it('lower-cases ASCII letters only: É, Ä and the Kelvin sign stay as they are', () => {
    expect(lowerAscii('S3:GetÉTAT-Ä\u212A')).toBe('s3:getÉtat-Ä\u212A');
  });

  it('returns text without capitals unchanged', () => {
    expect(lowerAscii('s3:get*')).toBe('s3:get*');
  });
});

describe('isWildcard', () => {
  it('holds for "*" and "?" only', () => {
    expect(['*', '?', 'a', ':', undefined].map(isWildcard)).toEqual([true, true, false, false, false]);
  });
});
