import fc from 'fast-check';
import type { Catalog } from '../../catalog/catalog.js';
import type { Json, JsonObject } from '../../input/json.js';
import type { ActionKey, Effect } from '../../policy/types.js';
import type { PolicyConstraints } from '../policy-arbitrary.js';
import { patternSpecArbitrary, writePattern, type PatternSpec } from './action-pattern.js';

interface StatementSpec {
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actionKey: ActionKey;
  readonly patterns: readonly PatternSpec[];
  readonly patternsAsList: boolean;
  readonly resource: Json;
}

/** A policy before it meets a catalog (see `PatternSpec`). */
export interface PolicySpec {
  readonly statements: readonly StatementSpec[];
  readonly statementAsList: boolean;
  readonly distinctSids: boolean;
}

export function policySpecArbitrary(constraints: PolicyConstraints = {}): fc.Arbitrary<PolicySpec> {
  const { maxStatements = 4, maxPatterns = 5, distinctSids = false, notActionShare = 1 / 7 } = constraints;
  const actionKeys = [
    { arbitrary: fc.constant('Action' as const), weight: Math.round(70 * (1 - notActionShare)) },
    { arbitrary: fc.constant('NotAction' as const), weight: Math.round(70 * notActionShare) },
  ].filter((key) => key.weight > 0);
  const statement = fc.record({
    // Few Sids and one common Resource: statements often differ only in their actions, as in real policies.
    sid: fc.option(fc.constantFrom('Refine', 'Keep'), { nil: undefined }),
    effect: fc.oneof({ arbitrary: fc.constant('Allow' as const), weight: 5 }, { arbitrary: fc.constant('Deny' as const), weight: 1 }),
    actionKey: fc.oneof(...actionKeys),
    patterns: fc.array(patternSpecArbitrary(), { minLength: 1, maxLength: maxPatterns }),
    patternsAsList: fc.boolean(),
    resource: fc.constantFrom<Json>('*', ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/*']),
  });
  return fc.record({
    statements: fc.array(statement, { minLength: 1, maxLength: maxStatements }),
    statementAsList: fc.boolean(),
    distinctSids: fc.constant(distinctSids),
  });
}

export function writePolicy(spec: PolicySpec, catalog: Catalog): JsonObject {
  const statements = spec.statements.map((statement, index): JsonObject => {
    const patterns = statement.patterns.map((pattern) => writePattern(pattern, catalog));
    const sid = spec.distinctSids ? `Statement${index}` : statement.sid;
    return {
      ...(sid === undefined ? {} : { Sid: sid }),
      Effect: statement.effect,
      [statement.actionKey]: patterns.length === 1 && !statement.patternsAsList ? patterns[0]! : patterns,
      Resource: statement.resource,
    };
  });
  return { Version: '2012-10-17', Statement: statements.length === 1 && !spec.statementAsList ? statements[0]! : statements };
}
