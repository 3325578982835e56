import { describe, expect, it } from 'vitest';
import { policySize } from '../../src/policy/size.js';

describe('policySize', () => {
  it('counts the characters of the JSON text without whitespace between tokens', () => {
    // {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}
    expect(policySize({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] })).toBe(73);
  });

  it('keeps the spaces inside strings', () => {
    expect(policySize({ Sid: 'a b' })).toBe('{"Sid":"a b"}'.length);
  });
});
