import fc from 'fast-check';
import type { Catalog } from '../../catalog/catalog.js';
import { lowerAscii } from '../../glob/glob.js';
import type { Json, JsonObject } from '../../input/json.js';
import type { ActionKey, Effect } from '../../policy/types.js';
import type { PolicyConstraints } from '../policy-arbitrary.js';
import { patternSpecArbitrary, writePattern, type PatternSpec } from './action-pattern.js';

interface StatementSpec {
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actionKey: ActionKey;
  readonly patterns: readonly PatternSpec[];
  /** One statement in ten repeats one of its patterns (the `which`-th), as written or lower-cased. */
  readonly repeat: { readonly draw: number; readonly which: number };
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
    effect: fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant('Allow' as const), weight: 5 }, { arbitrary: fc.constant('Deny' as const), weight: 1 }),
    actionKey: fc.oneof({ withCrossShrink: true }, ...actionKeys),
    patterns: fc.array(patternSpecArbitrary(), { minLength: 1, maxLength: maxPatterns }),
    // Repeats only for the top draw, so that shrinking (towards 0) drops the repeat.
    repeat: fc.record({ draw: fc.integer({ min: 0, max: 9 }), which: fc.nat() }),
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
    const written = statement.patterns.map((pattern) => writePattern(pattern, catalog));
    const patterns = statement.repeat.draw === 9 ? [...written, repeated(written, statement.repeat.which)] : written;
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

/** A pattern of the list again, the same or lower-cased: duplicates the recommender must not mind. */
function repeated(patterns: readonly string[], which: number): string {
  const pattern = patterns[which % patterns.length]!;
  return which % 2 === 0 ? pattern : lowerAscii(pattern);
}
