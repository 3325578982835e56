import type { Catalog } from '../../catalog/catalog.js';
import { lowerAscii } from '../../glob/glob.js';

/** The catalog back as the JSON a `--catalog` file holds: each service with its action names. */
export function catalogServices(catalog: Catalog): Record<string, string[]> {
  const services: Record<string, string[]> = {};
  for (const service of catalog.services) services[service] = serviceActionNames(catalog, service);
  return services;
}

/** A service's action names without the prefix, in catalog order. */
export function serviceActionNames(catalog: Catalog, service: string): string[] {
  const [from, to] = catalog.rangeWithPrefix(`${lowerAscii(service)}:`);
  return catalog.actions.slice(from, to).map((action) => action.slice(action.indexOf(':') + 1));
}
