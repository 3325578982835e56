import type { Catalog } from '../../catalog/catalog.js';
import type { ActionKey } from '../../policy/types.js';
import { not, or, stringLiteral } from '../smt/terms.js';
import type { PatternSet } from './pattern-set.js';

/**
 * Whether a statement allows the (lower-cased) string `subject`, as a ground term over the
 * patterns' predicates: `Action`
 * allows what a pattern matches, `NotAction` what no pattern matches. The indices of the
 * patterns it mentions are added to `used`, so the script defines exactly those.
 */
export function allowsTerm(set: PatternSet | undefined, kind: ActionKey, subject: string, used: Set<number>): string {
  if (set === undefined) return 'false';
  const fitting = set.fitting(subject);
  for (const index of fitting) used.add(index);
  const matched = or(fitting.map((index) => set.applied(index, stringLiteral(subject))));
  return kind === 'Action' ? matched : not(matched);
}

/** The same, concretely, for replaying a witness. */
export function allowsConcretely(set: PatternSet | undefined, kind: ActionKey, subject: string): boolean {
  if (set === undefined) return false;
  return kind === 'Action' ? set.matches(subject) : !set.matches(subject);
}

/** The catalog indices a statement allows, found through each pattern's prefix range. */
export function allowedIndices(set: PatternSet, kind: ActionKey, catalog: Catalog): Set<number> {
  const matched = new Set(set.globs.flatMap((glob) => catalog.matching(glob)));
  if (kind === 'Action') return matched;
  return new Set([...catalog.actions.keys()].filter((index) => !matched.has(index)));
}

/**
 * Strings without upper-case ASCII letters. Matching lower-cases its subject, so asking about
 * lower-case strings only is the same as asking about all strings, and a witness the solver
 * finds is a real one, not an artefact of case.
 */
export function lowerCaseDomain(name = 'w'): string {
  return `(not (str.in_re ${name} (re.++ re.all (re.range "A" "Z") re.all)))`;
}

/** A disjunction with one disjunct per line: scripts stay readable when a service has hundreds of actions. */
export function orLines(terms: readonly string[]): string {
  if (terms.length === 0) return 'false';
  if (terms.length === 1) return terms[0]!;
  return `(or\n  ${terms.join('\n  ')})`;
}

/** What the statement's list means, for a script's reader. */
export function statementKindComment(kind: ActionKey): string {
  return kind === 'Action' ? 'Action statement: it allows an action that some pattern of its list matches.' : 'NotAction statement: it allows an action that no pattern of its list matches.';
}
