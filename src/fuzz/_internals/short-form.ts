import type { Catalog } from '../../catalog/catalog.js';
import { parseUnusedEntries } from '../../findings/parse.js';
import { resolveUnused } from '../../findings/resolve.js';
import type { UnusedSet } from '../../findings/unused-set.js';
import type { Json, JsonObject } from '../../input/json.js';

/** One entry of the article's short form; without `actions`, the whole service is unused. */
export interface ShortFormEntry {
  readonly serviceNamespace: string;
  readonly actions?: readonly string[];
}

export function shortFormJson(entries: readonly ShortFormEntry[]): Json {
  return entries.map((entry): JsonObject => (entry.actions === undefined ? { serviceNamespace: entry.serviceNamespace } : { serviceNamespace: entry.serviceNamespace, actions: [...entry.actions] }));
}

/** The entries read and resolved the way the CLI reads an `--unused` file. */
export function resolveShortForm(entries: readonly ShortFormEntry[], catalog: Catalog, source = 'unused.json'): UnusedSet {
  return resolveUnused(parseUnusedEntries(shortFormJson(entries), source), catalog, source);
}
