import { dirname, relative, resolve } from 'node:path';
import { isJsonObject, type Json, type JsonObject } from '../input/json.js';
import { claimInfo } from '../prove/claims.js';
import { judgedJson } from './report-json.js';
import type { ReportedCase, JudgedRecommendation } from './run-case.js';

export const RECORD_FORMAT = 'iam-refine-proof-record/1';

/**
 * What a run proved, case by case, without times: the verdict, the size and every claim with its
 * obligations and witness or counterexample. A record written by one run (`--jobs 1`) and
 * compared by every later one (CI uses `--jobs 2`) shows that the suites give the same result on
 * every run and with any number of jobs; its diff in review shows what a change did to the proofs.
 */
export function recordOf(results: readonly ReportedCase[], recordFile: string): JsonObject {
  return {
    format: RECORD_FORMAT,
    cases: Object.fromEntries(results.map((result) => [recordKey(result.spec.id, recordFile), caseRecord(result)])),
  };
}

/** A case's name in a record: its folder relative to the record's, however the run named it. */
export function recordKey(caseFolder: string, recordFile: string): string {
  return relative(dirname(resolve(recordFile)), resolve(caseFolder)).split('\\').join('/');
}

function caseRecord(result: ReportedCase): JsonObject {
  return { status: result.status, ...(result.judged === undefined ? {} : judgedRecord(result.judged)) };
}

function judgedRecord(judged: JudgedRecommendation): JsonObject {
  // The findings are the claims spelled out for people: the claims' lines below say the same.
  const { solverMs, claims, findings, ...summary } = judgedJson(judged);
  return {
    ...summary,
    // One line per claim keeps the record small and its diff readable.
    claims: judged.claims.map((claim) =>
      [`statement ${claim.statement}`, `claim ${claimInfo(claim.claim).number}`, claim.verdict, `${claim.obligations} obligations`, ...(claim.example === undefined ? [] : [claim.example])].join(' · '),
    ),
  };
}

/** Where a run differs from a record, one line per case: cases added, missing or changed. */
export function recordDifferences(recorded: Json, current: JsonObject, recordFile: string): string[] {
  if (!isJsonObject(recorded) || recorded.format !== RECORD_FORMAT || !isJsonObject(recorded.cases)) {
    return [`${recordFile}: not a proof record (expected "format": "${RECORD_FORMAT}" and "cases")`];
  }
  const before = recorded.cases;
  const now = current.cases as JsonObject;
  const lines: string[] = [];
  for (const id of Object.keys(now)) {
    if (!(id in before)) lines.push(`${id}: not in the record`);
    else if (JSON.stringify(before[id]) !== JSON.stringify(now[id])) lines.push(`${id}: ${changes(before[id]!, now[id]!).join('; ')}`);
  }
  // A record covers the suites it was written for; cases of other suites run alone are not missing.
  const suites = new Set(Object.keys(now).map(suiteOf));
  for (const id of Object.keys(before)) if (!(id in now) && suites.has(suiteOf(id))) lines.push(`${id}: in the record, not in this run`);
  return lines;
}

/** A record without the given cases (named as the run names them): what a shard compares its own cases with. */
export function withoutCases(recorded: Json, caseFolders: ReadonlySet<string>, recordFile: string): Json {
  if (caseFolders.size === 0 || !isJsonObject(recorded) || !isJsonObject(recorded.cases)) return recorded;
  const left = new Set([...caseFolders].map((folder) => recordKey(folder, recordFile)));
  return { ...recorded, cases: Object.fromEntries(Object.entries(recorded.cases).filter(([id]) => !left.has(id))) };
}

/**
 * The record to write after `--update`: this run's cases, and those of an earlier record from
 * suites this run did not touch (updating one suite keeps the others' record).
 */
export function updatedRecord(earlier: Json | undefined, current: JsonObject): JsonObject {
  if (earlier === undefined || !isJsonObject(earlier) || earlier.format !== RECORD_FORMAT || !isJsonObject(earlier.cases)) return current;
  const now = current.cases as JsonObject;
  const suites = new Set(Object.keys(now).map(suiteOf));
  const kept = Object.entries(earlier.cases).filter(([id]) => !suites.has(suiteOf(id)));
  const cases = Object.fromEntries([...kept, ...Object.entries(now)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { format: RECORD_FORMAT, cases };
}

function suiteOf(id: string): string {
  return id.slice(0, id.lastIndexOf('/'));
}

function changes(before: Json, now: Json): string[] {
  const a = isJsonObject(before) ? before : {};
  const b = isJsonObject(now) ? now : {};
  const lines: string[] = [];
  for (const key of ['status', 'verdict', 'action', 'size', 'obligations'] as const) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) lines.push(`${key} ${JSON.stringify(a[key]) ?? 'absent'} → ${JSON.stringify(b[key]) ?? 'absent'}`);
  }
  const claimsBefore = new Set(Array.isArray(a.claims) ? a.claims.map(String) : []);
  const claimsNow = Array.isArray(b.claims) ? b.claims.map(String) : [];
  for (const claim of claimsNow) if (!claimsBefore.has(claim)) lines.push(`now ${claim}`);
  for (const claim of claimsBefore) if (!claimsNow.includes(claim)) lines.push(`was ${claim}`);
  return lines;
}
