import type { CheckInput } from '../context.js';
import type { StatementCase } from '../statement-case.js';
import { ConcreteStatement, existsIn, render, statementDefinitions, type SpecQuery } from './definitions.js';

/**
 * Claim 1, exact on the catalog, as its definition reads: for every a in C,
 * allowed_R(a) = (allowed_O(a) and a not in U). One query for the whole statement, over the
 * whole catalog: is there a catalog action on which the two sides differ? The existential over C
 * is written out, one disjunct per catalog action. Expected `unsat`.
 */
export function exactSpecification(statement: StatementCase, input: CheckInput): SpecQuery {
  const concrete = new ConcreteStatement(statement, input);
  return {
    claim: 'exact',
    statement: statement.index,
    expected: 'unsat',
    witnesses: ['a'],
    script: render({
      title: `claim 1 (exact), statement ${statement.index}: some a in C with allowed_R(a) /= (allowed_O(a) and a not in U)?`,
      expected: 'unsat',
      definitions: statementDefinitions(statement, input),
      declarations: ['(define-fun differs ((x String)) Bool (not (= (allowed_R x) (and (allowed_O x) (not (in_U x))))))', '(declare-const a String)'],
      assertions: [existsIn('a', input.catalog.lowerActions, (action) => `(differs ${action})`)],
    }),
    replay: ([a = '']) => concrete.inC(a) && concrete.allowedR(a) !== (concrete.allowedO(a) && !concrete.inU(a)),
  };
}
