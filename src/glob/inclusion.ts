import { accepts, startStates, step, type StateSet } from './automaton.js';
import { lowerAscii } from './glob.js';

/**
 * A shortest string that `inner` matches and none of `outers` does, or `undefined` when every
 * string `inner` matches is matched by one of them (for all strings, not only catalog actions).
 * Decided exactly, breadth first over the product of the patterns' subset automata; the
 * alphabet is the patterns' literal characters plus one stand-in for every other character.
 */
export function uncoveredString(outerTexts: readonly string[], innerText: string): string | undefined {
  const inner = lowerAscii(innerText);
  const innerPrefix = literalPrefixOf(inner);
  // An outer pattern whose literal prefix disagrees with the inner one's matches none of its strings.
  const outers = outerTexts.map(lowerAscii).filter((outer) => {
    const prefix = literalPrefixOf(outer);
    return prefix.startsWith(innerPrefix) || innerPrefix.startsWith(prefix);
  });
  const literals = [...new Set([inner, ...outers].join('').replace(/[*?]/g, ''))];
  const other = [...'#_~!0123456789'].find((char) => !literals.includes(char)) ?? '\u{1F600}';
  const alphabet = [...literals, other];
  type State = { readonly inner: StateSet; readonly outers: readonly StateSet[]; readonly text: string };
  const keyOf = (state: State): string => `${state.inner.join(',')}|${state.outers.map((states) => states.join(',')).join('|')}`;
  let frontier: State[] = [{ inner: startStates(inner), outers: outers.map(startStates), text: '' }];
  const seen = new Set(frontier.map(keyOf));
  while (frontier.length > 0) {
    const next: State[] = [];
    for (const state of frontier) {
      // Once an outer pattern is left with only stars to match, it covers every continuation.
      if (state.outers.some((states, index) => acceptsEverything(outers[index]!, states))) continue;
      if (accepts(inner, state.inner) && !state.outers.some((states, index) => accepts(outers[index]!, states))) return state.text;
      for (const char of alphabet) {
        const innerStates = step(inner, state.inner, char === other ? undefined : char);
        if (innerStates.length === 0) continue;
        const successor = { inner: innerStates, outers: state.outers.map((states, index) => step(outers[index]!, states, char === other ? undefined : char)), text: state.text + char };
        const key = keyOf(successor);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(successor);
      }
    }
    frontier = next;
  }
  return undefined;
}

function literalPrefixOf(lower: string): string {
  const wildcard = lower.search(/[*?]/);
  return wildcard === -1 ? lower : lower.slice(0, wildcard);
}

function acceptsEverything(pattern: string, states: StateSet): boolean {
  return states.some((state) => state < pattern.length && /^\*+$/.test(pattern.slice(state)));
}

/** Whether `outer` matches every string `inner` matches. */
export function includes(outerText: string, innerText: string): boolean {
  return uncoveredString([outerText], innerText) === undefined;
}
