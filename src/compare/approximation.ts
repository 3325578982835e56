import type { ConditionAtom } from './condition.js';
import type { ComparedPolicy, ComparedStatement } from './model.js';

/** The two parts a policy plays in "every request G allows, B allows": the granting policy G and the bounding policy B. */
export type Side = 'granting' | 'bounding';

/** A statement with its resource patterns as they stand after approximating policy variables. */
export interface ResolvedStatement extends Omit<ComparedStatement, 'resources'> {
  /** Resource globs (case kept); a pattern with a variable widened, with the atom that says whether the context's values make it match. */
  readonly resources: readonly { readonly glob: string; readonly text: string; readonly atom?: ConditionAtom }[];
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
 * A policy as one side of a comparison reads it. (An earlier reading widened policy variables on
 * one side and dropped them on the other; an atom per pattern within its widened form is sound
 * on both sides and keeps equal patterns equal, see condition.ts.)
 */
export function resolvePolicy(policy: ComparedPolicy, side: Side): ResolvedPolicy {
  return { name: policy.name, source: policy.source, side, statements: policy.statements.map(resolveStatement) };
}

function resolveStatement(statement: ComparedStatement): ResolvedStatement {
  return {
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    actionKey: statement.actionKey,
    actions: statement.actions,
    resourceKey: statement.resourceKey,
    resources: statement.resources.map((pattern) => ({ glob: pattern.widened, text: pattern.text, ...(pattern.atom === undefined ? {} : { atom: pattern.atom }) })),
    condition: statement.condition,
    approximated: statement.resources.some((pattern) => pattern.hasVariable),
  };
}
