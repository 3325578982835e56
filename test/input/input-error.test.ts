import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/input-error.js';

describe('InputError', () => {
  it('names the file, the JSON path and the problem in one line', () => {
    const error = new InputError('policy.json', ['Statement', 1, 'Action', 3], 'expected a string, got a number');
    expect(error.message).toBe('policy.json: Statement[1].Action[3]: expected a string, got a number');
  });

  it('leaves the path out when the problem is the whole document', () => {
    expect(new InputError('unused.json', [], 'empty file, expected JSON').message).toBe('unused.json: empty file, expected JSON');
  });

  it('keeps its parts apart for callers and is an Error named InputError', () => {
    const error = new InputError('<stdin>', ['Version'], 'bad');
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, source: error.source, path: error.path, problem: error.problem }).toEqual({ name: 'InputError', source: '<stdin>', path: ['Version'], problem: 'bad' });
  });
});
