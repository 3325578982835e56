import { CLAIMS, type ClaimId } from '../claims.js';
import type { CheckInput } from '../context.js';
import type { Verdict } from '../obligation.js';
import type { Solver } from '../solver/solver.js';
import { statementCases } from '../statement-case.js';
import type { SpecQuery, SpecStructural } from './definitions.js';
import { exactSpecification } from './exact.js';
import { minimalitySpecification } from './minimality.js';
import { noEscalationSpecification } from './no-escalation.js';
import { noRedundancySpecification } from './no-redundancy.js';
import { safetySpecification } from './safety.js';

export type { SpecQuery, SpecStructural } from './definitions.js';

/**
 * The specification encoder: a second, deliberately naive encoding of the five claims, one query
 * per claim and statement straight from the definitions (no chunking, no prefix filtering, no
 * lemmas, no candidate witnesses named), for cross-checking the checker on small catalogs.
 */

/** One claim about one statement, as the specification encoder judged it. */
export interface SpecVerdict {
  readonly claim: ClaimId;
  readonly statement: number;
  readonly verdict: Verdict;
  /** The solver's answer (or `structural`), and for a refutation or an unknown, why. */
  readonly detail: string;
}

export interface SpecPlan {
  readonly queries: readonly SpecQuery[];
  readonly structural: readonly SpecStructural[];
}

/** Every query and structural result of a check, statement by statement, in claim order. */
export function specificationPlan(input: CheckInput): SpecPlan {
  const { cases, structural } = statementCases(input);
  const queries: SpecQuery[] = [];
  const decided: SpecStructural[] = structural.map(({ claim, statement, holds, explanation }) => ({ claim, statement, holds, explanation }));
  for (const statement of cases) {
    const minimality = minimalitySpecification(statement, input);
    const redundancy = noRedundancySpecification(statement, input);
    queries.push(exactSpecification(statement, input), noEscalationSpecification(statement, input), safetySpecification(statement, input));
    if (minimality.query !== undefined) queries.push(minimality.query);
    if (redundancy !== undefined) queries.push(redundancy);
    decided.push(...minimality.structural);
  }
  return { queries, structural: decided };
}

/** Solves every query on the pool and sums up per (statement, claim); `unknown` is never proven. */
export async function specificationCheck(input: CheckInput, pool: Solver): Promise<SpecVerdict[]> {
  const plan = specificationPlan(input);
  const answered = await Promise.all(plan.queries.map(async (query) => ({ query, ...(await judgeQuery(query, pool)) })));
  const keys = new Map<string, { claim: ClaimId; statement: number }>();
  for (const { claim, statement } of [...plan.queries, ...plan.structural]) keys.set(`${statement}:${claim}`, { claim, statement });
  return [...keys.values()].sort(byStatementAndClaim).map(({ claim, statement }) => {
    const same = <T extends { claim: ClaimId; statement: number }>(item: T): boolean => item.claim === claim && item.statement === statement;
    const broken = plan.structural.find((result) => same(result) && !result.holds);
    if (broken !== undefined) return { claim, statement, verdict: 'refuted', detail: `structural: ${broken.explanation}` };
    const own = answered.filter((result) => same(result.query));
    const refuted = own.find((result) => result.verdict === 'refuted');
    if (refuted !== undefined) return { claim, statement, verdict: 'refuted', detail: refuted.detail };
    const unknown = own.find((result) => result.verdict === 'unknown');
    if (unknown !== undefined) return { claim, statement, verdict: 'unknown', detail: unknown.detail };
    return { claim, statement, verdict: 'proven', detail: own.length === 0 ? 'structural' : own.map((result) => result.detail).join('; ') };
  });
}

async function judgeQuery(query: SpecQuery, pool: Solver): Promise<{ verdict: Verdict; detail: string }> {
  const outcome = await pool.solve(query.script, query.witnesses);
  if (outcome.status !== 'sat' && outcome.status !== 'unsat') return { verdict: 'unknown', detail: `${outcome.status}${outcome.reason === undefined ? '' : `: ${outcome.reason}`}` };
  const values = outcome.witnesses ?? [];
  const shown = values.length === 0 ? '' : ` ${JSON.stringify(values)}`;
  if (outcome.status === 'sat' && (values.length !== query.witnesses.length || !query.replay(values))) return { verdict: 'unknown', detail: `sat, but the values${shown} fail concrete replay` };
  return { verdict: outcome.status === query.expected ? 'proven' : 'refuted', detail: `${outcome.status}${shown}` };
}

function byStatementAndClaim(a: { claim: ClaimId; statement: number }, b: { claim: ClaimId; statement: number }): number {
  const order = (claim: ClaimId): number => CLAIMS.findIndex((info) => info.id === claim);
  return a.statement - b.statement || order(a.claim) - order(b.claim);
}

/** A verdict of either encoder; `absent` when it had nothing to check (its report leaves the claim out: it holds vacuously). */
export type SideVerdict = Verdict | 'absent';

export interface ClaimComparison {
  readonly statement: number;
  readonly claim: ClaimId;
  readonly specification: SideVerdict;
  readonly checker: SideVerdict;
}

export interface EncoderComparison {
  /** Every (statement, claim) either side reports, in order. */
  readonly claims: readonly ClaimComparison[];
  /** Both decided (proven, refuted or absent) and alike. */
  readonly agreed: number;
  /** One side or both said `unknown`: neither agreement nor disagreement. */
  readonly undecided: number;
  /** Both decided, differently: a bug in one of the encoders. */
  readonly disagreements: readonly ClaimComparison[];
}

/**
 * Compares the specification's verdicts with the checker's `CheckReport.claims` (its public
 * result only, never its obligations): per (statement, claim), a claim one side leaves out counts
 * as holding, as it does in that side's overall verdict.
 */
export function compareEncoders(specification: readonly { readonly statement: number; readonly claim: ClaimId; readonly verdict: Verdict }[], checker: readonly { readonly statement: number; readonly claim: ClaimId; readonly verdict: Verdict }[]): EncoderComparison {
  const keys = new Map<string, { claim: ClaimId; statement: number }>();
  for (const { claim, statement } of [...specification, ...checker]) keys.set(`${statement}:${claim}`, { claim, statement });
  const claims = [...keys.values()].sort(byStatementAndClaim).map(({ claim, statement }): ClaimComparison => {
    const find = (list: typeof checker): SideVerdict => list.find((item) => item.claim === claim && item.statement === statement)?.verdict ?? 'absent';
    return { statement, claim, specification: find(specification), checker: find(checker) };
  });
  const decided = (verdict: SideVerdict): 'proven' | 'refuted' | undefined => (verdict === 'unknown' ? undefined : verdict === 'refuted' ? 'refuted' : 'proven');
  const undecided = claims.filter((item) => decided(item.specification) === undefined || decided(item.checker) === undefined);
  const disagreements = claims.filter((item) => !undecided.includes(item) && decided(item.specification) !== decided(item.checker));
  return { claims, agreed: claims.length - undecided.length - disagreements.length, undecided: undecided.length, disagreements };
}

/** `1:exact proven/proven, 1:minimality refuted/proven`: both verdict lists, side by side (specification first). */
export function comparisonText(comparison: EncoderComparison): string {
  return comparison.claims.map((item) => `${item.statement}:${item.claim} spec ${item.specification} / checker ${item.checker}`).join(', ');
}
