import type { CheckInput } from '../context.js';
import type { Obligation } from '../obligation.js';
import { renderScript } from '../smt/script.js';
import { stringLiteral } from '../smt/terms.js';
import type { StatementCase } from '../statement-case.js';
import { catalogParts, partsReached } from './parts.js';
import { predicates } from './pattern-set.js';
import { allowsConcretely, allowsTerm, orLines, statementKindComment } from './terms.js';

/**
 * Claim 3, safety: R allows no unused action. One ground query per catalog part that holds
 * unused actions, listing each of them with the memberships that decide it (for `Action`, only
 * the parts some pattern's literal prefix reaches: R allows nothing elsewhere). Expected `unsat`.
 */
export function safetyObligations(statement: StatementCase, input: CheckInput): Obligation[] {
  const { catalog, unused } = input;
  const refined = statement.refined;
  if (refined === undefined) return [];
  const obligations: Obligation[] = [];
  const parts = statement.kind === 'NotAction' ? catalogParts(catalog) : partsReached(catalog, refined.globs.map((glob) => glob.literalPrefix));
  for (const part of parts) {
    const used = new Set<number>();
    const lines: string[] = [];
    for (let index = part.from; index < part.to; index++) {
      const action = catalog.lowerActions[index]!;
      if (unused.actions.has(action)) lines.push(`(allowed-at ${stringLiteral(action)} ${allowsTerm(refined, statement.kind, action, used)})`);
    }
    if (lines.length === 0) continue;
    const id = `s${statement.index}-safety-${part.key}`;
    obligations.push({
      id,
      claim: 'safety',
      statement: statement.index,
      part: part.key,
      title: `statement ${statement.index}: no unused ${part.key} action is allowed`,
      expected: 'unsat',
      witnesses: ['w'],
      script: renderScript({
        id,
        claim: 'safety',
        expected: 'unsat',
        comments: [
          `Claim 3 (safety), statement ${statement.index}, catalog part ${part.key}: its ${lines.length} unused actions (of ${part.to - part.from}).`,
          statementKindComment(statement.kind),
          'Each line: an unused catalog action of the part, and whether R allows it (the patterns whose literal prefix it starts with).',
          'unsat: R allows none of them.',
        ],
        declarations: [...predicates(refined, used), '(declare-const w String)', '(define-fun allowed-at ((a String) (allowed-by-R Bool)) Bool (and (= w a) allowed-by-R))'],
        assertions: [orLines(lines)],
      }),
      refutation: ([witness = '']) => ({ example: witness, explanation: `unused action ${catalog.canonical(witness) ?? witness} is still allowed` }),
      replay: ([witness = '']) => unused.actions.has(witness) && allowsConcretely(refined, statement.kind, witness),
    });
  }
  return obligations;
}
