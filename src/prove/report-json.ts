import type { Json, JsonObject } from '../input/json.js';
import type { CheckReport, ClaimVerdict, ObligationResult } from './check.js';
import { claimInfo } from './claims.js';
import { witnessesOf } from './obligation.js';

/** One claim verdict as JSON, keys in a fixed order. */
export function claimJson(claim: ClaimVerdict): JsonObject {
  return {
    statement: claim.statement,
    claim: claim.claim,
    number: claimInfo(claim.claim).number,
    verdict: claim.verdict,
    obligations: claim.obligations,
    ...(claim.example === undefined ? {} : { example: claim.example }),
    explanation: claim.explanation,
  };
}

/** One solved obligation as JSON; `extra` (a file name, a hash) goes before the results. */
export function obligationJson({ obligation, outcome, verdict, note, witnesses: spelled }: ObligationResult, extra: JsonObject = {}): JsonObject {
  const witnesses = spelled ?? witnessesOf(obligation, outcome);
  return {
    id: obligation.id,
    claim: obligation.claim,
    statement: obligation.statement,
    ...(obligation.part === undefined ? {} : { part: obligation.part }),
    title: obligation.title,
    ...extra,
    expected: obligation.expected,
    actual: outcome.status,
    verdict,
    ...(witnesses === undefined ? {} : { witnesses: [...witnesses] }),
    ...(note === undefined ? {} : { note }),
    timeMs: outcome.timeMs,
  };
}

/** The whole check report, for machines (`check --format json`, `recommend --format json --prove`). */
export function checkReportJson(report: CheckReport): JsonObject {
  return {
    verdict: report.verdict,
    solver: report.solver,
    workers: report.workers,
    catalog: { ...report.catalog },
    granularity: report.granularity,
    claims: report.claims.map((claim) => withSid(claimJson(claim), report.statements[claim.statement]?.sid)),
    statements: report.statements.map((statement) => ({
      index: statement.index,
      ...(statement.sid === undefined ? {} : { sid: statement.sid }),
      effect: statement.effect,
      fate: statement.fate,
      ...(statement.reason === undefined ? {} : { reason: statement.reason }),
    })),
    ...(report.notAsked === undefined ? {} : { claimsNotAsked: [...report.notAsked] }),
    structural: report.structural.map((result): Json => ({ ...result })),
    obligations: report.obligations.map((result) => obligationJson(result)),
    timeMs: Math.round(report.timeMs),
  };
}

/** A claim names its statement's `Sid` right after its index, where the statement has one. */
function withSid(claim: JsonObject, sid: string | undefined): JsonObject {
  if (sid === undefined) return claim;
  const { statement, ...rest } = claim;
  return { statement: statement!, sid, ...rest };
}
