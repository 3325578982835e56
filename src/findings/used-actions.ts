import { InputError } from '../input/input-error.js';
import { describeJsonType, type Json } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { parseJsonSource, type JsonSource } from '../input/read-json.js';

/** One entry of a used-actions list, where it stands in the file. */
export interface UsedAction {
  readonly service: string;
  readonly name: string;
  /** The JSON path of a list item; empty for a line of a text file (see `line`). */
  readonly path: JsonPath;
  /** The line number in a one-per-line file. */
  readonly line: number | undefined;
}

const ACTION = /^([A-Za-z0-9-]+):([A-Za-z0-9_-]+)$/;

/**
 * Reads a list of used actions: a JSON list of `"service:Action"` strings, or one per line (blank
 * lines and `#` comments skipped). A wildcard is refused: a used list names the actions one by
 * one, and a pattern would stand for actions nobody saw used or unused.
 */
export function parseUsedActions(source: JsonSource): UsedAction[] {
  const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
  const first = text.trimStart()[0];
  if (first === '[' || first === '{' || first === '"') return fromJson(parseJsonSource(source), source.name);
  const actions: UsedAction[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const entry = raw.replace(/#.*$/, '').trim();
    if (entry === '') return;
    const line = index + 1;
    actions.push(usedAction(entry, source.name, [], line));
  });
  return actions;
}

function fromJson(value: Json, source: string): UsedAction[] {
  if (!Array.isArray(value)) throw new InputError(source, [], `expected a list of "service:Action" strings (or one per line), got ${describeJsonType(value)}`);
  return value.map((item: Json, index: number) => {
    if (typeof item !== 'string') throw new InputError(source, [index], `expected a "service:Action" string, got ${describeJsonType(item)}`);
    return usedAction(item.trim(), source, [index], undefined);
  });
}

function usedAction(entry: string, source: string, path: JsonPath, line: number | undefined): UsedAction {
  const fail = (problem: string): never => {
    throw new InputError(source, path, line === undefined ? problem : `line ${line}: ${problem}`);
  };
  if (/[*?]/.test(entry)) fail(`${JSON.stringify(entry)} has a wildcard; a used-actions list names each used action ("s3:GetObject")`);
  const match = ACTION.exec(entry);
  if (match === null) return fail(`expected "service:Action", got ${JSON.stringify(entry)}`);
  return { service: match[1]!, name: match[2]!, path, line };
}
