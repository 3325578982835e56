import type { CheckInput } from '../context.js';
import type { StatementCase } from '../statement-case.js';
import { ConcreteStatement, existsIn, render, statementDefinitions, unusedList, type SpecQuery } from './definitions.js';

/**
 * Claim 3, safety: no a in U is allowed by R. One query for the statement over the whole unused
 * set, written out one disjunct per unused action (a dropped statement allows nothing). Expected
 * `unsat`.
 */
export function safetySpecification(statement: StatementCase, input: CheckInput): SpecQuery {
  const concrete = new ConcreteStatement(statement, input);
  return {
    claim: 'safety',
    statement: statement.index,
    expected: 'unsat',
    witnesses: ['a'],
    script: render({
      title: `claim 3 (safety), statement ${statement.index}: some a in U with allowed_R(a)?`,
      expected: 'unsat',
      definitions: statementDefinitions(statement, input),
      declarations: ['(declare-const a String)'],
      assertions: [existsIn('a', unusedList(input), (action) => `(allowed_R ${action})`)],
    }),
    replay: ([a = '']) => concrete.inU(a) && concrete.allowedR(a),
  };
}
