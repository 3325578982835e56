import type { Catalog } from '../catalog/catalog.js';
import { describeCatalog } from '../catalog/catalog.js';
import { lowerAscii } from '../glob/glob.js';
import { InputError } from '../input/input-error.js';
import { strictRefusal, type UnusedEntry, type UnusedSet, type Warning } from './unused-set.js';

export interface ResolveOptions {
  /** Refuse names the catalog does not know instead of warning about them. */
  readonly strict?: boolean;
}

/** Checks unused entries against the catalog: whole services expand to their actions. */
export function resolveUnused(entries: readonly UnusedEntry[], catalog: Catalog, source: string, options: ResolveOptions = {}): UnusedSet {
  const actions = new Set<string>();
  const unknown = new Set<string>();
  const warnings: Warning[] = [];
  const notInCatalog = (path: UnusedEntry['path'], fact: string, consequence: string): void => {
    if (options.strict) throw new InputError(source, path, strictRefusal(fact));
    warnings.push({ source, path, message: `${fact}; ${consequence}` });
  };
  for (const entry of entries) {
    const service = catalog.service(entry.service);
    if (service === undefined) {
      notInCatalog(entry.path, `unknown service "${entry.service}" in ${describeCatalog(catalog.identity)}`, 'its actions cannot be refined');
      for (const action of entry.actions ?? []) unknown.add(lowerAscii(`${entry.service}:${action.name}`));
      continue;
    }
    if (entry.actions === undefined) {
      const [from, to] = catalog.rangeWithPrefix(`${lowerAscii(service)}:`);
      for (let index = from; index < to; index++) actions.add(catalog.lowerActions[index]!);
      continue;
    }
    for (const action of entry.actions) {
      const lower = lowerAscii(`${service}:${action.name}`);
      if (catalog.indexOf(lower) !== undefined) actions.add(lower);
      else {
        unknown.add(lower);
        notInCatalog(action.path, `unknown action "${service}:${action.name}" in ${describeCatalog(catalog.identity)}`, 'wildcards are refined without it');
      }
    }
  }
  return { actions, unknown, warnings };
}
