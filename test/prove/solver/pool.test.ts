import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SolverPool } from '../../../src/prove/solver/pool.js';
import { sharedPool, SLOW_SCRIPT } from '../_support.js';

const pool = sharedPool(2);

/** One worker, 50 ms per obligation: the slow script overruns it. */
let short: SolverPool;
beforeAll(async () => {
  short = await SolverPool.start({ workers: 1, timeoutMs: 50 });
});
afterAll(async () => {
  await short.close();
});

/** A script whose only model gives `w` this value. */
const witnessScript = (value: string): string => `(set-logic QF_S)\n(declare-const w String)\n(assert (= w "${value}"))\n(check-sat)\n`;

/** Solves scripts at once and lists their names in the order the answers arrive. */
async function arrivalOrder(on: SolverPool, scripts: Readonly<Record<string, string>>): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(Object.entries(scripts).map(([name, script]) => on.solve(script, ['w']).then(() => order.push(name))));
  return order;
}

/** Whether a promise has settled once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('SolverPool', () => {
  it('runs the number of workers it is asked for', () => {
    expect([pool().workers, short.workers]).toEqual([2, 1]);
  });

  it('names the Z3 version its workers run', () => {
    expect(pool().version).toMatch(/^Z3 \d+\.\d+\.\d+/);
  });

  it('solves several scripts at once on 2 workers, each answer with its own witness', async () => {
    const values = ['a0', 'b1', 'c2', 'd3', 'e4', 'f5', 'g6', 'h7'];
    const outcomes = await Promise.all(values.map((value) => pool().solve(witnessScript(value), ['w'])));
    expect(outcomes.map(({ status, witnesses }) => ({ status, witnesses }))).toEqual(values.map((value) => ({ status: 'sat', witnesses: [value] })));
  });

  it('answers a quick script on the second worker while the first is busy with a slow one', async () => {
    expect(await arrivalOrder(pool(), { slow: SLOW_SCRIPT, quick: witnessScript('q') })).toEqual(['quick', 'slow']);
  });

  it('answers in submission order on one worker', async () => {
    expect(await arrivalOrder(short, { slow: SLOW_SCRIPT, quick: witnessScript('q') })).toEqual(['slow', 'quick']);
  });

  it('answers unsat without a witness', async () => {
    expect(await pool().solve('(set-logic QF_S)\n(assert (= "a" "b"))\n(check-sat)\n', ['w'])).toEqual({ status: 'unsat', timeMs: expect.any(Number) as number });
  });

  it('answers an unsat-stated ground file by what it says, not by its stated status', async () => {
    // Such files go to Z3's simplifier first: it may settle `unsat`, never invent it.
    const ground = (second: string): string =>
      `(set-logic QF_S)\n(set-info :status unsat)\n(declare-const w String)\n(define-fun p ((a String)) Bool (str.prefixof "s3:get" a))\n(assert (or (and (= w "s3:getobject") (not (p "s3:getobject"))) (and (= w "${second}") (not (p "${second}")))))\n(check-sat)\n`;
    const [holds, fails] = await Promise.all([pool().solve(ground('s3:getacl'), ['w']), pool().solve(ground('s3:putobject'), ['w'])]);
    expect([holds.status, fails.status, fails.witnesses]).toEqual(['unsat', 'sat', ['s3:putobject']]);
  });

  it('gives no witnesses for sat when no witness constant is asked for', async () => {
    const { status, witnesses } = await pool().solve('(set-logic QF_S)\n(check-sat)\n');
    expect({ status, witnesses }).toEqual({ status: 'sat', witnesses: [] });
  });

  it('reads back several witness constants, in the order asked', async () => {
    const script = '(set-logic QF_S)\n(declare-const a String)\n(declare-const b String)\n(assert (= a "first"))\n(assert (= b "s\\u{e9}cond"))\n(check-sat)\n';
    const { status, witnesses } = await pool().solve(script, ['b', 'a']);
    expect({ status, witnesses }).toEqual({ status: 'sat', witnesses: ['s\u00e9cond', 'first'] });
  });

  it('reports timeout for a script that overruns the per-obligation limit', async () => {
    const { status, reason } = await short.solve(SLOW_SCRIPT, ['w']);
    expect({ status, reason }).toEqual({ status: 'timeout', reason: 'timeout' });
  });

  it('takes an answer that came while the main thread was busy past the timeout and its grace, keeping the worker', async () => {
    const answer = short.solve(witnessScript('waiting'), ['w']);
    // Longer than 50 ms and the 5 s grace, so that the overrun timer and the answer both wait behind
    // it; busy in the event loop's check phase, the timers phase comes next, before the messages.
    await new Promise<void>((resolve) =>
      setImmediate(() => {
        const until = Date.now() + 5_300;
        while (Date.now() < until);
        resolve();
      }),
    );
    const { status, witnesses } = await answer;
    expect({ status, witnesses }).toEqual({ status: 'sat', witnesses: ['waiting'] });
    expect((await short.solve(witnessScript('next'), ['w'])).witnesses).toEqual(['next']);
  });

  it('keeps answering on the same worker after a timeout', async () => {
    await short.solve(SLOW_SCRIPT, ['w']);
    const { status, witnesses } = await short.solve(witnessScript('after'), ['w']);
    expect({ status, witnesses }).toEqual({ status: 'sat', witnesses: ['after'] });
  });

  it("reports error with Z3's message for a script that does not parse", async () => {
    const { status, reason } = await pool().solve('(check-sat');
    expect({ status, reason }).toEqual({ status: 'error', reason: '(error "line 1 column 11: invalid expression, unexpected input")\n' });
  });

  it('reports error for an undeclared constant', async () => {
    const { status, reason } = await pool().solve('(assert (= x 1))\n(check-sat)\n');
    expect({ status, reason }).toEqual({ status: 'error', reason: '(error "line 1 column 12: unknown constant x")\n' });
  });

  it('refuses to solve once closed', async () => {
    const closed = await SolverPool.start({ workers: 1 });
    await closed.close();
    await expect(closed.solve(witnessScript('late'))).rejects.toThrow('the solver pool is closed');
  });

  // Regression (was a bug): close() stops the workers without settling the jobs they were running or had queued.
  it('settles a solve that is still running when the pool closes', async () => {
    const closing = await SolverPool.start({ workers: 1 });
    const running = closing.solve(SLOW_SCRIPT);
    await closing.close();
    expect(await settled(running)).toBe(true);
  });
});
