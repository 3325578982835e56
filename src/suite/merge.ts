import { InputError } from '../input/input-error.js';
import type { Json, JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { jsonReader, type JsonReader } from '../input/json-reader.js';
import type { ClaimVerdict } from '../prove/check.js';
import { CLAIMS, type ClaimId } from '../prove/claims.js';
import { joinShards, readProvenance, type ShardReport } from '../shard/provenance.js';
import type { JudgedRecommendation, ReportedCase, SnapshotState } from './run-case.js';

/** A `prove --json` report read back: its run's facts and every case's result. */
export interface SuiteReport extends ShardReport {
  readonly recommender: string;
  readonly solver: string;
  readonly wallMs: number;
  readonly results: readonly ReportedCase[];
}

/** The shards' reports merged: the whole run's results in the unsharded run's order. */
export interface MergedSuite {
  readonly recommender: string;
  readonly solver: string;
  readonly identity: SuiteReport['identity'];
  /** The slowest shard's wall time: how long the sharded run took, the shards running side by side. */
  readonly wallMs: number;
  readonly results: readonly ReportedCase[];
}

export function readSuiteReport(value: JsonObject, file: string): SuiteReport {
  const read = jsonReader(file);
  const { identity, shard } = readProvenance(value, file);
  const summary = read.list(value.summary, ['summary']);
  const all = summary.map((row, at) => read.object(row, ['summary', at])).find((row) => row.suite === 'all');
  const results = read.list(value.cases, ['cases']).map((item, at) => caseOf(read.object(item, ['cases', at]), ['cases', at], read));
  return {
    file,
    identity,
    shard,
    held: results.length,
    recommender: read.string(value.recommender, ['recommender']),
    solver: read.string(value.solver, ['solver']),
    wallMs: all === undefined ? 0 : read.number(all.timeMs, ['summary', summary.length - 1, 'timeMs']),
    results,
  };
}

/** Checks that the reports are one run's shards (src/shard/provenance.ts) and puts their cases back in order. */
export function mergeSuiteReports(reports: readonly SuiteReport[]): MergedSuite {
  const sources = joinShards(reports);
  const [first, ...rest] = reports;
  for (const other of rest) {
    for (const key of ['recommender', 'solver'] as const) {
      if (other[key] !== first![key]) throw new InputError(other.file, [key], `${JSON.stringify(other[key])}, but ${first!.file} has ${JSON.stringify(first![key])}: not shards of one run`);
    }
  }
  return {
    recommender: first!.recommender,
    solver: first!.solver,
    identity: first!.identity,
    wallMs: Math.max(...reports.map((report) => report.wallMs)),
    results: sources.map((source) => reports[source.report]!.results[source.item]!),
  };
}

const STATUSES = ['passed', 'failed', 'unknown'] as const;
const SNAPSHOTS: readonly SnapshotState[] = ['equal', 'differs', 'missing', 'updated', 'given'];
const VERDICTS = ['proven', 'refuted', 'unknown'] as const;

function caseOf(item: JsonObject, at: JsonPath, read: JsonReader): ReportedCase {
  const granularity = read.oneOf(item.granularity, [...at, 'granularity'], ['word', 'char'] as const);
  return {
    spec: { id: read.string(item.id, [...at, 'id']), suite: read.string(item.suite, [...at, 'suite']), description: read.string(item.description, [...at, 'description']), granularity },
    status: read.oneOf(item.status, [...at, 'status'], STATUSES),
    snapshot: read.oneOf(item.snapshot, [...at, 'snapshot'], SNAPSHOTS),
    problems: strings(item.problems, [...at, 'problems'], read),
    judged: item.recommendation === undefined ? undefined : judgedOf(item.recommendation, [...at, 'recommendation'], read),
    ...(item.previous === undefined ? {} : { previous: judgedOf(item.previous, [...at, 'previous'], read) }),
    ...(item.diff === undefined ? {} : { diff: read.string(item.diff, [...at, 'diff']) }),
    timeMs: read.number(item.timeMs, [...at, 'timeMs']),
  };
}

function judgedOf(value: Json, at: JsonPath, read: JsonReader): JudgedRecommendation {
  const judged = read.object(value, at);
  return {
    verdict: read.oneOf(judged.verdict, [...at, 'verdict'], VERDICTS),
    action: read.oneOf(judged.action, [...at, 'action'], ['CREATE_POLICY', 'DETACH_POLICY'] as const),
    size: read.number(judged.size, [...at, 'size']),
    obligations: read.number(judged.obligations, [...at, 'obligations']),
    claims: read.list(judged.claims, [...at, 'claims']).map((claim, index) => claimOf(claim, [...at, 'claims', index], read)),
    findings: strings(judged.findings, [...at, 'findings'], read),
    solverMs: read.number(judged.solverMs, [...at, 'solverMs']),
  };
}

function claimOf(value: Json, at: JsonPath, read: JsonReader): ClaimVerdict {
  const claim = read.object(value, at);
  return {
    claim: read.oneOf(claim.claim, [...at, 'claim'], CLAIMS.map((info) => info.id) as ClaimId[]),
    statement: read.number(claim.statement, [...at, 'statement']),
    verdict: read.oneOf(claim.verdict, [...at, 'verdict'], VERDICTS),
    obligations: read.number(claim.obligations, [...at, 'obligations']),
    ...(claim.example === undefined ? {} : { example: read.string(claim.example, [...at, 'example']) }),
    explanation: read.string(claim.explanation, [...at, 'explanation']),
  };
}

function strings(value: Json | undefined, at: JsonPath, read: JsonReader): string[] {
  return read.list(value, at).map((item, index) => read.string(item, [...at, index]));
}
