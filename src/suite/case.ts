import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Granularity } from '../catalog/tokenize.js';
import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { readTime } from '../findings/last-accessed.js';
import type { UnusedInput } from '../findings/load.js';
import { CLAIMS, type ClaimId } from '../prove/claims.js';
import type { Verdict } from '../prove/obligation.js';

/** A refutation a case expects: the claim, the statement, and (optionally) the counterexamples any one of which will do. */
export interface ExpectedRefutation {
  readonly statement: number;
  readonly claim: ClaimId;
  readonly example?: readonly string[];
}

export interface Expectation {
  readonly verdict: Verdict;
  /** Exactly the claims that must be refuted; empty when the verdict is `proven`. */
  readonly refuted: readonly ExpectedRefutation[];
}

/**
 * What a case judges: the recommender's own recommendation compared with a committed snapshot,
 * or a given recommendation (a deliberately wrong one, Access Analyzer's) judged as it is.
 */
export type CaseSubject = { readonly kind: 'snapshot'; readonly file: string } | { readonly kind: 'given'; readonly file: string };

/** One proof case, read from its `case.json`; every path is resolved against the case's folder. */
export interface ProofCase {
  /** The case folder as the user named it (relative paths stay relative): the case's name in reports. */
  readonly id: string;
  /** The folder holding the case folder: the suite it belongs to. */
  readonly suite: string;
  readonly file: string;
  readonly description: string;
  readonly policy: string;
  /** The file the unused set comes from: `unused`, `lastAccessed` or `used`. */
  readonly unused: string;
  /** How the unused set is read: the file as is, or derived from evidence of use. */
  readonly unusedInput: UnusedInput;
  readonly catalog: string;
  readonly granularity: Granularity;
  readonly subject: CaseSubject;
  readonly expect: Expectation;
}

const KEYS = ['description', 'policy', 'unused', 'lastAccessed', 'unusedDays', 'asOf', 'used', 'catalog', 'granularity', 'snapshot', 'recommended', 'expect'];
/** A case expects a decision; `unknown` is never an expectation. */
const VERDICTS: readonly Verdict[] = ['proven', 'refuted'];

/**
 * Reads a `case.json`:
 * `{"description", "policy", "unused", "catalog", "granularity", "snapshot" | "recommended", "expect": {"verdict", "refuted"}}`.
 * Everything is checked here, so that a bad case stops the run before any proof starts.
 */
export function parseCase(value: Json, file: string): ProofCase {
  const fail = (path: JsonPath, problem: string): never => {
    throw new InputError(file, path, problem);
  };
  const root = objectAt(value, [], fail);
  for (const key of Object.keys(root)) if (!KEYS.includes(key)) fail([key], `unknown key; a case has ${KEYS.join(', ')}`);
  const folder = dirname(file);
  const path = (key: string): string => {
    const name = stringAt(root[key], [key], fail);
    return isAbsolute(name) ? name : join(folder, name);
  };
  const description = root.description === undefined ? '' : stringAt(root.description, ['description'], fail, 'a text');
  const granularity = root.granularity ?? 'word';
  if (granularity !== 'word' && granularity !== 'char') fail(['granularity'], 'expected "word" or "char"');
  if ((root.snapshot === undefined) === (root.recommended === undefined)) {
    fail([], 'expected exactly one of "snapshot" (the expected recommendation of the recommender) and "recommended" (a given recommendation to judge)');
  }
  const subject: CaseSubject = root.snapshot !== undefined ? { kind: 'snapshot', file: path('snapshot') } : { kind: 'given', file: path('recommended') };
  const unusedInput = parseUnusedInput(root, path, fail);
  const inputs = { policy: path('policy'), unused: unusedInput.file, catalog: path('catalog') };
  for (const [key, input] of Object.entries(inputs)) {
    if (subject.kind === 'snapshot' && resolve(input) === resolve(subject.file)) fail(['snapshot'], `the snapshot is the case's ${key}; --update would overwrite an input`);
  }
  return {
    id: folder,
    suite: dirname(folder),
    file,
    description,
    ...inputs,
    unusedInput,
    granularity: granularity as Granularity,
    subject,
    expect: parseExpectation(root.expect, fail),
  };
}

