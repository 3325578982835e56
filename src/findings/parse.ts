import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { findingNotice, findingTypeOf, UNUSED_PERMISSION } from './finding-kinds.js';
import type { UnusedEntry, Warning } from './unused-set.js';

/**
 * Reads unused permissions in any of the forms Access Analyzer users have at hand:
 * - a `GetFindingV2` response, or a list of such pages, with `findingDetails[].unusedPermissionDetails`;
 * - the short form `[{"serviceNamespace": "s3", "actions": ["GetObject", ...]}]`.
 * Actions may be strings or `{"action": "GetObject", "lastAccessed": ...}` objects; an entry
 * without `actions` stands for the whole service.
 */
export function parseUnusedEntries(value: Json, source: string): UnusedEntry[] {
  return readUnused(value, source, undefined);
}

/** Unused permissions as a command acts on them: only active unused-permission findings, and a warning for each other one. */
export interface UnusedInput {
  readonly entries: readonly UnusedEntry[];
  readonly warnings: readonly Warning[];
  /** The `resource` of each GetFindingV2 page, each once, in order: whose permissions these are. */
  readonly resources: readonly string[];
}

/**
 * Reads unused permissions as `parseUnusedEntries` does (every error is still an error), then
 * leaves out, with a warning each, the findings `account` also reports rather than refines: an
 * archived or resolved finding, and a finding of another kind (an unused role, access key or
 * password), which carries no permissions to refine.
 */
export function parseUnusedInput(value: Json, source: string): UnusedInput {
  const warnings: Warning[] = [];
  const resources = new Set<string>();
  const entries = readUnused(value, source, (page, path) => {
    if (typeof page.resource === 'string') resources.add(page.resource);
    const type = findingTypeOf(page);
    const status = typeof page.status === 'string' ? page.status : undefined;
    const notice = type === undefined ? undefined : findingNotice(type, status);
    if (notice === undefined) return true;
    const id = typeof page.id === 'string' ? `finding ${page.id}` : 'finding';
    const acted = type === UNUSED_PERMISSION ? 'its unused actions are left out' : 'it lists no permissions to refine';
    warnings.push({ source, path, message: `${id} (${type}): ${notice}; ${acted}` });
    return false;
  });
  return { entries, warnings, resources: [...resources] };
}

/** Whether a `GetFindingV2` page's entries count; `undefined` counts them all. */
type PageFilter = ((page: JsonObject, path: JsonPath) => boolean) | undefined;

function readUnused(value: Json, source: string, keep: PageFilter): UnusedEntry[] {
  const fail = (path: JsonPath, problem: string): never => {
    throw new InputError(source, path, problem);
  };
  const fromPage = (page: JsonObject, path: JsonPath): UnusedEntry[] => {
    const entries = fromFindingPage(page, path, fail);
    return keep === undefined || keep(page, path) ? entries : [];
  };
  if (isJsonObject(value)) {
    if (!('findingDetails' in value)) return fail([], 'expected a GetFindingV2 response (with "findingDetails") or a list of {"serviceNamespace", "actions"} entries');
    return fromPage(value, []);
  }
  if (!Array.isArray(value)) return fail([], `expected a GetFindingV2 response or a list, got ${describeJsonType(value)}`);
  return value.flatMap((item: Json, index: number) => {
    if (!isJsonObject(item)) return fail([index], `expected an object, got ${describeJsonType(item)}`);
    if ('findingDetails' in item) return fromPage(item, [index]);
    if ('serviceNamespace' in item) return [fromDetails(item, [index], fail)];
    return fail([index], 'expected a GetFindingV2 page (with "findingDetails") or an entry with "serviceNamespace"');
  });
}

type Fail = (path: JsonPath, problem: string) => never;

function fromFindingPage(page: JsonObject, path: JsonPath, fail: Fail): UnusedEntry[] {
  const details = page.findingDetails;
  if (!Array.isArray(details)) return fail([...path, 'findingDetails'], `expected a list, got ${describeJsonType(details)}`);
  const entries: UnusedEntry[] = [];
  details.forEach((detail: Json, index: number) => {
    const detailPath = [...path, 'findingDetails', index];
    if (!isJsonObject(detail)) return fail(detailPath, `expected an object, got ${describeJsonType(detail)}`);
    // Unused roles, access keys and passwords carry no permissions to refine.
    const permissions = detail.unusedPermissionDetails;
    if (permissions === undefined) return;
    if (!isJsonObject(permissions)) return fail([...detailPath, 'unusedPermissionDetails'], `expected an object, got ${describeJsonType(permissions)}`);
    entries.push(fromDetails(permissions, [...detailPath, 'unusedPermissionDetails'], fail));
  });
  return entries;
}

function fromDetails(details: JsonObject, path: JsonPath, fail: Fail): UnusedEntry {
  const service = details.serviceNamespace;
  if (typeof service !== 'string' || !/^[A-Za-z0-9-]+$/.test(service)) {
    return fail([...path, 'serviceNamespace'], service === undefined ? 'missing' : `expected a service prefix such as "s3", got ${JSON.stringify(service)}`);
  }
  const actions = details.actions;
  if (actions === undefined) return { service, actions: undefined, path };
  if (!Array.isArray(actions)) return fail([...path, 'actions'], `expected a list, got ${describeJsonType(actions)}`);
  const names = actions.map((action: Json, index: number) => {
    const actionPath = [...path, 'actions', index];
    const raw = isJsonObject(action) ? action.action : action;
    const namePath = isJsonObject(action) ? [...actionPath, 'action'] : actionPath;
    if (typeof raw !== 'string') return fail(namePath, `expected an action name, got ${describeJsonType(raw)}`);
    return { name: bareName(raw, service, namePath, fail), path: namePath };
  });
  return { service, actions: names, path };
}

/** `GetObject` or `s3:GetObject`; a prefix naming another service is an error, not a guess. */
function bareName(name: string, service: string, path: JsonPath, fail: Fail): string {
  const colon = name.indexOf(':');
  const bare = colon === -1 ? name : name.slice(colon + 1);
  if (colon !== -1 && name.slice(0, colon).toLowerCase() !== service.toLowerCase()) {
    fail(path, `${JSON.stringify(name)} belongs to another service than "${service}"`);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(bare)) fail(path, `${JSON.stringify(name)} is not an action name`);
  return bare;
}
