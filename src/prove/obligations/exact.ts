import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { catalogParts, partsReached } from './parts.js';
import { predicates } from './pattern-set.js';
import { allowsConcretely, allowsTerm, orLines, statementKindComment } from './terms.js';

/**
 * Claim 1, exact on the catalog: for every catalog action a, R allows a iff O allows a and a is
 * not unused. One ground query per catalog part, listing every action of the part with whether
 * it is unused and the memberships that decide it. A pattern appears in an action's line when
 * the action starts with the pattern's literal prefix; no other pattern can match it (each
 * regex begins with its literal prefix). For `Action`, a part that no pattern's prefix reaches
 * is allowed by neither side and has no file; for `NotAction` every part is asked about.
 * Expected `unsat`: no action is allowed wrongly or lost.
 */
export function exactObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const { catalog, unused } = input;
  const prefixes = [...statement.original.globs, ...(statement.refined?.globs ?? [])].map((glob) => glob.literalPrefix);
  return (statement.kind === 'NotAction' ? catalogParts(catalog) : partsReached(catalog, prefixes)).map((part) => {
    const usedOriginal = new Set<number>();
    const usedRefined = new Set<number>();
    const lines: string[] = [];
    // Actions no pattern's prefix fits are decided by the statement's kind alone: listed, not asked.
    // Not under a dropped NotAction statement: O allows them and R (nothing) does not, so each is asked.
    const unmatched: string[] = [];
    for (let index = part.from; index < part.to; index++) {
      const action = catalog.lowerActions[index]!;
      const isUnused = unused.actions.has(action);
      if (!fitsAny(statement, action) && (statement.kind === 'Action' || (!isUnused && statement.refined !== undefined))) {
        unmatched.push(action);
        continue;
      }
      const before = allowsTerm(statement.original, statement.kind, action, usedOriginal);
      const after = allowsTerm(statement.refined, statement.kind, action, usedRefined);
      lines.push(`(fails-at ${stringLiteral(action)} ${isUnused} ${before} ${after})`);
    }
    const id = `s${statement.index}-exact-${part.key}`;
    return {
      id,
      claim: 'exact',
      statement: statement.index,
      part: part.key,
      title: `statement ${statement.index}: ${part.key} actions allowed exactly when used and allowed before`,
      expected: 'unsat',
      witnesses: ['w'],
      script: renderScript({
        id,
        claim: 'exact',
        expected: 'unsat',
        comments: [
          `Claim 1 (exact on the catalog), statement ${statement.index}, catalog part ${part.key}: its ${part.to - part.from} actions, ${catalog.lowerActions[part.from]} to ${catalog.lowerActions[part.to - 1]}.`,
          statementKindComment(statement.kind),
          'Each line: a catalog action of the part, whether it is unused, whether O allows it, whether R allows it.',
          'A pattern is named in a line when the action starts with its literal prefix; no other pattern can match it.',
          ...unmatchedComment(statement.kind, unmatched),
          'unsat: at every action, R allows it iff O allows it and it is not unused.',
        ],
        declarations: [
          ...predicates(statement.original, usedOriginal),
          ...(statement.refined ? predicates(statement.refined, usedRefined) : []),
          '(declare-const w String)',
          '(define-fun fails-at ((a String) (unused Bool) (allowed-by-O Bool) (allowed-by-R Bool)) Bool',
          '  (and (= w a) (not (= allowed-by-R (and allowed-by-O (not unused))))))',
        ],
        assertions: [orLines(lines)],
      }),
      refutation: ([witness = '']) => ({
        example: witness,
        explanation: unused.actions.has(witness)
          ? `unused action ${catalog.canonical(witness)} is allowed by the recommendation`
          : allowsConcretely(statement.refined, statement.kind, witness)
            ? `${catalog.canonical(witness) ?? witness} is allowed by the recommendation but not by the original`
            : `${catalog.canonical(witness) ?? witness} is used and was allowed, but the recommendation no longer allows it`,
      }),
      replay: ([witness = '']) => {
        const index = catalog.indexOf(witness);
        if (index === undefined || index < part.from || index >= part.to) return false;
        const expected = allowsConcretely(statement.original, statement.kind, witness) && !unused.actions.has(witness);
        return allowsConcretely(statement.refined, statement.kind, witness) !== expected;
      },
    } satisfies Obligation;
  });
}

function fitsAny(statement: StatementCase, action: string): boolean {
  return statement.original.fitting(action).length > 0 || (statement.refined?.fitting(action).length ?? 0) > 0;
}

/**
 * The part's actions that no pattern's literal prefix fits, so that the file still names every
 * action of its part: for `Action` both sides allow none of them; for `NotAction` both allow
 * them all, and none of them is unused (an unused one gets its line).
 */
function unmatchedComment(kind: StatementCase['kind'], actions: readonly string[]): string[] {
  if (actions.length === 0) return [];
  const rows: string[] = [];
  for (let at = 0; at < actions.length; at += 8) rows.push(`  ${actions.slice(at, at + 8).join(' ')}`);
  const what = kind === 'Action' ? 'allowed by neither O nor R' : 'used, and allowed by both O and R';
  return [`The part's other ${actions.length} actions, which no pattern's literal prefix fits (${what}):`, ...rows];
}
