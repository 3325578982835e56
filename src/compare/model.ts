import { parseGlob, type Glob } from '../glob/glob.js';
import { InputError } from '../input/input-error.js';
import { isJsonObject, type Json } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import type { ActionKey, Effect, Policy } from '../policy/types.js';
import type { ConditionAtom, ConditionAtoms } from './condition.js';
import { parseResourcePattern, type ResourcePattern } from './resource.js';

export type ResourceKey = 'Resource' | 'NotResource';

/** One statement of an identity policy, as the comparison reads it. */
export interface ComparedStatement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly actionKey: ActionKey;
  readonly actions: readonly Glob[];
  readonly resourceKey: ResourceKey;
  readonly resources: readonly ResourcePattern[];
  /** The statement's `Condition` block as an atom; none: it holds in every context. */
  readonly condition: ConditionAtom | undefined;
}

export interface ComparedPolicy {
  /** How scripts and reports name it: `new`, `old`, `policy`, `listed`. */
  readonly name: string;
  readonly source: string;
  readonly statements: readonly ComparedStatement[];
}

/**
 * Reads a parsed policy for comparison. The policy parser accepts the whole grammar; comparing
 * identity policies needs a resource element in every statement (IAM refuses one without) and no
 * `Principal`, which only resource policies have.
 */
export function comparedPolicy(policy: Policy, name: string, source: string, atoms: ConditionAtoms): ComparedPolicy {
  const statements = policy.statements.map((statement): ComparedStatement => {
    const path: JsonPath = policy.statementsAsList ? ['Statement', statement.index] : ['Statement'];
    const raw = statement.raw;
    for (const key of ['Principal', 'NotPrincipal']) {
      if (key in raw) throw new InputError(source, [...path, key], `${key} belongs to resource policies; compare reads identity policies`);
    }
    const resourceKey: ResourceKey | undefined = 'Resource' in raw ? 'Resource' : 'NotResource' in raw ? 'NotResource' : undefined;
    if (resourceKey === undefined) throw new InputError(source, path, 'missing "Resource" or "NotResource" (IAM refuses an identity policy statement without one)');
    const resources = listOf(raw[resourceKey]!).map((text, position) => {
      if ([...text].some((char) => char.codePointAt(0)! > 0x2ffff)) {
        throw new InputError(source, [...path, resourceKey, ...(Array.isArray(raw[resourceKey]) ? [position] : [])], 'a character beyond U+2FFFF cannot be compared (SMT-LIB strings end there)');
      }
      const pattern = parseResourcePattern(text);
      return pattern.hasVariable ? { ...pattern, atom: atoms.variableAtomOf(text) } : pattern;
    });
    const condition = isJsonObject(raw.Condition) ? atoms.atomOf(raw.Condition) : undefined;
    return {
      index: statement.index,
      sid: statement.sid,
      effect: statement.effect,
      actionKey: statement.actionKey,
      actions: statement.patterns.map(parseGlob),
      resourceKey,
      resources,
      condition,
    };
  });
  return { name, source, statements };
}

function listOf(value: Json): string[] {
  return (Array.isArray(value) ? value : [value]).filter((entry): entry is string => typeof entry === 'string');
}

/** How reports name a statement: its index, and its `Sid` when it has one. */
export function statementLabel(statement: { readonly index: number; readonly sid: string | undefined }): string {
  return statement.sid === undefined || statement.sid === '' ? `statement ${statement.index}` : `statement ${statement.index} (${JSON.stringify(statement.sid)})`;
}