/** Exactly one of `unused`, `lastAccessed` (with `unusedDays` and `asOf`, as the CLI's options) and `used`. */
function parseUnusedInput(root: JsonObject, path: (key: string) => string, fail: (path: JsonPath, problem: string) => never): UnusedInput {
  const given = (['unused', 'lastAccessed', 'used'] as const).filter((key) => root[key] !== undefined);
  if (given.length !== 1) fail([], 'expected exactly one of "unused", "lastAccessed" and "used"');
  if (given[0] !== 'lastAccessed') {
    for (const key of ['unusedDays', 'asOf']) if (root[key] !== undefined) fail([key], 'applies to "lastAccessed" only');
    return given[0] === 'used' ? { kind: 'used', file: path('used') } : { kind: 'unused', file: path('unused') };
  }
  const days = root.unusedDays;
  if (days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1)) fail(['unusedDays'], 'expected a whole number of days, at least 1');
  const asOfText = root.asOf;
  const asOf = asOfText === undefined ? undefined : typeof asOfText === 'string' ? readTime(asOfText) : undefined;
  if (asOfText !== undefined && asOf === undefined) fail(['asOf'], 'expected an ISO 8601 date or time, such as "2024-06-20"');
  const options = { ...(days === undefined ? {} : { unusedDays: days as number }), ...(asOf === undefined ? {} : { asOf }) };
  return { kind: 'last-accessed', file: path('lastAccessed'), options };
}

function parseExpectation(value: Json | undefined, fail: (path: JsonPath, problem: string) => never): Expectation {
  const expect = objectAt(value, ['expect'], fail);
  for (const key of Object.keys(expect)) if (key !== 'verdict' && key !== 'refuted') fail(['expect', key], 'unknown key; expected "verdict" and "refuted"');
  const verdict = expect.verdict;
  if (!VERDICTS.includes(verdict as Verdict)) fail(['expect', 'verdict'], `expected one of ${VERDICTS.map((name) => `"${name}"`).join(', ')}`);
  const list = expect.refuted ?? [];
  if (!Array.isArray(list)) return fail(['expect', 'refuted'], `expected a list, got ${describeJsonType(list)}`);
  const refuted = list.map((item: Json, index: number): ExpectedRefutation => {
    const at: JsonPath = ['expect', 'refuted', index];
    const entry = objectAt(item, at, fail);
    for (const key of Object.keys(entry)) if (!['statement', 'claim', 'example'].includes(key)) fail([...at, key], 'unknown key; expected "statement", "claim" and "example"');
    const statement = entry.statement;
    if (typeof statement !== 'number' || !Number.isInteger(statement) || statement < 0) fail([...at, 'statement'], 'expected a statement index (a whole number from 0)');
    const claim = entry.claim;
    if (!CLAIMS.some((info) => info.id === claim)) fail([...at, 'claim'], `expected one of ${CLAIMS.map((info) => `"${info.id}"`).join(', ')}`);
    if (entry.example === undefined) return { statement: statement as number, claim: claim as ClaimId };
    if (!Array.isArray(entry.example)) return fail([...at, 'example'], `expected a list of counterexamples (any one will do), got ${describeJsonType(entry.example)}`);
    const example = entry.example.map((text: Json, position: number) => stringAt(text, [...at, 'example', position], fail, 'an action or string'));
    return { statement: statement as number, claim: claim as ClaimId, example };
  });
  if ((verdict === 'refuted') !== (refuted.length > 0)) fail(['expect', 'refuted'], verdict === 'refuted' ? 'a refuted verdict names the claims refuted' : 'a proven verdict refutes no claim');
  return { verdict: verdict as Verdict, refuted };
}

function objectAt(value: Json | undefined, path: JsonPath, fail: (path: JsonPath, problem: string) => never): JsonObject {
  if (value === undefined) return fail(path, 'missing');
  return isJsonObject(value) ? value : fail(path, `expected an object, got ${describeJsonType(value)}`);
}

function stringAt(value: Json | undefined, path: JsonPath, fail: (path: JsonPath, problem: string) => never, what = 'a file name'): string {
  if (value === undefined) return fail(path, 'missing');
  return typeof value === 'string' && value !== '' ? value : fail(path, `expected ${what}, got ${describeJsonType(value)}`);
}
