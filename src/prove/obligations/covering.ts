import { not, or, regexUnion } from '../smt/terms.js';
import { definitions, predicates, type PatternSet } from './pattern-set.js';

/**
 * The covering patterns of a file about every string: the wildcard ones as regexes in the union,
 * the literal ones as predicates, each string excluded by itself, `(not (or (o3 w) ...))`. Z3
 * handles a long list of excluded strings far better than as members of the union: a `NotAction`
 * exclusion against 53 wildcard and 238 literal exclusions took over 20 s in WebAssembly as one
 * union, 1.5 s this way (Debian's z3: 36 s, 2.8 s).
 */
export function coveringDefinitions(outer: PatternSet, covering: readonly number[]): string[] {
  return [...definitions(outer, covering.filter((index) => outer.globs[index]!.hasWildcard)), ...predicates(outer, covering.filter((index) => !outer.globs[index]!.hasWildcard))];
}

export function coveringUnion(outer: PatternSet, covering: readonly number[]): string {
  return regexUnion(covering.filter((index) => outer.globs[index]!.hasWildcard).map((index) => outer.name(index)));
}

export function outsideLiterals(outer: PatternSet, covering: readonly number[], subject: string): string[] {
  const literals = covering.filter((index) => !outer.globs[index]!.hasWildcard);
  return literals.length === 0 ? [] : [not(or(literals.map((index) => outer.applied(index, subject))))];
}
