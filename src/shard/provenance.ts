import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { shardName, type Shard } from './shard.js';

export type ShardedCommand = 'prove' | 'fuzz' | 'account';

/**
 * What a report was computed from, so that `merge` can refuse reports of different runs: the
 * command and the tool's version, the inputs (named digests of the files and the options that
 * change results, so that a refusal names what differs), and every item of the whole run (how
 * many, and a digest of their ids in order). A shard's report carries the same identity as the
 * unsharded run's, and which of the items it ran.
 */
export interface RunIdentity {
  readonly command: ShardedCommand;
  readonly version: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly items: number;
  readonly itemList: string;
}

export interface ShardPart extends Shard {
  /** The positions, in the whole run's order, of the items this shard ran, ascending. */
  readonly positions: readonly number[];
  /** Their ids, when the report's own entries do not say which item each is (an account's principals). */
  readonly ids?: readonly string[];
}

/** Hex sha256 of texts (a NUL between them, so that ["ab", "c"] and ["a", "bc"] differ). */
export function digestOf(texts: readonly string[]): string {
  const hash = createHash('sha256');
  texts.forEach((text, index) => hash.update(index === 0 ? text : `\0${text}`));
  return hash.digest('hex');
}

/** Digests of files' bytes, each file read once however many items name it; a missing file has its own digest. */
export function fileDigester(): (file: string) => string {
  const known = new Map<string, string>();
  return (file) => {
    let digest = known.get(file);
    if (digest === undefined) {
      let bytes: Buffer | undefined;
      try {
        bytes = readFileSync(file);
      } catch {
        bytes = undefined;
      }
      digest = bytes === undefined ? 'missing' : createHash('sha256').update(bytes).digest('hex');
      known.set(file, digest);
    }
    return digest;
  };
}

export function identityOf(command: ShardedCommand, version: string, inputs: Readonly<Record<string, string>>, ids: readonly string[]): RunIdentity {
  return { command, version, inputs, items: ids.length, itemList: digestOf(ids) };
}

export function runJson(identity: RunIdentity): JsonObject {
  return { command: identity.command, version: identity.version, inputs: { ...identity.inputs }, items: identity.items, itemList: identity.itemList };
}

/** A contiguous share (a fuzz campaign's runs) is written as its range `[first, end)`, any other as its positions. */
export function shardJson(part: ShardPart): JsonObject {
  const { positions } = part;
  const contiguous = positions.length > 0 && positions[positions.length - 1]! - positions[0]! === positions.length - 1;
  const ids: JsonObject = part.ids === undefined ? {} : { ids: [...part.ids] };
  return { index: part.index, count: part.count, ...(contiguous ? { range: [positions[0]!, positions[0]! + positions.length] } : { positions: [...positions] }), ...ids };
}

/** A report's `run` and `shard` blocks, read back; every problem names the file and the JSON path. */
export function readProvenance(report: JsonObject, file: string): { readonly identity: RunIdentity; readonly shard: ShardPart | undefined } {
  const fail = (path: JsonPath, problem: string): never => {
    throw new InputError(file, path, problem);
  };
  const run = report.run;
  if (!isJsonObject(run)) return fail(['run'], `expected the run's identity (an object), got ${describeJsonType(run)}; was it written by an older iam-refine?`);
  const command = run.command;
  if (command !== 'prove' && command !== 'fuzz' && command !== 'account') return fail(['run', 'command'], 'expected "prove", "fuzz" or "account"');
  const inputs = run.inputs;
  if (!isJsonObject(inputs) || !Object.values(inputs).every((value) => typeof value === 'string')) return fail(['run', 'inputs'], 'expected an object of digests');
  const identity: RunIdentity = {
    command,
    version: text(run.version, ['run', 'version'], fail),
    inputs: inputs as Record<string, string>,
    items: count(run.items, ['run', 'items'], fail),
    itemList: text(run.itemList, ['run', 'itemList'], fail),
  };
  if (report.shard === undefined) return { identity, shard: undefined };
  const shard = report.shard;
  if (!isJsonObject(shard)) return fail(['shard'], `expected an object, got ${describeJsonType(shard)}`);
  const shardCount = count(shard.count, ['shard', 'count'], fail);
  const index = count(shard.index, ['shard', 'index'], fail);
  if (shardCount < 1 || index < 1 || index > shardCount) fail(['shard'], `shard ${index}/${shardCount} is out of range`);
  if (shard.range !== undefined) {
    const range = shard.range;
    if (!Array.isArray(range) || range.length !== 2) return fail(['shard', 'range'], 'expected [first, end]');
    const [from, to] = [count(range[0], ['shard', 'range', 0], fail), count(range[1], ['shard', 'range', 1], fail)];
    if (from >= to || to > identity.items) fail(['shard', 'range'], `expected a range within the ${identity.items} items`);
    return { identity, shard: { index, count: shardCount, positions: Array.from({ length: to - from }, (_, at) => from + at), ...idsOf(shard, to - from, fail) } };
  }
  const positions = shard.positions;
  if (!Array.isArray(positions)) return fail(['shard', 'positions'], `expected a list, got ${describeJsonType(positions)}`);
  const read = positions.map((value, at) => count(value, ['shard', 'positions', at], fail));
  read.forEach((position, at) => {
    if (position >= identity.items || (at > 0 && position <= read[at - 1]!)) fail(['shard', 'positions', at], `expected ascending positions below ${identity.items}`);
  });
  return { identity, shard: { index, count: shardCount, positions: read, ...idsOf(shard, read.length, fail) } };
}

