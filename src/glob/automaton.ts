/**
 * A pattern read as a nondeterministic automaton: state `i` means "the pattern from position `i`
 * on is still to be matched", and state `pattern.length` accepts. Sets of states are sorted lists.
 */
export type StateSet = readonly number[];

/** Adds the states reachable by letting stars match the empty string. */
export function closure(patternLower: string, states: Iterable<number>): StateSet {
  const result = new Set<number>();
  for (let state of states) {
    result.add(state);
    while (patternLower[state] === '*') result.add(++state);
  }
  return [...result].sort((a, b) => a - b);
}

/** The states after reading one character; `char` undefined stands for a character no literal has. */
export function step(patternLower: string, states: StateSet, char: string | undefined): StateSet {
  const next: number[] = [];
  for (const state of states) {
    const token = patternLower[state];
    if (token === '*') next.push(state);
    else if (token === '?' || (token !== undefined && token === char)) next.push(state + 1);
  }
  return closure(patternLower, next);
}

export function startStates(patternLower: string): StateSet {
  return closure(patternLower, [0]);
}

export function accepts(patternLower: string, states: StateSet): boolean {
  return states.includes(patternLower.length);
}
