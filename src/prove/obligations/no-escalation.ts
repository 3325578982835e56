import { lowerAscii } from '../../glob/glob.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { member, or, regexUnion, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { chunksByService, type Chunk } from './chunks.js';
import { coveringForm } from './covering.js';
import { definitions, predicates, type PatternSet } from './pattern-set.js';
import { lowerCaseDomain, orLines } from './terms.js';

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
  const literals = changed.filter((position) => !inner.globs[position]!.hasWildcard);
  const wildcards = changed.filter((position) => inner.globs[position]!.hasWildcard);
  return [
    ...(literals.length === 0 ? [] : [literalContainment(statement, inner, outer, literals)]),
    ...chunksByService(inner, wildcards).map((chunk) => containment(statement, inner, outer, chunk)),
  ];
}

/**
 * A pattern without wildcards matches one string (lower-cased): it stays inside the outer
 * patterns iff one of them matches that string, a ground question, one line per pattern.
 */
function literalContainment(statement: StatementCase, inner: PatternSet, outer: PatternSet, positions: readonly number[]): Obligation {
  const id = `s${statement.index}-no-escalation-literals`;
  const isAction = statement.kind === 'Action';
  const what = isAction ? 'refined patterns' : 'original exclusions';
  const used = new Set<number>();
  const lines = positions.map((position) => {
    const subject = inner.globs[position]!.lower;
    const fitting = outer.fitting(subject);
    for (const index of fitting) used.add(index);
    return `(escapes ${stringLiteral(subject)} ${or(fitting.map((index) => outer.applied(index, stringLiteral(subject))))})`;
  });
  return {
    id,
    claim: 'no-escalation',
    statement: statement.index,
    title: `statement ${statement.index}: the ${positions.length} ${what} without wildcards are matched by the ${isAction ? 'original patterns' : 'refined exclusions'}`,
    expected: 'unsat',
    witnesses: ['w'],
    script: renderScript({
      id,
      claim: 'no-escalation',
      expected: 'unsat',
      comments: [
        `Claim 2 (no escalation), statement ${statement.index} (${statement.kind}): the ${what} without wildcards, each the one string it matches (lower-cased).`,
        `Each line: that string, and whether one of the ${isAction ? 'original patterns' : 'refined exclusions'} whose literal prefix it starts with matches it (no other can).`,
        'unsat: every one of them is matched.',
      ],
      declarations: [...predicates(outer, used), '(declare-const w String)', '(define-fun escapes ((a String) (matched-by-outer Bool)) Bool (and (= w a) (not matched-by-outer)))'],
      assertions: [orLines(lines)],
    }),
    refutation: ([witness = '']) => {
      const culprit = positions.find((position) => inner.globs[position]!.lower === witness);
      const pattern = culprit === undefined ? 'a pattern' : JSON.stringify(inner.texts[culprit]);
      return {
        example: witness,
        explanation: isAction
          ? `refined pattern ${pattern} matches ${JSON.stringify(witness)}, which no original pattern matches`
          : `original exclusion ${pattern} excludes ${JSON.stringify(witness)}, which the refined exclusions no longer exclude`,
      };
    },
    replay: ([witness = '']) => positions.some((position) => inner.globs[position]!.lower === witness) && !outer.matches(witness),
  };
}

function containment(statement: StatementCase, inner: PatternSet, outer: PatternSet, chunk: Chunk<number>): Obligation {
  const covering = [...new Set(chunk.items.flatMap((position) => outer.overlapping(inner.globs[position]!.literalPrefix)))].sort((a, b) => a - b);
  const id = `s${statement.index}-no-escalation-${chunk.key}`;
  const isAction = statement.kind === 'Action';
  const what = isAction ? 'refined patterns' : 'original exclusions';
  const texts = chunk.items.map((position) => JSON.stringify(inner.texts[position]));
  const form = coveringForm(outer, covering);
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
      declarations: [...definitions(inner, chunk.items), ...form.definitions, '(declare-const w String)'],
      assertions: [member('w', `(re.diff ${regexUnion(chunk.items.map((position) => inner.name(position)))} ${form.union(covering)})`), ...form.outside(covering, 'w'), lowerCaseDomain()],
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
