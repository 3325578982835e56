import type { ClaimVerdict } from '../prove/check.js';
import { claimInfo } from '../prove/claims.js';
import type { Verdict } from '../prove/obligation.js';
import type { Expectation } from './case.js';

/**
 * How the checker's answer departs from what the case expects: the verdict, exactly the claims
 * refuted (by statement), and for each expected counterexample list, the one found. Empty when
 * the answer is as expected.
 */
export function expectationProblems(verdict: Verdict, claims: readonly ClaimVerdict[], expect: Expectation): string[] {
  const problems: string[] = [];
  if (verdict !== expect.verdict) problems.push(`expected the verdict ${expect.verdict}, got ${verdict}`);
  const name = (claim: { claim: ClaimVerdict['claim']; statement: number }): string => `claim ${claimInfo(claim.claim).number} (${claimInfo(claim.claim).title}), statement ${claim.statement}`;
  const refuted = claims.filter((claim) => claim.verdict === 'refuted');
  for (const expected of expect.refuted) {
    const found = refuted.find((claim) => claim.claim === expected.claim && claim.statement === expected.statement);
    if (found === undefined) {
      const actual = claims.find((claim) => claim.claim === expected.claim && claim.statement === expected.statement)?.verdict ?? 'not checked';
      problems.push(`${name(expected)}: expected refuted, got ${actual}`);
    } else if (expected.example !== undefined && !expected.example.some((text) => text.toLowerCase() === (found.example ?? '').toLowerCase())) {
      // Actions and patterns are case-insensitive: a case written before reports spelled actions as the catalog does still holds.
      problems.push(`${name(expected)}: counterexample ${JSON.stringify(found.example ?? null)}, expected one of ${expected.example.map((text) => JSON.stringify(text)).join(', ')}`);
    }
  }
  for (const claim of refuted) {
    if (!expect.refuted.some((expected) => expected.claim === claim.claim && expected.statement === claim.statement)) problems.push(`${name(claim)}: refuted, not expected`);
  }
  return problems;
}
