import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/input/json.js';
import { printJson, replaceKey, withStatements } from '../../src/policy/print.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { allow } from '../support.js';

describe('printJson', () => {
  it('writes two-space JSON with a final newline', () => {
    expect(printJson({ Version: '2012-10-17', Statement: [{ Action: 's3:Get*' }] })).toBe('{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Action": "s3:Get*"\n    }\n  ]\n}\n');
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
