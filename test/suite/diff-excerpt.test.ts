import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/report/diff.js';
import { diffExcerpt } from '../../src/suite/diff-excerpt.js';

const lines = (count: number, edit: (line: number) => string | undefined = () => undefined): string =>
  Array.from({ length: count }, (_, index) => edit(index + 1) ?? `line ${index + 1}`)
    .filter((line) => line !== '')
    .join('\n') + '\n';

describe('diffExcerpt', () => {
  it('keeps each change with three lines around it, one hunk each, with line numbers of both sides', () => {
    const before = lines(30);
    const after = lines(30, (line) => (line === 5 ? 'line five' : line === 25 ? '' : undefined));
    expect(diffExcerpt(unifiedDiff(before, after, 'old', 'new'))).toBe(
      ['--- old', '+++ new', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', ' line 8', '@@ -22,7 +22,6 @@', ' line 22', ' line 23', ' line 24', '-line 25', ' line 26', ' line 27', ' line 28', ''].join('\n'),
    );
  });

  it('merges changes closer than twice the context into one hunk', () => {
    const after = lines(12, (line) => (line === 4 || line === 9 ? `changed ${line}` : undefined));
    const excerpt = diffExcerpt(unifiedDiff(lines(12), after, 'old', 'new'));
    expect(excerpt.split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,12 +1,12 @@']);
  });

  it('is only the header when nothing changed', () => {
    expect(diffExcerpt(unifiedDiff(lines(3), lines(3), 'old', 'new'))).toBe('--- old\n+++ new\n');
  });
});
