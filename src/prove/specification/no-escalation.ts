import type { CheckInput } from '../context.js';
import type { StatementCase } from '../statement-case.js';
import { ConcreteStatement, isLowerCase, render, statementDefinitions, type SpecQuery } from './definitions.js';

/**
 * Claim 2, no escalation, for every string (future actions included): no w is allowed by R and
 * not by O, asked as one membership, w in LOWER ∩ A_R \ A_O. Strings are asked about without upper-case ASCII letters: matching is ASCII
 * case-insensitive, so every string has such a representative. Every pattern of both sides is in
 * the formula, kept ones too. Expected `unsat`. (Deny statements and non-action fields are
 * decided structurally, as `statementCases` pairs the statements.)
 */
export function noEscalationSpecification(statement: StatementCase, input: CheckInput): SpecQuery {
  const concrete = new ConcreteStatement(statement, input);
  return {
    claim: 'no-escalation',
    statement: statement.index,
    expected: 'unsat',
    witnesses: ['w'],
    script: render({
      title: `claim 2 (no escalation), statement ${statement.index}: some lower-case string w in A_R and not in A_O?`,
      expected: 'unsat',
      definitions: statementDefinitions(statement, input),
      declarations: ['(declare-const w String)'],
      assertions: ['(str.in_re w (re.inter LOWER A_R (re.comp A_O)))'],
    }),
    replay: ([w = '']) => isLowerCase(w) && concrete.allowedR(w) && !concrete.allowedO(w),
  };
}
