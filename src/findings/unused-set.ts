import type { JsonPath } from '../input/json-path.js';

/** One unused-permission entry as the input gave it, before it is checked against a catalog. */
export interface UnusedEntry {
  readonly service: string;
  /** The listed action names; `undefined` means the whole service is unused. */
  readonly actions: readonly { readonly name: string; readonly path: JsonPath }[] | undefined;
  readonly path: JsonPath;
}

/** A warning about the inputs that does not stop the run: it goes to stderr and into reports. */
export interface Warning {
  readonly source: string;
  readonly path: JsonPath;
  readonly message: string;
}

/**
 * The unused actions, resolved against a catalog: `actions` holds their lower-cased names.
 * Names the catalog does not know are kept apart in `unknown` so that a literal policy entry
 * naming one can still be removed; they are reported, never guessed.
 */
export interface UnusedSet {
  readonly actions: ReadonlySet<string>;
  readonly unknown: ReadonlySet<string>;
  readonly warnings: readonly Warning[];
}

export function isUnused(unused: UnusedSet, lowerAction: string): boolean {
  return unused.actions.has(lowerAction) || unused.unknown.has(lowerAction);
}

/**
 * A name the catalog does not know, as `--strict` refuses it: the fact, without the consequence
 * the warning states (which is what happens without `--strict`).
 */
export function strictRefusal(fact: string): string {
  return `${fact}; --strict refuses it (without --strict: a warning)`;
}
