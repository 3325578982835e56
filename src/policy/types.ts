import type { JsonObject } from '../input/json.js';

export type Effect = 'Allow' | 'Deny';
/** The key that holds a statement's action patterns. */
export type ActionKey = 'Action' | 'NotAction';

/**
 * One statement, parsed. `raw` is the statement exactly as written (keys in their order), so that
 * everything the refinement does not touch is printed back as it was.
 */
export interface Statement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actionKey: ActionKey;
  /** The action patterns as written. */
  readonly patterns: readonly string[];
  /** Whether the patterns were written as a list (`["s3:Get*"]`) rather than one string. */
  readonly patternsAsList: boolean;
  readonly raw: JsonObject;
}

export interface Policy {
  readonly statements: readonly Statement[];
  /** Whether `Statement` was written as a list rather than one object. */
  readonly statementsAsList: boolean;
  readonly raw: JsonObject;
}
