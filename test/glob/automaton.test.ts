import { describe, expect, it } from 'vitest';
import { accepts, closure, startStates, step } from '../../src/glob/automaton.js';

/** The states after reading `text` from the start. */
function run(pattern: string, text: string): readonly number[] {
  let states = startStates(pattern);
  for (const char of text) states = step(pattern, states, char);
  return states;
}

describe('closure', () => {
  it('adds the states reached by letting a run of stars match nothing, sorted', () => {
    expect(closure('a**b', [1])).toEqual([1, 2, 3]);
    expect(closure('a**b', [3, 0])).toEqual([0, 3]);
  });
});

describe('startStates', () => {
  it('starts at 0, plus what leading stars skip', () => {
    expect(startStates('ab')).toEqual([0]);
    expect(startStates('*a')).toEqual([0, 1]);
    expect(startStates('**')).toEqual([0, 1, 2]);
  });
});

describe('step', () => {
  it('moves past a matching literal or a "?", and stays on a star', () => {
    expect(step('a?*', [0], 'a')).toEqual([1]);
    expect(step('a?*', [1], 'x')).toEqual([2, 3]);
    expect(step('a?*', [2, 3], 'x')).toEqual([2, 3]);
  });

  it('lets a character no literal has (undefined) pass only "?" and "*"', () => {
    expect(step('a?', [0, 1], undefined)).toEqual([2]);
    expect(step('a', [0], undefined)).toEqual([]);
  });

  it('drops states that cannot read the character, and the accepting state', () => {
    expect(step('ab', [0, 2], 'b')).toEqual([]);
  });
});

describe('accepts', () => {
  it('accepts when the end of the pattern is among the states', () => {
    expect(['ab', 'abc', 'a', 'xab'].map((text) => accepts('a*b', run('a*b', text)))).toEqual([true, false, false, false]);
    expect(accepts('a*b', run('a*b', 'aXXb'))).toBe(true);
  });
});
