import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, JsonNumber, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import type { ActionKey, Effect, Policy, Statement } from './types.js';

const POLICY_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const VERSIONS = ['2012-10-17', '2008-10-17'];

/**
 * Parses and validates an IAM policy document against the policy grammar. Every error names the
 * JSON path of the offending value.
 */
export function parsePolicy(value: Json, source: string): Policy {
  const fail = (path: JsonPath, problem: string): never => {
    throw new InputError(source, path, problem);
  };
  if (!isJsonObject(value)) return fail([], `expected a policy object, got ${describeJsonType(value)}`);
  checkKeys(value, [], POLICY_KEYS, fail);
  if ('Version' in value && !VERSIONS.includes(value.Version as string)) {
    fail(['Version'], `expected ${VERSIONS.map((version) => JSON.stringify(version)).join(' or ')}`);
  }
  if ('Id' in value && typeof value.Id !== 'string') fail(['Id'], `expected a string, got ${describeJsonType(value.Id)}`);
  const statementValue = value.Statement;
  if (statementValue === undefined) return fail([], 'missing "Statement"');
  const statementsAsList = Array.isArray(statementValue);
  const rawStatements: readonly Json[] = statementsAsList ? statementValue : [statementValue];
  if (rawStatements.length === 0) fail(['Statement'], 'expected at least one statement');
  const statements = rawStatements.map((raw, index) => parseStatement(raw, statementsAsList ? ['Statement', index] : ['Statement'], index, fail));
  return { statements, statementsAsList, raw: value };
}

function parseStatement(raw: Json, path: JsonPath, index: number, fail: (path: JsonPath, problem: string) => never): Statement {
  if (!isJsonObject(raw)) return fail(path, `expected a statement object, got ${describeJsonType(raw)}`);
  checkKeys(raw, path, STATEMENT_KEYS, fail);
  exclusive(raw, path, 'Action', 'NotAction', true, fail);
  exclusive(raw, path, 'Resource', 'NotResource', false, fail);
  exclusive(raw, path, 'Principal', 'NotPrincipal', false, fail);

  if ('Sid' in raw && typeof raw.Sid !== 'string') fail([...path, 'Sid'], `expected a string, got ${describeJsonType(raw.Sid)}`);
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny') {
    fail([...path, 'Effect'], raw.Effect === undefined ? 'missing, expected "Allow" or "Deny"' : 'expected "Allow" or "Deny"');
  }
  const actionKey: ActionKey = 'Action' in raw ? 'Action' : 'NotAction';
  const actionValue = raw[actionKey]!;
  const patterns = stringOrList(actionValue, [...path, actionKey], fail);
  patterns.forEach((pattern, position) => checkActionPattern(pattern, Array.isArray(actionValue) ? [...path, actionKey, position] : [...path, actionKey], fail));
  for (const key of ['Resource', 'NotResource'] as const) {
    if (key in raw) stringOrList(raw[key]!, [...path, key], fail);
  }
  for (const key of ['Principal', 'NotPrincipal'] as const) {
    if (key in raw) checkPrincipal(raw[key]!, [...path, key], fail);
  }
  if ('Condition' in raw) checkCondition(raw.Condition!, [...path, 'Condition'], fail);
  return {
    index,
    sid: raw.Sid as string | undefined,
    effect: raw.Effect as Effect,
    actionKey,
    patterns,
    patternsAsList: Array.isArray(actionValue),
    raw,
  };
}

function checkKeys(object: JsonObject, path: JsonPath, allowed: readonly string[], fail: (path: JsonPath, problem: string) => never): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) fail([...path, key], `unknown key (expected one of ${allowed.join(', ')})`);
  }
}

function exclusive(raw: JsonObject, path: JsonPath, one: string, other: string, required: boolean, fail: (path: JsonPath, problem: string) => never): void {
  if (one in raw && other in raw) fail(path, `has both "${one}" and "${other}"; a statement takes one of them`);
  if (required && !(one in raw) && !(other in raw)) fail(path, `missing "${one}" or "${other}"`);
}

function stringOrList(value: Json, path: JsonPath, fail: (path: JsonPath, problem: string) => never): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return fail(path, `expected a string or a list of strings, got ${describeJsonType(value)}`);
  if (value.length === 0) fail(path, 'expected at least one entry');
  return value.map((entry: Json, index: number) => (typeof entry === 'string' ? entry : fail([...path, index], `expected a string, got ${describeJsonType(entry)}`)));
}

/**
 * `service:action` (either part may hold wildcards) or a lone `*`, in printable ASCII: IAM refuses
 * anything else, and the solver's strings could not represent every other character faithfully.
 */
function checkActionPattern(pattern: string, path: JsonPath, fail: (path: JsonPath, problem: string) => never): void {
  if (pattern === '*') return;
  if (/[^\x20-\x7e]/.test(pattern)) fail(path, `${JSON.stringify(pattern)} is not an action pattern (only printable ASCII characters)`);
  if (!/^[^\s:]+:[^\s:]+$/.test(pattern)) fail(path, `${JSON.stringify(pattern)} is not an action pattern (expected "service:action" or "*")`);
}

function checkPrincipal(value: Json, path: JsonPath, fail: (path: JsonPath, problem: string) => never): void {
  if (value === '*') return;
  if (!isJsonObject(value)) return fail(path, `expected "*" or an object such as {"AWS": "..."}, got ${describeJsonType(value)}`);
  for (const [kind, ids] of Object.entries(value)) stringOrList(ids, [...path, kind], fail);
}

function checkCondition(value: Json, path: JsonPath, fail: (path: JsonPath, problem: string) => never): void {
  if (!isJsonObject(value)) return fail(path, `expected an object of condition operators, got ${describeJsonType(value)}`);
  for (const [operator, block] of Object.entries(value)) {
    if (!isJsonObject(block)) fail([...path, operator], `expected an object of condition keys, got ${describeJsonType(block)}`);
    for (const [key, values] of Object.entries(block as JsonObject)) {
      const entries: readonly Json[] = Array.isArray(values) ? values : [values];
      entries.forEach((entry, index) => {
        if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean' && !(entry instanceof JsonNumber)) {
          fail(Array.isArray(values) ? [...path, operator, key, index] : [...path, operator, key], `expected a string, number or boolean, got ${describeJsonType(entry)}`);
        }
      });
    }
  }
}
