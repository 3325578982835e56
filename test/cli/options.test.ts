import { describe, expect, it } from 'vitest';
import { granularityOption } from '../../src/cli/options.js';

describe('granularityOption', () => {
  it('is --granularity with the choices word and char, word by default', () => {
    const option = granularityOption();
    expect({ long: option.long, choices: option.argChoices, default: option.defaultValue }).toEqual({ long: '--granularity', choices: ['word', 'char'], default: 'word' });
  });
});
