import { createHash } from 'node:crypto';
import type { Outcome } from '../obligation.js';
import type { Solver } from './solver.js';

/**
 * The same solver, answering a script it has already decided from memory. The solver's answer
 * and witnesses are a function of the script alone (each is solved in a fresh context), so a
 * repeat gets what solving it again would give. Only `sat` and `unsat` are kept: an `unknown`, a
 * timeout or an error is asked again. Meant for runs of many related checks: in the fuzz campaign
 * an output's broken versions share half of all scripts with it, and in `prove proofs` the cases
 * of one policy (its unused sets none, random, all) share a fifth (measured).
 */
export function memoizedSolver(solver: Solver, capacity = 16_384): Solver {
  // Insertion order is age: the oldest answer goes first when full. Scripts in flight are shared.
  const answers = new Map<string, Promise<Outcome>>();
  return {
    version: solver.version,
    workers: solver.workers,
    close: () => solver.close(),
    solve(script, witnesses = []) {
      const key = createHash('sha256').update(script).update('\0').update(witnesses.join('\0')).digest('base64');
      const known = answers.get(key);
      if (known !== undefined) return known;
      const answer = solver.solve(script, witnesses).then((outcome) => {
        if (outcome.status !== 'sat' && outcome.status !== 'unsat') answers.delete(key);
        return outcome;
      });
      answers.set(key, answer);
      if (answers.size > capacity) answers.delete(answers.keys().next().value!);
      return answer;
    },
  };
}
