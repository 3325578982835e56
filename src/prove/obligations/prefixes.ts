import { lowerAscii } from '../../glob/glob.js';
import { globMatches } from '../../glob/match.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { formulaIsRegex, member, prefixRegex } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { definitions, type PatternSet } from './pattern-set.js';
import { orLines } from './terms.js';

/**
 * What every other file of a statement rests on when it leaves a pattern out: a pattern matches
 * only strings that start with its literal prefix. The ground files (claims 1, 3, 4 and 5) name
 * a pattern only in the lines of actions that start with its prefix and only in the parts such
 * actions lie in; claim 2 leaves out the patterns whose prefix neither starts nor extends its
 * own. A pattern written as `=` or `str.prefixof` is defined by its prefix; for each pattern
 * written as a regex (a wildcard before the end, `ec2:*Tags`), the solver proves it here. One
 * file per statement, for every string; expected `unsat`.
 */
export function prefixObligations(statement: StatementCase): Obligation[] {
  const sets = [statement.original, ...(statement.refined === undefined ? [] : [statement.refined])];
  const regexPatterns = sets.map((set) => ({ set, positions: [...set.texts.keys()].filter((position) => formulaIsRegex(set.texts[position]!) && set.globs[position]!.literalPrefix !== '') }));
  const lines = regexPatterns.flatMap(({ set, positions }) => positions.map((position) => member('w', `(re.diff ${set.name(position)} ${prefixRegex(set.globs[position]!.literalPrefix)})`)));
  if (lines.length === 0) return [];
  const escaping = (witness: string): { set: PatternSet; position: number } | undefined => {
    const lower = lowerAscii(witness);
    for (const { set, positions } of regexPatterns) {
      const position = positions.find((at) => globMatches(set.globs[at]!, lower) && !lower.startsWith(set.globs[at]!.literalPrefix));
      if (position !== undefined) return { set, position };
    }
    return undefined;
  };
  const id = `s${statement.index}-exact-prefixes`;
  return [
    {
      id,
      claim: 'exact',
      statement: statement.index,
      title: `statement ${statement.index}: the ${lines.length} patterns with a wildcard inside match only strings that start with their literal prefix`,
      expected: 'unsat',
      witnesses: ['w'],
      script: renderScript({
        id,
        claim: 'exact',
        expected: 'unsat',
        comments: [
          `Statement ${statement.index}: each pattern with a wildcard before its end matches only strings that start with its literal prefix, the text before its first wildcard.`,
          'The ground files of the statement name a pattern only where an action starts with that prefix, and claim 2 leaves out the patterns whose prefix neither starts nor extends its own;',
          'the other patterns are defined by their prefix, as (= a "...") or (str.prefixof "..." a).',
          'unsat: no string is matched by one of them and does not start with its prefix.',
        ],
        declarations: [...regexPatterns.flatMap(({ set, positions }) => definitions(set, positions)), '(declare-const w String)'],
        assertions: [orLines(lines)],
      }),
      refutation: ([witness = '']) => {
        const culprit = escaping(witness);
        return {
          example: witness,
          explanation: `pattern ${culprit === undefined ? 'of the statement' : JSON.stringify(culprit.set.texts[culprit.position])} matches ${JSON.stringify(witness)}, which does not start with its literal prefix`,
        };
      },
      replay: ([witness = '']) => escaping(witness) !== undefined,
    },
  ];
}
