import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonObject } from '../../src/input/json.js';
import { parseJson } from '../../src/input/parse-json.js';
import { compactJson, printJson, replaceKey, withStatements } from '../../src/policy/print.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { allow } from '../support.js';

describe('printJson', () => {
  it('writes two-space JSON with a final newline', () => {
    expect(printJson({ Version: '2012-10-17', Statement: [{ Action: 's3:Get*' }] })).toBe('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": "s3:Get*"\n    }\n  ]\n}\n');
  });

  it('writes exactly what JSON.stringify writes for values made here, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(printJson(value as JsonObject)).toBe(`${JSON.stringify(value, null, 2)}\n`);
        expect(compactJson(value as JsonObject)).toBe(JSON.stringify(value));
      }),
      { seed: 12, numRuns: 300 },
    );
    const withGaps = { a: undefined, b: [undefined, 1], c: Number.NaN, d: {} , e: [] } as unknown as JsonObject;
    expect(printJson(withGaps)).toBe(`${JSON.stringify(withGaps, null, 2)}\n`);
  });

  // Regression (was a bug): numbers went through doubles, so 23 digits, 1e999999, 1.50, 1E2 and -0 came back changed.
  it('prints every number digit for digit as it was read', () => {
    const text = '{"x":12345678901234567890123,"y":[1e999999,1.50,1E2,-0,7,-1.5e-7],"z":' + '9'.repeat(5000) + '}';
    const value = parseJson(text);
    expect({ compact: compactJson(value), printed: printJson(value).replace(/\s/g, '') }).toEqual({ compact: text, printed: text });
  });
});

describe('replaceKey', () => {
  it('replaces one value in place, keeping every key in its order', () => {
    const statement = { Resource: '*', Action: ['s3:Get*'], Effect: 'Allow', Sid: 'x' };
    const copy = replaceKey(statement, 'Action', ['s3:GetObject']);
    expect(Object.entries(copy)).toEqual([['Resource', '*'], ['Action', ['s3:GetObject']], ['Effect', 'Allow'], ['Sid', 'x']]);
  });

  it('leaves the original object as it was', () => {
    const statement = { Action: 's3:Get*' };
    replaceKey(statement, 'Action', 's3:GetObject');
    expect(statement).toEqual({ Action: 's3:Get*' });
  });

  it('copies a "__proto__" key as an own key', () => {
    const object = JSON.parse('{"__proto__": 1, "a": 2}') as JsonObject;
    expect(printJson(replaceKey(object, 'a', 3))).toBe('{\n  "__proto__": 1,\n  "a": 3\n}\n');
  });
});

describe('withStatements', () => {
  const statement: JsonObject = allow('s3:GetObject');

  it('keeps the policy keys in their original order, Statement where it stood', () => {
    const policy = parsePolicy({ Statement: [allow('s3:*'), allow('ec2:*')], Id: 'p', Version: '2012-10-17' }, 'p');
    expect(Object.keys(withStatements(policy, [statement]))).toEqual(['Statement', 'Id', 'Version']);
  });

  it('writes a list when the original wrote a list, even for one statement', () => {
    const policy = parsePolicy({ Statement: [allow('s3:*'), allow('ec2:*')] }, 'p');
    expect(withStatements(policy, [statement]).Statement).toEqual([statement]);
  });

  it('writes one object when the original wrote one object', () => {
    const policy = parsePolicy({ Statement: allow('s3:*') }, 'p');
    expect(withStatements(policy, [statement]).Statement).toEqual(statement);
  });
});
