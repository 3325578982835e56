import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { or, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { chunksByService } from './chunks.js';
import { predicates } from './pattern-set.js';
import { orLines } from './terms.js';

/** How many patterns one obligation states: its lines are cheap, its fixed cost is not. */
const GROUND_CAPACITY = 128;

/**
 * Claim 5, no redundancy: in a refined statement, each pattern that matches a catalog action
 * matches one that no other pattern of the statement matches (for `NotAction`, each added
 * exclusion: the original ones must stay). Enumeration names, per pattern, a catalog action it
 * alone covers (or, when there is none, one it matches); the file states the memberships that
 * make it so, ground, and the solver confirms them. Expected `unsat`: no pattern is covered by
 * the others at its named action.
 */
export function noRedundancyObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const refined = statement.refined;
  if (refined === undefined || !statement.changed) return [];
  const { catalog } = input;
  const judged = new Map<number, { matched: number; unique: boolean; candidate: string }>();
  refined.texts.forEach((text, position) => {
    if (statement.kind === 'NotAction' && statement.original.texts.includes(text)) return;
    const matched = catalog.matching(refined.globs[position]!).map((index) => catalog.lowerActions[index]!);
    if (matched.length === 0) return;
    const unique = matched.find((action) => !refined.matches(action, position));
    judged.set(position, { matched: matched.length, unique: unique !== undefined, candidate: unique ?? matched[0]! });
  });
  return chunksByService(refined, [...judged.keys()], GROUND_CAPACITY).map((chunk): Obligation => {
    const used = new Set<number>(chunk.items);
    const lines = chunk.items.map((position) => {
      const { candidate } = judged.get(position)!;
      const others = refined.fitting(candidate).filter((index) => index !== position);
      for (const index of others) used.add(index);
      const literal = stringLiteral(candidate);
      return `(covered ${stringLiteral(refined.texts[position]!)} ${literal} ${refined.applied(position, literal)} ${or(others.map((index) => refined.applied(index, literal)))})`;
    });
    const texts = chunk.items.map((position) => JSON.stringify(refined.texts[position]));
    const id = `s${statement.index}-no-redundancy-${chunk.key}`;
    return {
      id,
      claim: 'no-redundancy',
      statement: statement.index,
      title: `statement ${statement.index}: ${texts.length > 3 ? `${texts.length} ${chunk.key} patterns` : texts.join(', ')} each cover an action no other pattern covers`,
      expected: 'unsat',
      witnesses: ['w'],
      witnessesFor: chunk.items.map((position) => refined.texts[position]!),
      namedWitnesses: chunk.items.map((position) => judged.get(position)!.candidate),
      script: renderScript({
        id,
        claim: 'no-redundancy',
        expected: 'unsat',
        comments: [
          `Claim 5 (no redundancy), statement ${statement.index} (${statement.kind}): each ${statement.kind === 'Action' ? 'pattern' : 'added exclusion'} covers a catalog action no other pattern of the statement covers.`,
          'Each line: a pattern, a catalog action, whether the pattern matches it, and whether another pattern does (those whose literal prefix the action starts with; no other can match it).',
          ...chunk.items.map((position) => `  ${refined.texts[position]} matches ${judged.get(position)!.matched} catalog actions`),
          'unsat: at every line, the pattern matches its action and no other pattern does.',
        ],
        declarations: [
          ...predicates(refined, used),
          '(declare-const w String)',
          '(define-fun covered ((pattern String) (a String) (matched-by-it Bool) (matched-by-another Bool)) Bool',
          '  (and (= w pattern) (not (and matched-by-it (not matched-by-another)))))',
        ],
        assertions: [orLines(lines)],
      }),
      refutation: ([witness = '']) => {
        const culprit = chunk.items.find((position) => refined.texts[position] === witness) ?? chunk.items.find((position) => !judged.get(position)!.unique);
        if (culprit === undefined) return { explanation: 'some pattern of this chunk is covered by the others' };
        return { example: refined.texts[culprit]!, explanation: `"${refined.texts[culprit]}" is covered, on the catalog, by the other patterns of the statement` };
      },
      // A refutation names a pattern; it holds if every catalog action it matches, another matches too.
      replay: ([witness = '']) => {
        const position = chunk.items.find((item) => refined.texts[item] === witness);
        if (position === undefined) return false;
        return catalog.matching(refined.globs[position]!).every((index) => refined.matches(catalog.lowerActions[index]!, position));
      },
    };
  });
}
