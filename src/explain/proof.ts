import type { Catalog } from '../catalog/catalog.js';
import type { CheckReport } from '../prove/check.js';
import { claimInfo } from '../prove/claims.js';
import { witnessesOf } from '../prove/obligation.js';

/**
 * The checker's minimality witnesses by statement and new pattern: for each pattern, the action
 * (or string) that its parent node, one token shorter, would wrongly allow, as each minimality
 * obligation pairs its witnesses with their patterns; the solver's strings are lower-cased, so a
 * catalog action is shown in the catalog's spelling.
 */
export function minimalityWitnesses(report: CheckReport, catalog: Catalog): Map<number, Map<string, string>> {
  const witnesses = new Map<number, Map<string, string>>();
  for (const { obligation, outcome, verdict } of report.obligations) {
    const values = witnessesOf(obligation, outcome);
    if (obligation.claim !== 'minimality' || verdict !== 'proven' || obligation.witnessesFor === undefined || values === undefined) continue;
    const byPattern = witnesses.get(obligation.statement) ?? new Map<string, string>();
    obligation.witnessesFor.forEach((pattern, slot) => {
      const value = values[slot];
      if (value !== undefined) byPattern.set(pattern, catalog.canonical(value) ?? value);
    });
    witnesses.set(obligation.statement, byPattern);
  }
  return witnesses;
}

/** One claim verdict as the page lists it. */
export interface ClaimLine {
  readonly statement: number;
  readonly claim: string;
  readonly verdict: string;
  readonly obligations: number;
  readonly example: string | undefined;
  readonly explanation: string;
}

export interface ProofSummary {
  readonly verdict: string;
  readonly solver: string;
  readonly timeMs: number;
  readonly claims: readonly ClaimLine[];
}

/** The claims as the page lists them; a catalog action is shown in the catalog's spelling. */
export function proofSummary(report: CheckReport, catalog: Catalog): ProofSummary {
  return {
    verdict: report.verdict,
    solver: report.solver,
    timeMs: report.timeMs,
    claims: report.claims.map((claim) => {
      const info = claimInfo(claim.claim);
      return { statement: claim.statement, claim: `${info.number} ${info.title}`, verdict: claim.verdict, obligations: claim.obligations, example: claim.example === undefined ? undefined : (catalog.canonical(claim.example) ?? claim.example), explanation: claim.explanation };
    }),
  };
}
