import { alignStatements } from '../policy/align.js';
import type { ActionKey } from '../policy/types.js';
import type { CheckInput } from './context.js';
import type { StructuralResult } from './obligation.js';
import { PatternSet } from './obligations/pattern-set.js';

/** An `Allow` statement of the original and what the recommendation made of it. */
export interface StatementCase {
  readonly index: number;
  readonly kind: ActionKey;
  readonly original: PatternSet;
  /** `undefined` when the recommendation dropped the statement. */
  readonly refined: PatternSet | undefined;
  /** Whether the pattern list differs from the original's. */
  readonly changed: boolean;
}

/**
 * Pairs the statements and sorts them into what the solver is asked about (each `Allow`
 * statement) and what structure alone decides: a `Deny` statement must come through unchanged,
 * and a recommended statement without an original counterpart is an escalation.
 */
export function statementCases(input: CheckInput): { cases: StatementCase[]; structural: StructuralResult[] } {
  const alignment = alignStatements(input.original, input.recommended);
  const cases: StatementCase[] = [];
  const structural: StructuralResult[] = [];
  for (const { original, refined } of alignment.pairs) {
    if (original.effect === 'Deny') {
      const same = refined !== undefined && sameList(original.patterns, refined.patterns);
      structural.push({
        id: `s${original.index}-no-escalation-deny`,
        claim: 'no-escalation',
        statement: original.index,
        holds: same,
        explanation: same ? 'Deny statement unchanged' : refined === undefined ? 'a Deny statement was dropped' : 'a Deny statement was changed',
      });
      continue;
    }
    cases.push({
      index: original.index,
      kind: original.actionKey,
      original: new PatternSet('o', original.patterns),
      refined: refined === undefined ? undefined : new PatternSet('r', refined.patterns),
      changed: refined === undefined || !sameList(original.patterns, refined.patterns),
    });
  }
  for (const statement of alignment.unmatched) {
    structural.push({
      id: `r${statement.index}-no-escalation-unmatched`,
      claim: 'no-escalation',
      statement: statement.index,
      holds: false,
      explanation: `recommended statement ${statement.index} has no original counterpart (a new statement, or a changed effect or non-action field)`,
    });
  }
  return { cases, structural };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