function idsOf(shard: JsonObject, length: number, fail: (path: JsonPath, problem: string) => never): { ids?: string[] } {
  if (shard.ids === undefined) return {};
  const ids = shard.ids;
  if (!Array.isArray(ids) || ids.length !== length || !ids.every((id) => typeof id === 'string')) return fail(['shard', 'ids'], `expected ${length} ids, one per position`);
  return { ids: ids as string[] };
}

function text(value: Json | undefined, path: JsonPath, fail: (path: JsonPath, problem: string) => never): string {
  return typeof value === 'string' ? value : fail(path, `expected a string, got ${describeJsonType(value)}`);
}

function count(value: Json | undefined, path: JsonPath, fail: (path: JsonPath, problem: string) => never): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : fail(path, `expected a whole number, got ${describeJsonType(value)}`);
}

/** A shard report as `merge` reads it: the file, its identity and share, and how many items it holds. */
export interface ShardReport {
  readonly file: string;
  readonly identity: RunIdentity;
  readonly shard: ShardPart | undefined;
  /** How many items the report holds (cases, principals): must be as many as its positions. */
  readonly held: number;
}

/** Where each item of the whole run comes from: which report, and which of its items. */
export interface ItemSource {
  readonly report: number;
  readonly item: number;
}

/**
 * Checks that the reports are the shards of one run, each once, all of them, and returns where
 * every item of the whole run is; otherwise an `InputError` naming the file and what differs.
 * A single unsharded report is its own whole run.
 */
export function joinShards(reports: readonly ShardReport[]): ItemSource[] {
  if (reports.length === 0) throw new InputError('merge', [], 'no reports given');
  const [first, ...rest] = reports;
  for (const other of rest) {
    const differences = identityDifferences(first!.identity, other.identity);
    if (differences.length > 0) throw new InputError(other.file, ['run'], `not a shard of the same run as ${first!.file}: ${differences.join('; ')}`);
  }
  for (const report of reports) {
    if (report.shard === undefined && reports.length > 1) throw new InputError(report.file, [], 'is an unsharded report: it cannot be merged with others');
    const expected = report.shard?.positions.length ?? report.identity.items;
    if (report.held !== expected) throw new InputError(report.file, [], `holds ${report.held} items but its shard lists ${expected}`);
  }
  const count = first!.shard?.count ?? 1;
  const byIndex = new Map<number, ShardReport>();
  for (const report of reports) {
    const shard = report.shard ?? { index: 1, count: 1, positions: [] };
    if (shard.count !== count) throw new InputError(report.file, ['shard'], `is shard ${shardName(shard)} but ${first!.file} is one of ${count} shards`);
    const twice = byIndex.get(shard.index);
    if (twice !== undefined) throw new InputError(report.file, ['shard'], `shard ${shardName(shard)} is given twice: ${twice.file} and ${report.file}`);
    byIndex.set(shard.index, report);
  }
  const missing = Array.from({ length: count }, (_, at) => at + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) throw new InputError('merge', [], `missing ${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((index) => `${index}/${count}`).join(', ')} (given: ${reports.map((report) => report.file).join(', ')})`);

  const total = first!.identity.items;
  const sources = new Array<ItemSource | undefined>(total).fill(undefined);
  reports.forEach((report, at) => {
    const positions = report.shard?.positions ?? Array.from({ length: total }, (_, position) => position);
    positions.forEach((position, item) => {
      const other = sources[position];
      if (other !== undefined) throw new InputError(report.file, ['shard', 'positions'], `item ${position} is also in ${reports[other.report]!.file}: the shards overlap (were they split with different records?)`);
      sources[position] = { report: at, item };
    });
  });
  const uncovered = sources.findIndex((source) => source === undefined);
  if (uncovered !== -1) throw new InputError('merge', [], `item ${uncovered} of ${total} is in no shard (were the shards split with different records?)`);
  return sources as ItemSource[];
}

/** What differs between two runs' identities, named. */
export function identityDifferences(a: RunIdentity, b: RunIdentity): string[] {
  const lines: string[] = [];
  if (a.command !== b.command) lines.push(`command ${a.command} vs ${b.command}`);
  if (a.version !== b.version) lines.push(`iam-refine version ${a.version} vs ${b.version}`);
  const keys = [...new Set([...Object.keys(a.inputs), ...Object.keys(b.inputs)])];
  const differing = keys.filter((key) => a.inputs[key] !== b.inputs[key]);
  for (const key of differing.slice(0, 5)) lines.push(`${key}: ${shortValue(a.inputs[key])} vs ${shortValue(b.inputs[key])}`);
  if (differing.length > 5) lines.push(`and ${differing.length - 5} more inputs`);
  if (a.items !== b.items) lines.push(`${a.items} items vs ${b.items}`);
  else if (a.itemList !== b.itemList && differing.length === 0) lines.push('the lists of items differ');
  return lines;
}

function shortValue(value: string | undefined): string {
  if (value === undefined) return 'absent';
  return /^[0-9a-f]{64}$/.test(value) ? value.slice(0, 12) : JSON.stringify(value);
}
