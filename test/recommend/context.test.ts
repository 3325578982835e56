import { describe, expect, it } from 'vitest';
import { byLowerCase, sortedPatterns } from '../../src/recommend/context.js';

describe('byLowerCase', () => {
  it('orders by lower-cased text, then by the text itself so that the order is total', () => {
    expect(['s3:b', 'S3:A', 's3:a', 's3:Get*', 's3:GetObject'].sort(byLowerCase)).toEqual(['S3:A', 's3:a', 's3:b', 's3:Get*', 's3:GetObject']);
  });
});

describe('sortedPatterns', () => {
  it('sorts patterns case-insensitively and drops repeats that differ only in case, keeping the first in order', () => {
    expect(sortedPatterns(['s3:List*', 's3:getobject', 's3:GetObject', 's3:Get*'])).toEqual(['s3:Get*', 's3:GetObject', 's3:List*']);
  });
});
