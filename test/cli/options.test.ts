import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from 'commander';
import { boundedInteger, granularityOption, integerOption, OPTION_BOUNDS } from '../../src/cli/options.js';

describe('granularityOption', () => {
  it('is --granularity with the choices word and char, word by default', () => {
    const option = granularityOption();
    expect({ long: option.long, choices: option.argChoices, default: option.defaultValue }).toEqual({ long: '--granularity', choices: ['word', 'char'], default: 'word' });
  });
});

describe('boundedInteger', () => {
  const parse = boundedInteger({ min: 1, max: 32 });
  const refusal = (text: string): string => {
    try {
      parse(text);
    } catch (error) {
      if (error instanceof InvalidArgumentError) return error.message;
    }
    return 'accepted';
  };

  it('accepts whole numbers within the bounds, both ends included', () => {
    expect(['1', '32', '007', ' 5 '].map(parse)).toEqual([1, 32, 7, 5]);
  });

  it('refuses anything else with the bounds in the message', () => {
    expect(['0', '33', '1000', '-1', '1.5', '1e1', '0x10', '', 'abc', '99999999999999999999'].map(refusal)).toEqual(Array(10).fill('expected a whole number from 1 to 32'));
  });
});

describe('OPTION_BOUNDS', () => {
  it('keeps every timeout within what Node timers take, with the pool grace of 5 s added', () => {
    expect(OPTION_BOUNDS.timeoutMs.max + 5_000).toBeLessThanOrEqual(2 ** 31 - 1);
  });

  it('says the bounds in the help of each option', () => {
    expect(integerOption('--runs <n>', 'random cases', OPTION_BOUNDS.runs).description).toBe('random cases, 1 to 1,000,000');
    expect(integerOption('--workers <n>', 'solver threads', OPTION_BOUNDS.workers, 'default: 4').description).toBe('solver threads, 1 to 32 (default: 4)');
  });
});
