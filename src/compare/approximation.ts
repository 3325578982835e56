import type { Glob } from '../glob/glob.js';
import type { ActionKey, Effect } from '../policy/types.js';
import type { ConditionAtom } from './condition.js';
import type { ComparedPolicy, ComparedStatement, ResourceKey } from './model.js';

/**
 * The two parts a policy plays in "every request G allows, B allows": the granting policy G, whose
 * allowed requests are over-approximated, and the bounding policy B, whose allowed requests are
 * under-approximated. A proof about the approximations is then a proof about the policies.
 */
export type Side = 'granting' | 'bounding';

/** A statement with its resource patterns as they stand after approximating policy variables. */
export interface ResolvedStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actionKey: ActionKey;
  readonly actions: readonly Glob[];
  readonly resourceKey: ResourceKey;
  /** Resource globs (case kept); a pattern with a variable is here widened, or left out. */
  readonly resources: readonly { readonly glob: string; readonly text: string }[];
  readonly condition: ConditionAtom | undefined;
  /** Whether a policy variable was approximated in this statement. */
  readonly approximated: boolean;
}

export interface ResolvedPolicy {
  readonly name: string;
  readonly source: string;
  readonly side: Side;
  readonly statements: readonly ResolvedStatement[];
}

/**
 * Approximates each policy variable in the direction that keeps the answer sound. A statement's
 * match must be over-approximated where it grants on G's side or denies on B's, and
 * under-approximated otherwise. In `Resource`, a pattern with a variable widens to its form with
 * `*` for each variable (over) or matches no string (under); in `NotResource` the roles swap,
 * since a pattern there removes resources.
 */
export function resolvePolicy(policy: ComparedPolicy, side: Side): ResolvedPolicy {
  return { name: policy.name, source: policy.source, side, statements: policy.statements.map((statement) => resolveStatement(statement, side)) };
}

function resolveStatement(statement: ComparedStatement, side: Side): ResolvedStatement {
  const overApproximated = (side === 'granting') === (statement.effect === 'Allow');
  const widen = overApproximated === (statement.resourceKey === 'Resource');
  const resources = statement.resources.filter((pattern) => widen || !pattern.hasVariable).map((pattern) => ({ glob: pattern.widened, text: pattern.text }));
  return {
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    actionKey: statement.actionKey,
    actions: statement.actions,
    resourceKey: statement.resourceKey,
    resources,
    condition: statement.condition,
    approximated: statement.resources.some((pattern) => pattern.hasVariable),
  };
}
