import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { JsonObject } from '../input/json.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/types.js';
import { catalogFromServices } from './_internals/build-catalog.js';
import { catalogServices } from './_internals/catalog-services.js';
import { printedAs } from './_internals/printable.js';
import { resolveShortForm, type ShortFormEntry } from './_internals/short-form.js';

/** Everything the recommender takes: a catalog, a policy over it, an unused set and a granularity. */
export interface RefinementCase {
  readonly catalog: Catalog;
  readonly document: JsonObject;
  readonly policy: Policy;
  readonly unusedEntries: readonly ShortFormEntry[];
  readonly unused: UnusedSet;
  readonly granularity: Granularity;
}

/** A case as fast-check prints it: the CLI's three input files and the granularity. */
export interface RefinementCaseJson {
  readonly catalog: Readonly<Record<string, readonly string[]>>;
  readonly policy: JsonObject;
  readonly unused: readonly ShortFormEntry[];
  readonly granularity: Granularity;
}

/** The case, parsed and resolved as the CLI would, and printed as its JSON. */
export function refinementCase(catalog: Catalog, document: JsonObject, unusedEntries: readonly ShortFormEntry[], granularity: Granularity): RefinementCase {
  const built: RefinementCase = { catalog, document, policy: parsePolicy(document, 'policy.json'), unusedEntries, unused: resolveShortForm(unusedEntries, catalog), granularity };
  return printedAs(built, JSON.stringify(refinementCaseJson(built)));
}

/** The case as the CLI's three input files and the granularity (what `refinementCaseFromJson` reads back). */
export function refinementCaseJson(input: RefinementCase): RefinementCaseJson {
  return { catalog: catalogServices(input.catalog), policy: input.document, unused: input.unusedEntries, granularity: input.granularity };
}

/** A printed counterexample back as a case: paste it into a test to keep it as a regression. */
export function refinementCaseFromJson(json: RefinementCaseJson): RefinementCase {
  return refinementCase(catalogFromServices(Object.entries(json.catalog)), json.policy, json.unused, json.granularity);
}
