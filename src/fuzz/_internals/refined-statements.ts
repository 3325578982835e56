import type { Catalog } from '../../catalog/catalog.js';
import type { JsonObject } from '../../input/json.js';
import { alignStatements } from '../../policy/align.js';
import { parsePolicy } from '../../policy/parse.js';
import { replaceKey, withStatements } from '../../policy/print.js';
import type { Policy, Statement } from '../../policy/types.js';
import type { ClaimId } from '../../prove/claims.js';
import type { Mutation } from '../mutants/mutant.js';
import { allowedBy } from '../../policy/allowed.js';
import type { Choose } from './random.js';

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

/** Every output mutant of a case asks for the same site: it is built once per recommendation. */
const sites = new WeakMap<JsonObject, { readonly original: Policy; readonly catalog: Catalog; readonly site: MutationSite }>();

export function mutationSite(original: Policy, recommendedJson: JsonObject, catalog: Catalog): MutationSite {
  const known = sites.get(recommendedJson);
  if (known !== undefined && known.original === original && known.catalog === catalog) return known.site;
  const site = newMutationSite(original, recommendedJson, catalog);
  sites.set(recommendedJson, { original, catalog, site });
  return site;
}

function newMutationSite(original: Policy, recommendedJson: JsonObject, catalog: Catalog): MutationSite {
  const recommended = parsePolicy(recommendedJson, 'recommended.json');
  const statements = alignStatements(original, recommended).pairs.flatMap(({ original: before, refined }) =>
    refined === undefined || before.effect !== 'Allow' ? [] : [{ original: before, refined, allowedBefore: allowedBy(before, catalog), allowedAfter: allowedBy(refined, catalog) }],
  );
  return { recommended, statements };
}

/** The recommendation with one statement's action patterns replaced (a list, or one string as before). */
function withPatterns(recommended: Policy, statement: Statement, patterns: readonly string[]): JsonObject {
  const value = patterns.length === 1 && !statement.patternsAsList ? patterns[0]! : [...patterns];
  const statements = recommended.statements.map((each) => (each === statement ? replaceKey(each.raw, each.actionKey, value) : each.raw));
  return withStatements(recommended, statements);
}

/** The recommendation without one statement; `undefined` (detach the policy) when none is left. */
function withoutStatement(recommended: Policy, statement: Statement): JsonObject | undefined {
  const statements = recommended.statements.filter((each) => each !== statement).map((each) => each.raw);
  return statements.length === 0 ? undefined : withStatements(recommended, statements);
}

/**
 * One way to break a recommendation: a statement's new patterns (none: drop the statement), and
 * what changed. Only the chosen edit's patterns are read, so a mutant with thousands of
 * candidate edits may compute them in a getter.
 */
export interface PatternEdit {
  readonly statement: RefinedStatement;
  readonly patterns: readonly string[];
  readonly change: string;
}

/** The recommendation with one of the edits, picked by `choose`, applied; `undefined` when there is none. */
export function applyChosenEdit(site: MutationSite, edits: readonly PatternEdit[], choose: Choose, breaks: ClaimId): Mutation | undefined {
  const edit = choose(edits);
  if (edit === undefined) return undefined;
  const { refined } = edit.statement;
  const recommended = edit.patterns.length === 0 ? withoutStatement(site.recommended, refined) : withPatterns(site.recommended, refined, edit.patterns);
  return { recommended, breaks, change: `statement ${edit.statement.original.index}: ${edit.change}` };
}

/** Whether a recommended pattern was written by the refinement rather than kept from the original. */
export function isNewPattern(pattern: string, refined: RefinedStatement): boolean {
  return !refined.original.patterns.includes(pattern);
}
