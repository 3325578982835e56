import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { and, member, not, or, stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { chunksByService, witnessName } from './chunks.js';
import { definitions } from './pattern-set.js';
import { orLines, witnessIs } from './terms.js';

const WITNESS_CANDIDATES = 1;
const REFUTATION_CANDIDATES = 256;

/**
 * Claim 5, no redundancy: in a refined statement, each pattern that matches a catalog action
 * matches one that no other pattern of the statement matches (for `NotAction`, each added
 * exclusion: the original ones must stay). Candidate actions are found by enumeration; the
 * solver confirms one witness per pattern, a service chunk of patterns per ground query.
 * Expected `sat`.
 */
export function noRedundancyObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const refined = statement.refined;
  if (refined === undefined || !statement.changed) return [];
  const { catalog } = input;
  const judged = new Map<number, { matched: number; unique: boolean; candidates: readonly string[] }>();
  refined.texts.forEach((text, position) => {
    if (statement.kind === 'NotAction' && statement.original.texts.includes(text)) return;
    const matched = catalog.matching(refined.globs[position]!).map((index) => catalog.lowerActions[index]!);
    if (matched.length === 0) return;
    const unique = matched.filter((action) => !refined.matches(action, position));
    judged.set(position, { matched: matched.length, unique: unique.length > 0, candidates: unique.length > 0 ? unique.slice(0, WITNESS_CANDIDATES) : matched.slice(0, REFUTATION_CANDIDATES) });
  });
  return chunksByService(refined, [...judged.keys()]).map((chunk): Obligation => {
    const used = new Set<number>(chunk.items);
    const assertions = chunk.items.map((position) =>
      orLines(
        judged.get(position)!.candidates.map((action) => {
          const others = refined.fitting(action).filter((index) => index !== position);
          for (const index of others) used.add(index);
          const literal = stringLiteral(action);
          return and([witnessIs(action, witnessName(refined, position)), member(literal, refined.name(position)), not(or(others.map((index) => member(literal, refined.name(index)))))]);
        }),
      ),
    );
    const texts = chunk.items.map((position) => JSON.stringify(refined.texts[position]));
    const id = `s${statement.index}-no-redundancy-${chunk.key}`;
    return {
      id,
      claim: 'no-redundancy',
      statement: statement.index,
      title: `statement ${statement.index}: ${texts.length > 3 ? `${texts.length} ${chunk.key} patterns` : texts.join(', ')} each cover an action no other pattern covers`,
      expected: 'sat',
      witnesses: chunk.items.map((position) => witnessName(refined, position)),
      script: renderScript({
        id,
        claim: 'no-redundancy',
        expected: 'sat',
        comments: [
          `Statement ${statement.index} (${statement.kind}): for each pattern, candidate catalog actions it matches (found by enumeration):`,
          ...chunk.items.map((position) => `  ${witnessName(refined, position)}: ${JSON.stringify(refined.texts[position])} matches ${judged.get(position)!.matched} catalog actions`),
          'sat: for each, one candidate is matched by it and by no other pattern of the statement.',
        ],
        declarations: [...definitions(refined, used), ...chunk.items.map((position) => `(declare-const ${witnessName(refined, position)} String)`)],
        assertions,
      }),
      refutation: () => {
        const culprit = chunk.items.find((position) => !judged.get(position)!.unique);
        if (culprit === undefined) return { explanation: 'some pattern of this chunk is covered by the others' };
        return { example: refined.texts[culprit]!, explanation: `"${refined.texts[culprit]}" is covered, on the catalog, by the other patterns of the statement` };
      },
      replay: (values) =>
        chunk.items.every((position, slot) => {
          const witness = values[slot] ?? '';
          return catalog.indexOf(witness) !== undefined && refined.matchesAt(position, witness) && !refined.matches(witness, position);
        }),
    };
  });
}
