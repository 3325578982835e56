import type { CheckInput } from '../context.js';
import { stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { and, ConcreteStatement, existsIn, or, patternName, render, statementDefinitions, type SpecQuery } from './definitions.js';

/**
 * Claim 5, no redundancy, in a refined statement (changed, not dropped): each pattern of R (for
 * `NotAction`, each added exclusion) that matches some catalog action matches one that no other
 * pattern of R matches. Both "matches no catalog action" and "some catalog action it alone
 * matches" are written out over the whole catalog; which action is the solver's to find. One witness constant per pattern, one query for
 * the statement, expected `sat`.
 */
export function noRedundancySpecification(statement: StatementCase, input: CheckInput): SpecQuery | undefined {
  const refined = statement.refined;
  if (refined === undefined || !statement.changed) return undefined;
  const positions = refined.texts.flatMap((text, position) => (statement.kind === 'NotAction' && statement.original.texts.includes(text) ? [] : [position]));
  if (positions.length === 0) return undefined;
  const catalog = input.catalog.lowerActions;
  const texts = refined.texts;
  // For each pattern, the union of the others: what covers an action it matches.
  const othersOf = positions.map((position) => {
    const others = texts.flatMap((_, other) => (other === position ? [] : [patternName('r', other)]));
    return `(define-fun others${position} () RegLan ${others.length === 0 ? 're.none' : others.length === 1 ? others[0]! : `(re.union ${others.join(' ')})`})`;
  });
  const assertions = positions.map((position) => {
    const own = patternName('r', position);
    const matchesNothing = `(not ${or(catalog.map((action) => `(str.in_re ${stringLiteral(action)} ${own})`))})`;
    const alone = existsIn(`w${position}`, catalog, (action) => and([`(str.in_re ${action} ${own})`, `(not (str.in_re ${action} others${position}))`]));
    return or([matchesNothing, alone]);
  });
  const concrete = new ConcreteStatement(statement, input);
  return {
    claim: 'no-redundancy',
    statement: statement.index,
    expected: 'sat',
    witnesses: positions.map((position) => `w${position}`),
    script: render({
      title: `claim 5 (no redundancy), statement ${statement.index}: each pattern matching a catalog action matches one no other pattern matches`,
      expected: 'sat',
      definitions: statementDefinitions(statement, input),
      declarations: [...othersOf, ...positions.map((position) => `(declare-const w${position} String)`)],
      assertions,
    }),
    replay: (values) =>
      positions.every((position, slot) => {
        const value = values[slot] ?? '';
        const matchesNothing = !catalog.some((action) => ConcreteStatement.matches([texts[position]!], action));
        const unique = concrete.inC(value) && ConcreteStatement.matches([texts[position]!], value) && !ConcreteStatement.matches(texts.filter((_, other) => other !== position), value);
        return matchesNothing || unique;
      }),
  };
}
