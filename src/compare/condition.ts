import { isJsonObject, JsonNumber, numberText, type Json, type JsonObject } from '../input/json.js';

/**
 * A `Condition` block as the comparison sees it: an opaque boolean atom. Blocks that are equal
 * after canonical ordering share one atom, in both policies; any other two are independent. That
 * over-approximates the request contexts (some combinations of atoms may be impossible), so a
 * proof of no new access holds for every real context, while a counterexample that needs an atom
 * says so.
 */
export interface ConditionAtom {
  /** The atom's constant in a script: `k0`, `k1`, ... for conditions, `v0`, `v1`, ... for resource patterns with policy variables. */
  readonly name: string;
  /** The canonical block, compact JSON (or the pattern as written): what makes two of them the same atom. */
  readonly canonical: string;
  readonly kind: 'condition' | 'variable';
}

/**
 * The canonical text of a block: operators sorted; condition keys lower-cased (IAM compares them
 * case-insensitively) and sorted; each key's values as one sorted list without repeats (a list of
 * values means any of them, in any order). Values themselves are kept exactly as written.
 */
export function canonicalCondition(block: JsonObject): string {
  const operators = Object.keys(block).sort();
  const parts = operators.map((operator) => {
    const keys = block[operator]!;
    const entries = isJsonObject(keys)
      ? Object.entries(keys)
          .map(([key, values]) => [key.toLowerCase(), canonicalValues(values)] as const)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      : [];
    return `${JSON.stringify(operator)}:{${entries.map(([key, values]) => `${JSON.stringify(key)}:[${values.join(',')}]`).join(',')}}`;
  });
  return `{${parts.join(',')}}`;
}

function canonicalValues(values: Json): string[] {
  const list: readonly Json[] = Array.isArray(values) ? values : [values];
  const texts = list.map((value) => (typeof value === 'number' || value instanceof JsonNumber ? numberText(value) : JSON.stringify(value)));
  return [...new Set(texts)].sort();
}

/** The atoms of one comparison: both policies draw from the same table, so equal blocks are one atom. */
export class ConditionAtoms {
  private readonly byCanonical = new Map<string, ConditionAtom>();
  private readonly byPattern = new Map<string, ConditionAtom>();

  atomOf(block: JsonObject): ConditionAtom {
    const canonical = canonicalCondition(block);
    let atom = this.byCanonical.get(canonical);
    if (atom === undefined) {
      atom = { name: `k${this.byCanonical.size}`, canonical, kind: 'condition' };
      this.byCanonical.set(canonical, atom);
    }
    return atom;
  }

  /**
   * The atom of a resource pattern with policy variables: "the request's resource matches the
   * pattern with the context's values", one per pattern text, shared by both policies. With the
   * pattern's widened form (each variable as `*`) it is exact for every context: a pattern's
   * resources lie within its widened form, and the atom says which of them the values give.
   */
  variableAtomOf(pattern: string): ConditionAtom {
    let atom = this.byPattern.get(pattern);
    if (atom === undefined) {
      atom = { name: `v${this.byPattern.size}`, canonical: pattern, kind: 'variable' };
      this.byPattern.set(pattern, atom);
    }
    return atom;
  }

  get all(): readonly ConditionAtom[] {
    return [...this.byCanonical.values(), ...this.byPattern.values()];
  }
}
