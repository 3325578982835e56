import type { StatementRefinement } from '../recommend/refinement.js';

/** How a report names a statement: by its `Sid` where it has one, by its index otherwise. */
export function statementName(statement: { readonly index: number; readonly sid?: string | undefined }): string {
  return statement.sid === undefined ? `statement ${statement.index}` : `statement ${statement.index} (${statement.sid})`;
}

/** Why a statement was left as it was, or dropped; `undefined` for a refined one. */
export function statementReason(statement: Pick<StatementRefinement, 'effect' | 'outcome'>): string | undefined {
  if (statement.outcome === 'dropped') return 'everything it allows is unused';
  if (statement.outcome !== 'unchanged') return undefined;
  return statement.effect === 'Deny' ? 'a Deny statement: refinement narrows only what is allowed' : 'it allows no unused action';
}
