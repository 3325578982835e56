/**
 * The five claims iam-refine proves about a refinement, per statement. C is the catalog, O the
 * original patterns, U the unused actions, R the recommended patterns.
 */
export type ClaimId = 'exact' | 'no-escalation' | 'safety' | 'minimality' | 'no-redundancy';

export interface ClaimInfo {
  readonly id: ClaimId;
  readonly number: number;
  readonly title: string;
  readonly statement: string;
}

export const CLAIMS: readonly ClaimInfo[] = [
  { id: 'exact', number: 1, title: 'exact on the catalog', statement: 'every catalog action is allowed by R iff O allows it and it is not unused' },
  { id: 'no-escalation', number: 2, title: 'no escalation', statement: 'every string R matches, O matches (NotAction: the exclusions only grow); Deny statements and non-action fields are unchanged' },
  { id: 'safety', number: 3, title: 'safety', statement: 'no unused action is allowed by R' },
  { id: 'minimality', number: 4, title: 'minimality', statement: 'each new pattern is a trie node whose parent, one token shorter, is unsafe' },
  { id: 'no-redundancy', number: 5, title: 'no redundancy', statement: 'no pattern of a refined statement is covered, on the catalog, by the others' },
];

export function claimInfo(id: ClaimId): ClaimInfo {
  return CLAIMS.find((claim) => claim.id === id)!;
}

/** One claim about one statement, judged: with the action or string that refutes it, or the witness that proves an existence. */
export interface ClaimResult {
  readonly claim: ClaimId;
  /** The index of the statement in the original policy; for a recommended statement without counterpart, its index in the recommendation. */
  readonly statement: number;
  readonly holds: boolean;
  /** A concrete action or string: the counterexample when refuted, the witness of an existence when proven. */
  readonly example?: string;
  readonly explanation: string;
}
