import { not, or, regexUnion } from '../smt/terms.js';
import { definitions, predicates, type PatternSet } from './pattern-set.js';

/**
 * Up to this many literal covering patterns in a file, they join the wildcard ones in the
 * regex union; beyond it, each string is excluded by itself. Measured in WebAssembly: a `sat`
 * answer with one literal excluded by itself, `(not (o3 w))`, took 1.5 to 8 s where the union
 * took 20 to 200 ms; a `NotAction` exclusion against 53 wildcard and 238 literal exclusions
 * took over 20 s as one union, 0.5 s with each literal excluded by itself (with 16 literals:
 * 0.6 s as a union, 0.3 s by themselves).
 */
export const LITERALS_IN_UNION = 16;

/**
 * How a file about every string writes the patterns that cover its strings (claim 2's wildcard
 * files, claim 4's `sat` file): decided once per file from every covering pattern it uses, so
 * that each pattern has one definition.
 */
export interface CoveringForm {
  /** The definitions of `all`: regexes, and for literal patterns excluded by themselves, predicates. */
  readonly definitions: readonly string[];
  /** The regex union of a covering set's patterns that are written as regexes. */
  union(covering: readonly number[]): string;
  /** The assertions that keep `subject` off the literal patterns written as predicates. */
  outside(covering: readonly number[], subject: string): string[];
}

export function coveringForm(outer: PatternSet, all: readonly number[]): CoveringForm {
  const distinct = [...new Set(all)];
  const literalCount = distinct.filter((index) => !outer.globs[index]!.hasWildcard).length;
  const inUnion = literalCount <= LITERALS_IN_UNION ? () => true : (index: number) => outer.globs[index]!.hasWildcard;
  return {
    // Each in index order: `definitions` and `predicates` sort what they are given.
    definitions: [...definitions(outer, distinct.filter(inUnion)), ...predicates(outer, distinct.filter((index) => !inUnion(index)))],
    union: (covering) => regexUnion(covering.filter(inUnion).map((index) => outer.name(index))),
    outside: (covering, subject) => {
      const literals = covering.filter((index) => !inUnion(index));
      return literals.length === 0 ? [] : [not(or(literals.map((index) => outer.applied(index, subject))))];
    },
  };
}
