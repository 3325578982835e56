import { CLAIMS, type ClaimId } from './claims.js';
import type { CheckInput } from './context.js';
import type { Obligation, StructuralResult } from './obligation.js';
import { exactObligations } from './obligations/exact.js';
import { minimalityObligations } from './obligations/minimality.js';
import { noEscalationObligations } from './obligations/no-escalation.js';
import { noRedundancyObligations } from './obligations/no-redundancy.js';
import { safetyObligations } from './obligations/safety.js';
import { statementCases } from './statement-case.js';

/** Every obligation of a check, in a fixed order, and what structure alone decided. */
export interface Plan {
  readonly obligations: readonly Obligation[];
  readonly structural: readonly StructuralResult[];
}

/**
 * Splits the five claims into small obligations, statement by statement and claim by claim.
 * A pure function of its input: the same input gives the same scripts, byte for byte, which is
 * what lets a certificate be re-derived and compared.
 */
export function planObligations(input: CheckInput, claims: readonly ClaimId[] = ALL_CLAIMS): Plan {
  const asked = new Set(claims);
  const { cases, structural } = statementCases(input);
  const obligations: Obligation[] = [];
  const decided: StructuralResult[] = structural.filter((result) => asked.has(result.claim));
  for (const statement of cases) {
    if (asked.has('exact')) obligations.push(...exactObligations(statement, input));
    if (asked.has('no-escalation')) obligations.push(...noEscalationObligations(statement));
    if (asked.has('safety')) obligations.push(...safetyObligations(statement, input));
    if (asked.has('minimality')) {
      const minimality = minimalityObligations(statement, input);
      obligations.push(...minimality.obligations);
      decided.push(...minimality.structural);
    }
    if (asked.has('no-redundancy')) obligations.push(...noRedundancyObligations(statement, input));
  }
  return { obligations, structural: decided };
}

const ALL_CLAIMS: readonly ClaimId[] = CLAIMS.map((claim) => claim.id);
