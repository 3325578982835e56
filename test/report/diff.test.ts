import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/report/diff.js';

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

describe('unifiedDiff', () => {
  it('writes the two names, one hunk over the whole document, and every line as context', () => {
    expect(unifiedDiff(lines('a', 'b', 'c'), lines('a', 'B', 'c'), 'policy.json', 'policy.json (recommended)')).toBe(
      lines('--- policy.json', '+++ policy.json (recommended)', '@@ -1,3 +1,3 @@', ' a', '-b', '+B', ' c'),
    );
  });

  it('puts removals before additions where lines were replaced', () => {
    expect(unifiedDiff(lines('[', '"s3:Get*",', '"s3:List*"', ']'), lines('[', '"s3:GetObject*",', '"s3:GetBucketPolicy",', '"s3:List*"', ']'), 'a', 'b')).toBe(
      lines('--- a', '+++ b', '@@ -1,4 +1,5 @@', ' [', '-"s3:Get*",', '+"s3:GetObject*",', '+"s3:GetBucketPolicy",', ' "s3:List*"', ' ]'),
    );
  });

  it('keeps the lines common to both in the middle, as a longest common subsequence', () => {
    expect(unifiedDiff(lines('x', 'a', 'y', 'b', 'z'), lines('a', 'b'), 'a', 'b')).toBe(lines('--- a', '+++ b', '@@ -1,5 +1,2 @@', '-x', ' a', '-y', ' b', '-z'));
  });

  it('shows an unchanged document as all context', () => {
    expect(unifiedDiff(lines('a', 'b'), lines('a', 'b'), 'a', 'b')).toBe(lines('--- a', '+++ b', '@@ -1,2 +1,2 @@', ' a', ' b'));
  });

  it('writes an empty side as 0,0: a detached policy is all removals', () => {
    expect(unifiedDiff(lines('a', 'b'), '', 'policy.json', 'policy.json (DETACH_POLICY)')).toBe(lines('--- policy.json', '+++ policy.json (DETACH_POLICY)', '@@ -1,2 +0,0 @@', '-a', '-b'));
  });

  it('reads a last line without a newline like one with it', () => {
    expect(unifiedDiff('a\nb', 'a\nc\n', 'a', 'b')).toBe(lines('--- a', '+++ b', '@@ -1,2 +1,2 @@', ' a', '-b', '+c'));
  });
});
