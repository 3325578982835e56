import { createHash } from 'node:crypto';
import { Catalog } from '../../catalog/catalog.js';
import { printedAs } from './printable.js';

/** A catalog from service names and action names, identified like a `--catalog` file with that JSON, and printed as it. */
export function catalogFromServices(services: readonly (readonly [string, readonly string[]])[]): Catalog {
  const json = JSON.stringify(Object.fromEntries(services));
  const catalog = Catalog.fromServices({ source: 'file', sha256: createHash('sha256').update(json).digest('hex') }, services);
  return printedAs(catalog, json);
}
