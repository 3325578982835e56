import { allowedBy } from '../policy/allowed.js';
import { alignStatements } from '../policy/align.js';
import type { Effect } from '../policy/types.js';
import type { CheckInput } from './context.js';

/** What the judged recommendation made of one original statement, and why, as reports name it. */
export interface StatementFate {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly fate: 'refined' | 'unchanged' | 'dropped';
  /** Why an unchanged statement was left as written, or what a dropped one allowed; `undefined` for a refined one. */
  readonly reason: string | undefined;
}

/**
 * Each original statement's fate in the recommendation: refined, left as written (a `Deny`, or
 * nothing it allows is unused), or dropped. Only the claims judge whether that was right; this
 * says what happened, so that a row with no obligations (a `Deny`) is not a mystery.
 */
export function statementFates(input: CheckInput): StatementFate[] {
  return alignStatements(input.original, input.recommended).pairs.map(({ original, refined }) => {
    const allowed = [...allowedBy(original, input.catalog)].map((index) => input.catalog.lowerActions[index]!);
    const unused = allowed.filter((action) => input.unused.actions.has(action)).length;
    const base = { index: original.index, sid: original.sid, effect: original.effect };
    if (refined === undefined) {
      const reason = original.effect === 'Allow' && allowed.length > 0 && unused === allowed.length ? 'everything it allows is unused' : 'the recommendation has no statement for it';
      return { ...base, fate: 'dropped', reason };
    }
    if (samePatterns(original.patterns, refined.patterns)) {
      const reason = original.effect === 'Deny' ? 'a Deny statement: refinement narrows only what is allowed' : unused === 0 ? 'it allows no unused action' : `it still allows ${unused} unused action${unused === 1 ? '' : 's'}`;
      return { ...base, fate: 'unchanged', reason };
    }
    return { ...base, fate: 'refined', reason: undefined };
  });
}

function samePatterns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((pattern, index) => pattern === b[index]);
}
