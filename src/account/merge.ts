import { InputError } from '../input/input-error.js';
import type { JsonObject } from '../input/json.js';
import { jsonReader } from '../input/json-reader.js';
import { joinShards, readProvenance, type ShardReport } from '../shard/provenance.js';
import { principalId, sumOf } from './organization.js';

/** An `account --format json` report read back (one account's, or an organization's). */
export interface AccountShardReport extends ShardReport {
  readonly value: JsonObject;
}

export function readAccountReport(value: JsonObject, file: string): AccountShardReport {
  const read = jsonReader(file);
  const { identity, shard } = readProvenance(value, file);
  const accounts = value.accounts === undefined ? [value] : read.list(value.accounts, ['accounts']).map((account, at) => read.object(account, ['accounts', at]));
  accounts.forEach((account, at) => {
    const path = value.accounts === undefined ? [] : ['accounts', at];
    for (const key of ['principals', 'skipped']) read.list(account[key], [...path, key]);
    read.object(account.summary, [...path, 'summary']);
  });
  return { file, identity, shard, held: shard?.positions.length ?? identity.items, value };
}

/**
 * The shards' reports as the unsharded run's: per account, the principals and the skipped ones
 * of every shard in the unsharded order (roles and users as the export lists them, then groups),
 * the totals added up; the notices and warnings, which every shard reports whole, once.
 */
export function mergeAccountReports(reports: readonly AccountShardReport[]): JsonObject {
  joinShards(reports);
  if (reports.length === 1) {
    const { shard: _shard, ...whole } = reports[0]!.value;
    return whole;
  }
  const positions = new Map<string, number>();
  for (const report of reports) report.shard!.ids?.forEach((id, at) => positions.set(id, report.shard!.positions[at]!));
  const ordered = [...reports].sort((a, b) => a.shard!.index - b.shard!.index);
  const { shard: _shard, ...first } = ordered[0]!.value;
  const several = first.accounts !== undefined;
  const accountsOf = (report: AccountShardReport): readonly JsonObject[] => {
    const { shard: _part, ...value } = report.value;
    return several ? (value.accounts as readonly JsonObject[]) : [value];
  };
  const merged = accountsOf(ordered[0]!).map((template, at) => {
    const prefix = several ? `${String(template.account)}/` : '';
    const parts = ordered.map((report) => {
      const part = accountsOf(report)[at];
      if (part === undefined || part.account !== template.account) throw new InputError(report.file, ['accounts', at], `expected account ${String(template.account)}, as in ${ordered[0]!.file}`);
      return { part, file: report.file };
    });
    const place = (file: string, entry: { readonly kind: string; readonly name: string }): number => {
      const position = positions.get(principalId(prefix, entry));
      if (position === undefined) throw new InputError(file, [], `${principalId(prefix, entry)} is in the report but in no shard's list of principals`);
      // The unsharded order: roles and users first, then groups, each in the export's order.
      return (entry.kind === 'group' ? 1 : 0) * 1e9 + position;
    };
    const gather = (key: 'principals' | 'skipped', entryOf: (item: JsonObject) => { kind: string; name: string }): JsonObject[] =>
      parts
        .flatMap(({ part, file }) => (part[key] as readonly JsonObject[]).map((item) => ({ item, order: place(file, entryOf(item)) })))
        .sort((a, b) => a.order - b.order)
        .map(({ item }) => item);
    return {
      ...template,
      summary: sumOf(parts.map(({ part }) => part.summary as JsonObject)),
      principals: gather('principals', (item) => item.principal as unknown as { kind: string; name: string }),
      skipped: gather('skipped', (item) => item as unknown as { kind: string; name: string }),
    };
  });
  return several ? { ...first, summary: sumOf(merged.map((account) => account.summary)), accounts: merged } : { ...first, ...merged[0]! };
}
