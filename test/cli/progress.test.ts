import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressStream, type ProgressTimer } from '../../src/cli/progress.js';

function recorder(isTTY: boolean): ProgressStream & { text: string } {
  const stream = { isTTY, text: '', write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

/** A heartbeat the test fires by hand, with the interval it was started with. */
function manualTimer(): { timer: ProgressTimer; fire: () => void; ms: () => number | undefined; stopped: () => boolean } {
  let tick: (() => void) | undefined;
  let every: number | undefined;
  let stopped = false;
  return {
    timer: (ms, callback) => {
      every = ms;
      tick = callback;
      return () => {
        stopped = true;
      };
    },
    fire: () => tick?.(),
    ms: () => every,
    stopped: () => stopped,
  };
}

describe('createProgress', () => {
  it('prints one line per item without a terminal, and no carriage return', () => {
    const stream = recorder(false);
    const progress = createProgress({ total: 2, noun: 'cases', stream, timer: manualTimer().timer });
    progress.advance({ line: 'ok   a' });
    progress.advance({ line: 'FAIL b', failed: true });
    progress.finish();
    expect(stream.text).toBe('ok   a\nFAIL b\n');
  });

  it('prints a status line at most once per interval when items bring no line', () => {
    const stream = recorder(false);
    let clock = 0;
    const progress = createProgress({ noun: 'cases', stream, intervalMs: 1000, now: () => clock, timer: manualTimer().timer });
    clock = 500;
    progress.advance();
    clock = 1200;
    progress.advance({ failed: true });
    clock = 1300;
    progress.advance();
    expect(stream.text).toBe('2 cases, 1.2 s, 1 failed\n');
  });

  it('keeps reporting between items: the heartbeat prints the status when nothing was printed for an interval', () => {
    const stream = recorder(false);
    const heartbeat = manualTimer();
    let clock = 0;
    const progress = createProgress({ noun: 'obligations', label: 'check', stream, intervalMs: 3000, now: () => clock, timer: heartbeat.timer });
    expect(heartbeat.ms()).toBe(3000);
    clock = 3000;
    heartbeat.fire();
    progress.expect(1206);
    for (let i = 0; i < 412; i++) progress.advance();
    clock = 4000;
    heartbeat.fire(); // printed a second ago: nothing yet
    clock = 8100;
    heartbeat.fire();
    progress.finish();
    heartbeat.fire(); // after finish: silent
    expect(stream.text).toBe('check: starting, 3.0 s\ncheck: 412/1,206 obligations, 8.1 s\n');
    expect(heartbeat.stopped()).toBe(true);
  });

  it('counts the steps inside an item, so a long fuzz case still shows work going on', () => {
    const stream = recorder(false);
    const heartbeat = manualTimer();
    let clock = 0;
    const progress = createProgress({ total: 300, noun: 'cases', label: 'fuzz', stepNoun: 'obligations', stream, intervalMs: 1000, now: () => clock, timer: heartbeat.timer });
    progress.advance();
    for (let i = 0; i < 1500; i++) progress.step();
    clock = 65_200;
    heartbeat.fire();
    expect(stream.text).toBe('fuzz: 1/300 cases, 1,500 obligations, 65.2 s\n');
  });

  it('redraws a bar in place on a terminal, every second too, and clears it when finished', () => {
    const stream = recorder(true);
    const heartbeat = manualTimer();
    let clock = 0;
    const progress = createProgress({ total: 4, noun: 'policies', stream, now: () => clock, timer: heartbeat.timer });
    expect(heartbeat.ms()).toBe(1000);
    clock = 1000;
    progress.advance();
    progress.advance({ line: 'refuted p2', failed: true });
    clock = 2000;
    heartbeat.fire();
    progress.finish();
    expect(stream.text).toBe(
      '[######------------------] 1/4 policies, 1.0 s' +
        '\r\x1b[2Krefuted p2\n[############------------] 2/4 policies, 1.0 s, 1 failed' +
        '\r\x1b[2K[############------------] 2/4 policies, 2.0 s, 1 failed' +
        '\r\x1b[2K',
    );
  });

  it('prints nothing at all with --quiet, on a terminal or not, and starts no heartbeat', () => {
    for (const isTTY of [true, false]) {
      const stream = recorder(isTTY);
      const heartbeat = manualTimer();
      let clock = 0;
      const progress = createProgress({ total: 2, noun: 'cases', stream, quiet: true, intervalMs: 1, now: () => clock, timer: heartbeat.timer });
      clock = 10_000;
      progress.expect(3);
      progress.step();
      progress.advance({ line: 'FAIL a', failed: true });
      heartbeat.fire();
      progress.finish();
      expect(stream.text).toBe('');
      expect(heartbeat.ms()).toBeUndefined();
    }
  });

  it('never keeps the process alive: the real heartbeat is unreferenced and stops on finish', async () => {
    const stream = recorder(false);
    const progress = createProgress({ noun: 'cases', stream, intervalMs: 5 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    progress.finish();
    const printed = stream.text;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stream.text).toBe(printed);
    expect(printed).toMatch(/^(starting, [0-9.]+ s\n)+$/);
  });
});
