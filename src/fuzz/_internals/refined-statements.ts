import type { Catalog } from '../../catalog/catalog.js';
import type { JsonObject } from '../../input/json.js';
import { alignStatements } from '../../policy/align.js';
import { parsePolicy } from '../../policy/parse.js';
import { replaceKey, withStatements } from '../../policy/print.js';
import type { Policy, Statement } from '../../policy/types.js';
import { allowedBy } from './allowed.js';

/** An `Allow` statement of the original and the statement that refines it, with what each allows on the catalog. */
export interface RefinedStatement {
  readonly original: Statement;
  readonly refined: Statement;
  readonly allowedBefore: ReadonlySet<number>;
  readonly allowedAfter: ReadonlySet<number>;
}

/** A recommendation as a mutant sees it: parsed, with its `Allow` statements paired with their originals. */
export interface MutationSite {
  readonly recommended: Policy;
  readonly statements: readonly RefinedStatement[];
}

export function mutationSite(original: Policy, recommendedJson: JsonObject, catalog: Catalog): MutationSite {
  const recommended = parsePolicy(recommendedJson, 'recommended.json');
  const statements = alignStatements(original, recommended).pairs.flatMap(({ original: before, refined }) =>
    refined === undefined || before.effect !== 'Allow' ? [] : [{ original: before, refined, allowedBefore: allowedBy(before, catalog), allowedAfter: allowedBy(refined, catalog) }],
  );
  return { recommended, statements };
}

/** The recommendation with one statement's action patterns replaced (a list, or one string as before). */
export function withPatterns(recommended: Policy, statement: Statement, patterns: readonly string[]): JsonObject {
  const value = patterns.length === 1 && !statement.patternsAsList ? patterns[0]! : [...patterns];
  const statements = recommended.statements.map((each) => (each === statement ? replaceKey(each.raw, each.actionKey, value) : each.raw));
  return withStatements(recommended, statements);
}

/** The recommendation without one statement; `undefined` (detach the policy) when none is left. */
export function withoutStatement(recommended: Policy, statement: Statement): JsonObject | undefined {
  const statements = recommended.statements.filter((each) => each !== statement).map((each) => each.raw);
  return statements.length === 0 ? undefined : withStatements(recommended, statements);
}

/** Whether a recommended pattern was written by the refinement rather than kept from the original. */
export function isNewPattern(pattern: string, refined: RefinedStatement): boolean {
  return !refined.original.patterns.includes(pattern);
}
