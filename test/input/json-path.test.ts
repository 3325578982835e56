import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../src/input/json-path.js';

describe('formatJsonPath', () => {
  it('writes the root as the empty string', () => {
    expect(formatJsonPath([])).toBe('');
  });

  it('joins keys with dots and writes indices in brackets, as IAM names places', () => {
    expect(formatJsonPath(['Statement', 1, 'Action', 3])).toBe('Statement[1].Action[3]');
  });

  it('starts with a bracket when the document is a list', () => {
    expect(formatJsonPath([0, 'actions', 2])).toBe('[0].actions[2]');
  });

  it('quotes keys that are not identifiers, such as condition keys', () => {
    expect(formatJsonPath(['Condition', 'IpAddress', 'aws:SourceIp', 0])).toBe('Condition.IpAddress["aws:SourceIp"][0]');
  });

  it('quotes empty keys, keys starting with a digit and keys with spaces or quotes, escaping as JSON', () => {
    expect(formatJsonPath(['', '1a', 'a b', 'say "hi"'])).toBe('[""]["1a"]["a b"]["say \\"hi\\""]');
  });

  it('leaves identifiers with underscores, dollars and digits unquoted', () => {
    expect(formatJsonPath(['_private', '$ref', 'v2'])).toBe('_private.$ref.v2');
  });
});
