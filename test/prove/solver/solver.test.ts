import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/prove/obligation.js';
import { observedSolver, type Solver } from '../../../src/prove/solver/solver.js';

/** A solver that answers each script when told to, in any order. */
function heldSolver(): Solver & { answer: (index: number, outcome: Outcome) => void; closed: boolean } {
  const pending: ((outcome: Outcome) => void)[] = [];
  const solver = {
    version: 'held 1',
    workers: 3,
    closed: false,
    solve: () => new Promise<Outcome>((resolve) => pending.push(resolve)),
    close: async () => {
      solver.closed = true;
    },
    answer: (index: number, outcome: Outcome) => pending[index]!(outcome),
  };
  return solver;
}

describe('observedSolver', () => {
  it('tells of each script as it is queued and as its answer settles, in the order answers come, and passes them on unchanged', async () => {
    const inner = heldSolver();
    const events: string[] = [];
    const solver = observedSolver(inner, { onQueued: () => events.push('queued'), onSettled: (outcome) => events.push(`settled ${outcome.status}`) });
    const first = solver.solve('(check-sat)');
    const second = solver.solve('(check-sat)', ['w']);
    expect(events).toEqual(['queued', 'queued']);
    inner.answer(1, { status: 'sat', timeMs: 2, witnesses: ['x'] });
    expect(await second).toEqual({ status: 'sat', timeMs: 2, witnesses: ['x'] });
    inner.answer(0, { status: 'timeout', timeMs: 9 });
    expect(await first).toEqual({ status: 'timeout', timeMs: 9 });
    await solver.close();
    expect({ events, version: solver.version, workers: solver.workers, closed: inner.closed }).toEqual({ events: ['queued', 'queued', 'settled sat', 'settled timeout'], version: 'held 1', workers: 3, closed: true });
  });
});
