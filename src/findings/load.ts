import type { Catalog } from '../catalog/catalog.js';
import { readJsonFile, readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import type { Policy } from '../policy/types.js';
import { deriveFromSource, derivedUnusedSet, derivedUnusedSource, type Derivation, type EvidenceKind, type WindowOptions } from './derive.js';
import { parseUnusedInput } from './parse.js';
import { resolveUnused } from './resolve.js';
import type { UnusedSet } from './unused-set.js';

export interface LoadedUnused {
  readonly unused: UnusedSet;
  /** The unused set as certificates copy it: the file given, or the derived set in the short form. */
  readonly source: JsonSource;
  /** For a derived set: the evidence as read, and how the set was derived from it. */
  readonly evidence?: { readonly kind: EvidenceKind; readonly source: JsonSource; readonly derivation: Derivation; readonly options: WindowOptions };
  /** The role or user a GetFindingV2 input is about, when it names exactly one. */
  readonly resourceArn?: string;
}

/** Where the unused set comes from: an unused-permissions file, Access Advisor's last-accessed details, or a used-actions list. */
export type UnusedInput =
  | { readonly kind: 'unused'; readonly file: string }
  | { readonly kind: 'last-accessed'; readonly file: string; readonly options: WindowOptions }
  | { readonly kind: 'used'; readonly file: string };

/** Reads an unused-permissions file (`-`: standard input) and resolves it against the catalog. */
export function loadUnused(path: string, catalog: Catalog, strict: boolean): LoadedUnused {
  const { source, value } = readJsonFile(path, SIZE_LIMITS.unused);
  const input = parseUnusedInput(value, source.name);
  const unused = resolveUnused(input.entries, catalog, source.name, { strict });
  return { unused: { ...unused, warnings: [...input.warnings, ...unused.warnings] }, source, ...(input.resources.length === 1 ? { resourceArn: input.resources[0]! } : {}) };
}

/** Reads any unused input; evidence of use is turned into the unused set it shows, against the policy and catalog. */
export function loadUnusedInput(input: UnusedInput, policy: Policy, catalog: Catalog, strict: boolean): LoadedUnused {
  if (input.kind === 'unused') return loadUnused(input.file, catalog, strict);
  const evidence = readSource(input.file, SIZE_LIMITS.unused);
  const options = input.kind === 'last-accessed' ? input.options : {};
  const derivation = deriveFromSource(input.kind, evidence, catalog, policy, { ...options, strict });
  const source = derivedUnusedSource(derivation, evidence.name);
  return { unused: derivedUnusedSet(derivation, source, catalog), source, evidence: { kind: input.kind, source: evidence, derivation, options } };
}
