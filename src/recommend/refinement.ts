import type { CatalogIdentity } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { Warning } from '../findings/unused-set.js';
import type { JsonObject } from '../input/json.js';
import type { ActionKey, Effect, Statement } from '../policy/types.js';

/** What became of one `Action` pattern. */
export interface PatternOutcome {
  readonly pattern: string;
  readonly fate: 'kept' | 'removed' | 'replaced';
  /** For `replaced`: the shortest safe prefixes that stand where the pattern stood, sorted. */
  readonly replacements: readonly string[];
  /** The unused actions the pattern allowed (the reason it was removed or replaced). */
  readonly unusedMatched: readonly string[];
}

/** What became of one statement, and why. */
export interface StatementRefinement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actionKey: ActionKey;
  readonly outcome: 'unchanged' | 'refined' | 'dropped';
  /** `Action` statements: each original pattern's fate, in order. */
  readonly patterns: readonly PatternOutcome[];
  /** `NotAction` statements: the exclusions added so that no unused action stays allowed. */
  readonly addedExclusions: readonly string[];
  /** Patterns left out because the other patterns of the statement already cover them on the catalog. */
  readonly redundant: readonly string[];
  /** The statement's patterns after refinement; empty when it is dropped. */
  readonly result: readonly string[];
}

export type RecommendedAction = 'CREATE_POLICY' | 'DETACH_POLICY';

export interface Recommendation {
  /** `DETACH_POLICY` when nothing the policy allows is used. */
  readonly recommendedAction: RecommendedAction;
  /** Whether the recommended policy differs from the original. */
  readonly changed: boolean;
  /** The recommended policy; `undefined` for `DETACH_POLICY`. */
  readonly policy: JsonObject | undefined;
  readonly statements: readonly StatementRefinement[];
  readonly warnings: readonly Warning[];
  readonly catalog: CatalogIdentity;
  readonly granularity: Granularity;
}

export function statementIdentity(statement: Statement): Pick<StatementRefinement, 'index' | 'sid' | 'effect' | 'actionKey'> {
  return { index: statement.index, sid: statement.sid, effect: statement.effect, actionKey: statement.actionKey };
}
