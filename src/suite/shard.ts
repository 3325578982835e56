import { isJsonObject, type Json } from '../input/json.js';
import { digestOf, fileDigester, identityOf, type RunIdentity } from '../shard/provenance.js';
import type { ShardItem } from '../shard/split.js';
import { TOOL_VERSION } from '../version.js';
import type { ProofCase } from './case.js';
import { RECORD_FORMAT, recordKey } from './record.js';

/**
 * The cases as items to shard, each costing its obligations in a record of an earlier run (the
 * recommendation's and, for a case whose snapshot differed, none besides: the record keeps the
 * judged one); a case the record does not list costs as much as the record's average case, and
 * without a record every case costs 1. Zero obligations (a detach proven by structure) cost 1:
 * the case still recommends and loads.
 */
export function proofCaseItems(cases: readonly ProofCase[], record: Json | undefined, recordFile: string | undefined): ShardItem[] {
  const recorded = record !== undefined && recordFile !== undefined && isJsonObject(record) && record.format === RECORD_FORMAT && isJsonObject(record.cases) ? record.cases : undefined;
  const costs = cases.map((spec) => {
    const entry = recorded?.[recordKey(spec.id, recordFile!)];
    return isJsonObject(entry) && typeof entry.obligations === 'number' ? Math.max(1, entry.obligations) : undefined;
  });
  const known = costs.filter((cost): cost is number => cost !== undefined);
  const average = known.length === 0 ? 1 : Math.max(1, Math.round(known.reduce((sum, cost) => sum + cost, 0) / known.length));
  return cases.map((spec, position) => ({ id: spec.id, cost: costs[position] ?? average }));
}

export interface SuiteRunOptions {
  /** `iam-refine`, or the `--recommender` module as given. */
  readonly recommender: string;
  /** The module's file, when the recommender is one: its bytes count as an input. */
  readonly recommenderFile?: string;
  readonly timeoutMs: number;
  readonly solver: string;
}

/**
 * What a suite run's results depend on: every file of every case (case.json, policy, unused
 * input, catalog, snapshot or given recommendation), one digest per suite so that `merge` names
 * the suite that differs; the recommender; the solver's back end and time limit.
 */
export function suiteIdentity(cases: readonly ProofCase[], options: SuiteRunOptions): RunIdentity {
  const digest = fileDigester();
  const suites = new Map<string, string[]>();
  for (const spec of cases) {
    const files = [spec.file, spec.policy, spec.unused, spec.catalog, spec.subject.file];
    suites.set(spec.suite, [...(suites.get(spec.suite) ?? []), spec.id, ...files.map(digest)]);
  }
  const inputs: Record<string, string> = {};
  for (const [suite, texts] of suites) inputs[`suite ${suite}`] = digestOf(texts);
  inputs.recommender = options.recommender;
  if (options.recommenderFile !== undefined) inputs['recommender module'] = digest(options.recommenderFile);
  inputs.solver = options.solver;
  inputs.timeoutMs = String(options.timeoutMs);
  return identityOf('prove', TOOL_VERSION, inputs, cases.map((spec) => spec.id));
}
