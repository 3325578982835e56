import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and, member, not, or, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { definitions } from './pattern-set.js';
import { lines, witnessIs } from './terms.js';

const WITNESS_CANDIDATES = 16;
const REFUTATION_CANDIDATES = 256;

/**
 * Claim 5, no redundancy: in a refined statement, each pattern that matches a catalog action
 * matches one that no other pattern of the statement matches (for `NotAction`, each added
 * exclusion: the original ones must stay). One ground query per pattern over candidate actions
 * found by enumeration; expected `sat`, the witness being the action only that pattern covers.
 */
export function noRedundancyObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const refined = statement.refined;
  if (refined === undefined || !statement.changed) return [];
  const { catalog } = input;
  return refined.texts.flatMap((text, position) => {
    if (statement.kind === 'NotAction' && statement.original.texts.includes(text)) return [];
    const matched = catalog.matching(refined.globs[position]!).map((index) => catalog.lowerActions[index]!);
    if (matched.length === 0) return [];
    const unique = matched.filter((action) => !refined.matches(action, position));
    const candidates = unique.length > 0 ? unique.slice(0, WITNESS_CANDIDATES) : matched.slice(0, REFUTATION_CANDIDATES);
    const used = new Set<number>([position]);
    const terms = candidates.map((action) => {
      const others = refined.fitting(action).filter((index) => index !== position);
      for (const index of others) used.add(index);
      const literal = stringLiteral(action);
      return and([witnessIs(action), member(literal, refined.name(position)), not(or(others.map((index) => member(literal, refined.name(index)))))]);
    });
    const id = `s${statement.index}-no-redundancy-${refined.name(position)}`;
    return [
      {
        id,
        claim: 'no-redundancy',
        statement: statement.index,
        title: `statement ${statement.index}: "${text}" covers an action no other pattern covers`,
        expected: 'sat',
        witness: 'w',
        unsatExample: text,
        refutation: () => `"${text}" is covered, on the catalog, by the other patterns of the statement`,
        script: renderScript({
          id,
          claim: 'no-redundancy',
          expected: 'sat',
          comments: [
            `Statement ${statement.index} (${statement.kind}): pattern ${JSON.stringify(text)} matches ${matched.length} catalog actions.`,
            unique.length > 0 ? 'sat: one of these candidates is matched by it and by no other pattern.' : 'Every catalog action it matches is listed (up to a bound): none should be its alone.',
          ],
          declarations: [...definitions(refined, used), '(declare-const w String)'],
          assertions: [lines('or', terms)],
        }),
        replay: (witness) => catalog.indexOf(witness) !== undefined && refined.matchesAt(position, witness) && !refined.matches(witness, position),
      } satisfies Obligation,
    ];
  });
}
