import { CLAIMS, type ClaimId } from './claims.js';
import type { CheckInput } from './context.js';
import type { Obligation, StructuralResult } from './obligation.js';
import { exactObligations } from './obligations/exact.js';
import { minimalityObligations } from './obligations/minimality.js';
import { noEscalationObligations } from './obligations/no-escalation.js';
import { noRedundancyObligations } from './obligations/no-redundancy.js';
import { prefixObligations } from './obligations/prefixes.js';
import { safetyObligations } from './obligations/safety.js';
import { statementCases } from './statement-case.js';

/** Every obligation of a check, in a fixed order, and what structure alone decided. */
export interface Plan {
  readonly obligations: readonly Obligation[];
  readonly structural: readonly StructuralResult[];
}

/** A part of a plan: one claim of one statement, or what structure alone decided. */
export interface PlanBatch {
  readonly obligations: readonly Obligation[];
  readonly structural: readonly StructuralResult[];
}

/**
 * Splits the five claims into small obligations, statement by statement and claim by claim.
 * A pure function of its input: the same input gives the same scripts, byte for byte, which is
 * what lets a certificate be re-derived and compared.
 */
export function planObligations(input: CheckInput, claims: readonly ClaimId[] = ALL_CLAIMS): Plan {
  const obligations: Obligation[] = [];
  const structural: StructuralResult[] = [];
  for (const batch of planBatches(input, claims)) {
    obligations.push(...batch.obligations);
    structural.push(...batch.structural);
  }
  return { obligations, structural };
}

/**
 * The same plan in batches, in the same order, for a caller that solves the first obligations
 * while it plans the next ones.
 */
export function* planBatches(input: CheckInput, claims: readonly ClaimId[] = ALL_CLAIMS): Generator<PlanBatch> {
  const asked = new Set(claims);
  const { cases, structural } = statementCases(input);
  yield { obligations: [], structural: structural.filter((result) => asked.has(result.claim)) };
  for (const statement of cases) {
    if (asked.has('exact')) yield { obligations: [...prefixObligations(statement), ...exactObligations(statement, input)], structural: [] };
    if (asked.has('no-escalation')) yield { obligations: noEscalationObligations(statement), structural: [] };
    if (asked.has('safety')) yield { obligations: safetyObligations(statement, input), structural: [] };
    if (asked.has('minimality')) yield minimalityObligations(statement, input);
    if (asked.has('no-redundancy')) yield { obligations: noRedundancyObligations(statement, input), structural: [] };
  }
}

const ALL_CLAIMS: readonly ClaimId[] = CLAIMS.map((claim) => claim.id);
