import { lowerAscii } from '../../glob/glob.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { member, regexUnion } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { chunksByService, type Chunk } from './chunks.js';
import { definitions, type PatternSet } from './pattern-set.js';
import { lowerCaseDomain } from './terms.js';

/**
 * Claim 2, no escalation, for every string (future actions included): the patterns of R that O
 * does not have verbatim match only strings O matches; for `NotAction`, the original exclusions R
 * does not keep verbatim are still excluded. One regex difference per service chunk, against the
 * patterns that can overlap it (the others start differently); expected `unsat`.
 */
export function noEscalationObligations(statement: StatementCase): Obligation[] {
  const refined = statement.refined;
  if (refined === undefined) return [];
  // Action: refined patterns must stay inside the originals. NotAction: original exclusions inside the refined ones.
  const [inner, outer] = statement.kind === 'Action' ? [refined, statement.original] : [statement.original, refined];
  const changed = inner.texts.flatMap((text, position) => (outer.texts.includes(text) ? [] : [position]));
  return chunksByService(inner, changed).map((chunk) => containment(statement, inner, outer, chunk));
}

function containment(statement: StatementCase, inner: PatternSet, outer: PatternSet, chunk: Chunk<number>): Obligation {
  const covering = [...new Set(chunk.items.flatMap((position) => outer.overlapping(inner.globs[position]!.literalPrefix)))].sort((a, b) => a - b);
  const id = `s${statement.index}-no-escalation-${chunk.key}`;
  const isAction = statement.kind === 'Action';
  const what = isAction ? 'refined patterns' : 'original exclusions';
  const texts = chunk.items.map((position) => JSON.stringify(inner.texts[position]));
  return {
    id,
    claim: 'no-escalation',
    statement: statement.index,
    title: `statement ${statement.index}: every string the ${what} ${texts.length > 3 ? `(${texts.length}, ${chunk.key})` : texts.join(', ')} match, the ${isAction ? 'original patterns' : 'refined exclusions'} match`,
    expected: 'unsat',
    witnesses: ['w'],
    script: renderScript({
      id,
      claim: 'no-escalation',
      expected: 'unsat',
      comments: [
        `Statement ${statement.index} (${statement.kind}): ${what} ${texts.join(', ')}.`,
        `unsat: no string is in one of them and outside the union of the ${covering.length} patterns that can overlap them.`,
      ],
      declarations: [...definitions(inner, chunk.items), ...definitions(outer, covering), '(declare-const w String)'],
      assertions: [
        member('w', `(re.diff ${regexUnion(chunk.items.map((position) => inner.name(position)))} ${regexUnion(covering.map((index) => outer.name(index)))})`),
        lowerCaseDomain(),
      ],
    }),
    refutation: ([witness = '']) => {
      const culprit = chunk.items.find((position) => inner.matchesAt(position, lowerAscii(witness)));
      const pattern = culprit === undefined ? 'a pattern' : JSON.stringify(inner.texts[culprit]);
      return {
        example: witness,
        explanation: isAction
          ? `refined pattern ${pattern} matches ${JSON.stringify(witness)}, which no original pattern matches`
          : `original exclusion ${pattern} excludes ${JSON.stringify(witness)}, which the refined exclusions no longer exclude`,
      };
    },
    replay: ([witness = '']) => {
      const lower = lowerAscii(witness);
      return chunk.items.some((position) => inner.matchesAt(position, lower)) && !outer.matches(lower);
    },
  };
}
