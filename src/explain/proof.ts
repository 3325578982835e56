import type { Catalog } from '../catalog/catalog.js';
import { alignStatements } from '../policy/align.js';
import type { Policy } from '../policy/types.js';
import type { CheckReport } from '../prove/check.js';
import { claimInfo } from '../prove/claims.js';
import { witnessName } from '../prove/obligations/chunks.js';
import { PatternSet } from '../prove/obligations/pattern-set.js';

/**
 * The checker's minimality witnesses by statement and new pattern: for each pattern, the action
 * (or string) that its parent node, one token shorter, would wrongly allow. The obligations
 * name one witness constant per pattern of the recommended statement (`w_r3`); the solver's
 * strings are lower-cased, so a catalog action is shown in the catalog's spelling.
 */
export function minimalityWitnesses(report: CheckReport, original: Policy, recommended: Policy | undefined, catalog: Catalog): Map<number, Map<string, string>> {
  const refinedOf = new Map(alignStatements(original, recommended).pairs.flatMap(({ original: statement, refined }) => (refined === undefined ? [] : [[statement.index, new PatternSet('r', refined.patterns)] as const])));
  const witnesses = new Map<number, Map<string, string>>();
  for (const { obligation, outcome, verdict } of report.obligations) {
    const refined = refinedOf.get(obligation.statement);
    if (obligation.claim !== 'minimality' || verdict !== 'proven' || refined === undefined || outcome.witnesses === undefined) continue;
    const byName = new Map(refined.texts.map((text, position) => [witnessName(refined, position), text]));
    const byPattern = witnesses.get(obligation.statement) ?? new Map<string, string>();
    obligation.witnesses.forEach((name, slot) => {
      const pattern = byName.get(name);
      const value = outcome.witnesses![slot];
      if (pattern !== undefined && value !== undefined) byPattern.set(pattern, catalog.canonical(value) ?? value);
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
