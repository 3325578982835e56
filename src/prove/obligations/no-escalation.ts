import { lowerAscii } from '../../glob/glob.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { member, regexUnion } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { definitions, type PatternSet } from './pattern-set.js';
import { LOWER_CASE_DOMAIN } from './terms.js';

/**
 * Claim 2, no escalation, for every string (future actions included): each pattern of R that O
 * does not have verbatim matches only strings O matches; for `NotAction`, each original
 * exclusion R does not keep verbatim is still excluded. One query per pattern, a regex
 * difference; expected `unsat`.
 */
export function noEscalationObligations(statement: StatementCase): Obligation[] {
  const refined = statement.refined;
  if (refined === undefined) return [];
  // Action: refined patterns must stay inside the originals. NotAction: original exclusions inside the refined ones.
  const [inner, outer] = statement.kind === 'Action' ? [refined, statement.original] : [statement.original, refined];
  return inner.texts.flatMap((text, position) => (outer.texts.includes(text) ? [] : [containment(statement, inner, position, outer)]));
}

function containment(statement: StatementCase, inner: PatternSet, position: number, outer: PatternSet): Obligation {
  const glob = inner.globs[position]!;
  const covering = outer.overlapping(glob.literalPrefix);
  const id = `s${statement.index}-no-escalation-${inner.name(position)}`;
  const what = statement.kind === 'Action' ? `refined pattern ${JSON.stringify(glob.text)}` : `original exclusion ${JSON.stringify(glob.text)}`;
  return {
    id,
    claim: 'no-escalation',
    statement: statement.index,
    title: `statement ${statement.index}: every string ${what} matches, the ${statement.kind === 'Action' ? 'original patterns' : 'refined exclusions'} match`,
    expected: 'unsat',
    witness: 'w',
    script: renderScript({
      id,
      claim: 'no-escalation',
      expected: 'unsat',
      comments: [
        `Statement ${statement.index} (${statement.kind}): ${what}.`,
        `unsat: no string is in ${inner.name(position)} and outside the union of the ${covering.length} patterns that can overlap it (the others start differently).`,
      ],
      declarations: [...definitions(inner, [position]), ...definitions(outer, covering), '(declare-const w String)'],
      assertions: [member('w', `(re.diff ${inner.name(position)} ${regexUnion(covering.map((index) => outer.name(index)))})`), LOWER_CASE_DOMAIN],
    }),
    refutation: (witness) =>
      statement.kind === 'Action'
        ? `${what} matches ${JSON.stringify(witness)}, which no original pattern matches`
        : `${what} excludes ${JSON.stringify(witness)}, which the refined exclusions no longer exclude`,
    replay: (witness) => {
      const lower = lowerAscii(witness);
      return inner.matchesAt(position, lower) && !outer.matches(lower);
    },
  };
}
