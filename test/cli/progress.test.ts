import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream } from '../../src/cli/progress.js';

function recorder(isTTY: boolean): ProgressStream & { text: string } {
  const stream = { isTTY, text: '', write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

describe('createProgress', () => {
  it('prints one line per item without a terminal, and no carriage return', () => {
    const stream = recorder(false);
    const progress = createProgress({ total: 2, noun: 'cases', stream });
    progress.advance({ line: 'ok   a' });
    progress.advance({ line: 'FAIL b', failed: true });
    progress.finish();
    expect(stream.text).toBe('ok   a\nFAIL b\n');
  });

  it('prints a status line at most once per interval when items bring no line', () => {
    const stream = recorder(false);
    let clock = 0;
    const progress = createProgress({ noun: 'cases', stream, intervalMs: 1000, now: () => clock });
    clock = 500;
    progress.advance();
    clock = 1200;
    progress.advance({ failed: true });
    clock = 1300;
    progress.advance();
    expect(stream.text).toBe('2 cases · 1.7/s · 1 failed\n');
  });

  it('redraws a bar in place on a terminal and clears it when finished', () => {
    const stream = recorder(true);
    let clock = 0;
    const progress = createProgress({ total: 4, noun: 'policies', stream, now: () => clock });
    clock = 1000;
    progress.advance();
    progress.advance({ line: 'refuted p2', failed: true });
    progress.finish();
    expect(stream.text).toBe(
      '[######------------------] 1/4 policies · 1.0/s · 0 failed' +
        '\r\x1b[2Krefuted p2\n[############------------] 2/4 policies · 2.0/s · 1 failed' +
        '\r\x1b[2K',
    );
  });
});
