import type { Catalog } from '../catalog/catalog.js';
import { describeCatalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet, Warning } from '../findings/unused-set.js';
import { parseGlob } from '../glob/glob.js';
import type { Json, JsonObject } from '../input/json.js';
import { replaceKey, withStatements } from '../policy/print.js';
import type { Policy, Statement } from '../policy/types.js';
import type { RefineContext } from './context.js';
import { REFINE_PARTS, type RefineParts } from './parts.js';
import { refineActionStatement } from './refine-action.js';
import { refineNotActionStatement } from './refine-not-action.js';
import { statementIdentity, type Recommendation, type StatementRefinement } from './refinement.js';
import { assertSound } from './self-check.js';

export interface RecommendOptions {
  readonly granularity?: Granularity;
  /** The policy's file name, for warnings. */
  readonly policySource?: string;
}

/** The steps of a whole recommendation: the refinement steps, and how each statement is refined. */
export interface RecommenderParts extends RefineParts {
  readonly refineStatement: (statement: Statement, context: RefineContext) => StatementRefinement;
}

/** iam-refine's own parts. */
export const RECOMMENDER_PARTS: RecommenderParts = { ...REFINE_PARTS, refineStatement };

/**
 * The recommender: a pure function of the policy, the unused set and the catalog. `Deny`
 * statements are never changed; a statement left with nothing is dropped; a policy left with
 * nothing is a `DETACH_POLICY` recommendation. Every result is checked on the catalog before it
 * is returned (see `self-check.ts`): a refinement that would lose or add an action is refused.
 */
export function recommend(policy: Policy, unused: UnusedSet, catalog: Catalog, options: RecommendOptions = {}): Recommendation {
  const recommendation = recommendUnchecked(policy, unused, catalog, options);
  assertSound(policy, recommendation, unused, catalog);
  return recommendation;
}

/**
 * The recommender built from the given parts, without its self-check: the fuzz campaign's
 * mutant recommenders use it so that their wrong results reach the checker instead of being
 * refused. Everything else calls `recommend`.
 */
export function recommendUnchecked(policy: Policy, unused: UnusedSet, catalog: Catalog, options: RecommendOptions = {}, parts: RecommenderParts = RECOMMENDER_PARTS): Recommendation {
  const context: RefineContext = { catalog, unused, granularity: options.granularity ?? 'word', parts };
  const statements = policy.statements.map((statement) => parts.refineStatement(statement, context));
  const survivors = statements.flatMap((refinement, index) => {
    const statement = policy.statements[index]!;
    if (refinement.outcome === 'dropped') return [];
    if (refinement.outcome === 'unchanged') return [statement.raw];
    return [replaceKey(statement.raw, statement.actionKey, patternsValue(refinement.result, statement))];
  });
  const changed = statements.some((refinement) => refinement.outcome !== 'unchanged');
  const recommended: JsonObject | undefined = survivors.length === 0 ? undefined : changed ? withStatements(policy, survivors) : policy.raw;
  return {
    recommendedAction: recommended === undefined ? 'DETACH_POLICY' : 'CREATE_POLICY',
    changed,
    policy: recommended,
    statements,
    warnings: [...unused.warnings, ...unknownPatternWarnings(policy, catalog, options.policySource ?? 'policy')],
    catalog: catalog.identity,
    granularity: context.granularity,
  };
}

/** `Deny` statements stay as they are; `Action` and `NotAction` statements are refined each their own way. */
function refineStatement(statement: Statement, context: RefineContext): StatementRefinement {
  if (statement.effect === 'Deny') {
    return { ...statementIdentity(statement), outcome: 'unchanged', patterns: [], addedExclusions: [], redundant: [], result: statement.patterns };
  }
  return statement.actionKey === 'Action' ? refineActionStatement(statement, context) : refineNotActionStatement(statement, context);
}

/** A single pattern written as a string stays a string; anything else is a list. */
function patternsValue(patterns: readonly string[], statement: Statement): Json {
  return patterns.length === 1 && !statement.patternsAsList ? patterns[0]! : [...patterns];
}

function unknownPatternWarnings(policy: Policy, catalog: Catalog, source: string): Warning[] {
  return policy.statements.flatMap((statement) =>
    statement.patterns.flatMap((pattern, position) => {
      if (catalog.matching(parseGlob(pattern)).length > 0) return [];
      const path = statement.patternsAsList ? [position] : [];
      return [
        {
          source,
          path: [...(policy.statementsAsList ? ['Statement', statement.index] : ['Statement']), statement.actionKey, ...path],
          message: `"${pattern}" matches no action in ${describeCatalog(catalog.identity)}; kept as written`,
        },
      ];
    }),
  );
}
