import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/prove/obligation.js';
import { memoizedSolver } from '../../../src/prove/solver/memoized.js';
import type { Solver } from '../../../src/prove/solver/solver.js';

/** A solver that answers from a script's first line and counts what it is asked. */
function countingSolver(): Solver & { asked: string[]; closed: boolean } {
  const solver = {
    version: 'counting 1',
    workers: 2,
    asked: [] as string[],
    closed: false,
    solve: async (script: string, witnesses: readonly string[] = []): Promise<Outcome> => {
      solver.asked.push(`${script}|${witnesses.join(',')}`);
      const status = script.split('\n')[0] as Outcome['status'];
      return status === 'sat' ? { status, timeMs: 1, witnesses: witnesses.map((name) => `${name}-value`) } : { status, timeMs: 1 };
    },
    close: async () => {
      solver.closed = true;
    },
  };
  return solver;
}

describe('memoizedSolver', () => {
  it('answers a script it decided from memory, with the same witnesses, and asks again when the witnesses differ', async () => {
    const inner = countingSolver();
    const solver = memoizedSolver(inner);
    const first = await solver.solve('sat\n(check-sat)', ['w']);
    expect(await solver.solve('sat\n(check-sat)', ['w'])).toEqual(first);
    expect(first).toEqual({ status: 'sat', timeMs: 1, witnesses: ['w-value'] });
    await solver.solve('sat\n(check-sat)', ['v']);
    await solver.solve('unsat\n(check-sat)');
    await solver.solve('unsat\n(check-sat)');
    expect(inner.asked).toEqual(['sat\n(check-sat)|w', 'sat\n(check-sat)|v', 'unsat\n(check-sat)|']);
  });

  it('shares a script in flight, and asks again after an unknown, a timeout or an error', async () => {
    const inner = countingSolver();
    const solver = memoizedSolver(inner);
    const [a, b] = await Promise.all([solver.solve('unsat\nA'), solver.solve('unsat\nA')]);
    expect(a).toBe(b);
    for (const status of ['unknown', 'timeout', 'error'] as const) {
      await solver.solve(`${status}\nB`);
      expect((await solver.solve(`${status}\nB`)).status).toBe(status);
    }
    expect(inner.asked).toEqual(['unsat\nA|', 'unknown\nB|', 'unknown\nB|', 'timeout\nB|', 'timeout\nB|', 'error\nB|', 'error\nB|']);
  });

  it('forgets its oldest answer beyond its capacity, and passes on the version, the workers and close', async () => {
    const inner = countingSolver();
    const solver = memoizedSolver(inner, 2);
    for (const script of ['unsat\n1', 'unsat\n2', 'unsat\n3', 'unsat\n1']) await solver.solve(script);
    expect(inner.asked).toEqual(['unsat\n1|', 'unsat\n2|', 'unsat\n3|', 'unsat\n1|']);
    await solver.close();
    expect({ version: solver.version, workers: solver.workers, closed: inner.closed }).toEqual({ version: 'counting 1', workers: 2, closed: true });
  });
});
