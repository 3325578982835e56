import { describe, expect, it } from 'vitest';
import { sideBySide } from '../../src/explain/side-by-side.js';

const cell = (text: string, changed: boolean) => ({ text, changed });

describe('the side-by-side diff', () => {
  it('sets a replaced line beside its replacements and keeps unchanged lines on both sides', () => {
    expect(sideBySide('[\n  "s3:Get*",\n  "s3:List*"\n]\n', '[\n  "s3:GetAccess*",\n  "s3:GetObject*",\n  "s3:List*"\n]\n')).toEqual([
      { left: cell('[', false), right: cell('[', false) },
      { left: cell('  "s3:Get*",', true), right: cell('  "s3:GetAccess*",', true) },
      { left: undefined, right: cell('  "s3:GetObject*",', true) },
      { left: cell('  "s3:List*"', false), right: cell('  "s3:List*"', false) },
      { left: cell(']', false), right: cell(']', false) },
    ]);
  });

  it('leaves the right side empty for removed lines, and for a detached policy', () => {
    expect(sideBySide('a\nb\n', 'a\n')).toEqual([
      { left: cell('a', false), right: cell('a', false) },
      { left: cell('b', true), right: undefined },
    ]);
    expect(sideBySide('a\n', '')).toEqual([{ left: cell('a', true), right: undefined }]);
  });
});
