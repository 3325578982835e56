import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';

/** One action IAM tracks for a service: when it was last accessed, if ever in the tracking period. */
export interface TrackedAction {
  readonly name: string;
  /** Milliseconds since the epoch; `undefined` when the response has no `LastAccessedTime`. */
  readonly lastAccessed: number | undefined;
  readonly path: JsonPath;
}

/** One `ServicesLastAccessed` entry. */
export interface ServiceAccess {
  readonly namespace: string;
  /** Milliseconds since the epoch; `undefined` when the service was never used in the tracking period. */
  readonly lastAuthenticated: number | undefined;
  /** The `TrackedActionsLastAccessed` list; `undefined` when IAM does not track this service's actions (or the job is service level). */
  readonly tracked: readonly TrackedAction[] | undefined;
  readonly path: JsonPath;
}

/** A `get-service-last-accessed-details` response, its pages joined. */
export interface LastAccessedReport {
  readonly jobType: 'ACTION_LEVEL' | 'SERVICE_LEVEL' | undefined;
  /** `JobCompletionDate` in milliseconds, the default end of the window. */
  readonly jobCompletion: number | undefined;
  /** The `Arn` a user added to name the principal the job was generated for (the response itself does not carry it). */
  readonly arn: string | undefined;
  readonly services: readonly ServiceAccess[];
  readonly pages: number;
}

type Fail = (path: JsonPath, problem: string) => never;

/**
 * Reads IAM Access Advisor's `GetServiceLastAccessedDetails` response, or a JSON list of its pages
 * in order. Refused: a job that is not `COMPLETED`, a last page that says `IsTruncated` (its next
 * page is missing), pages of different jobs, a service listed twice. Unknown keys are allowed: AWS
 * may add fields.
 */
export function parseLastAccessed(value: Json, source: string): LastAccessedReport {
  const fail: Fail = (path, problem) => {
    throw new InputError(source, path, problem);
  };
  const pages: { page: JsonObject; path: JsonPath }[] = [];
  if (isJsonObject(value)) pages.push({ page: value, path: [] });
  else if (Array.isArray(value)) {
    if (value.length === 0) fail([], 'expected get-service-last-accessed-details pages, got an empty list');
    value.forEach((page: Json, index: number) => pages.push({ page: isJsonObject(page) ? page : fail([index], `expected a get-service-last-accessed-details page, got ${describeJsonType(page)}`), path: [index] }));
  } else fail([], `expected a get-service-last-accessed-details response (or a list of its pages), got ${describeJsonType(value)}`);

  const services: ServiceAccess[] = [];
  const seen = new Map<string, JsonPath>();
  let jobType: LastAccessedReport['jobType'];
  let jobCompletion: number | undefined;
  let arn: string | undefined;
  pages.forEach(({ page, path }, index) => {
    if (!('ServicesLastAccessed' in page) && !('JobStatus' in page)) fail(path, 'expected a get-service-last-accessed-details response (with "JobStatus" and "ServicesLastAccessed")');
    const status = page.JobStatus;
    if (status !== 'COMPLETED') {
      const error = isJsonObject(page.Error) && typeof page.Error.Message === 'string' ? `: ${page.Error.Message}` : '';
      if (status === 'IN_PROGRESS') fail([...path, 'JobStatus'], 'the job is IN_PROGRESS; run get-service-last-accessed-details again once it is COMPLETED');
      fail([...path, 'JobStatus'], status === undefined ? 'missing' : `expected "COMPLETED", got ${JSON.stringify(status)}${error}`);
    }
    const type = page.JobType;
    if (type !== undefined && type !== 'ACTION_LEVEL' && type !== 'SERVICE_LEVEL') fail([...path, 'JobType'], `expected "ACTION_LEVEL" or "SERVICE_LEVEL", got ${JSON.stringify(type)}`);
    const completion = page.JobCompletionDate === undefined ? undefined : parseTime(page.JobCompletionDate, [...path, 'JobCompletionDate'], fail);
    const pageArn = optionalString(page, 'Arn', path, fail);
    if (index === 0) {
      jobType = type;
      jobCompletion = completion;
      arn = pageArn;
    } else if (type !== jobType || completion !== jobCompletion || pageArn !== arn) {
      fail(path, 'this page belongs to another job than the first page (JobType, JobCompletionDate or Arn differ)');
    }
    const truncated = page.IsTruncated ?? false;
    if (typeof truncated !== 'boolean') fail([...path, 'IsTruncated'], `expected a boolean, got ${describeJsonType(truncated)}`);
    const last = index === pages.length - 1;
    if (truncated && last) {
      const marker = typeof page.Marker === 'string' ? ` --marker ${page.Marker}` : '';
      fail([...path, 'IsTruncated'], `the response is truncated and its next page is missing (get-service-last-accessed-details --job-id JOB${marker}); give every page as a JSON list`);
    }
    if (!truncated && !last) fail([...path, 'IsTruncated'], 'this page is not truncated, yet more pages follow it');
    const list = page.ServicesLastAccessed;
    if (!Array.isArray(list)) fail([...path, 'ServicesLastAccessed'], list === undefined ? 'missing' : `expected a list, got ${describeJsonType(list)}`);
    (list as readonly Json[]).forEach((item: Json, position: number) => {
      const itemPath = [...path, 'ServicesLastAccessed', position];
      const service = serviceAccess(item, itemPath, fail);
      const key = service.namespace.toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined) fail([...itemPath, 'ServiceNamespace'], `"${service.namespace}" is listed twice (pages given twice?)`);
      seen.set(key, itemPath);
      services.push(service);
    });
  });
  return { jobType, jobCompletion, arn, services, pages: pages.length };
}

function serviceAccess(item: Json, path: JsonPath, fail: Fail): ServiceAccess {
  if (!isJsonObject(item)) return fail(path, `expected an object, got ${describeJsonType(item)}`);
  const namespace = item.ServiceNamespace;
  if (typeof namespace !== 'string' || !/^[A-Za-z0-9-]+$/.test(namespace)) {
    return fail([...path, 'ServiceNamespace'], namespace === undefined ? 'missing' : `expected a service prefix such as "s3", got ${JSON.stringify(namespace)}`);
  }
  const lastAuthenticated = item.LastAuthenticated === undefined || item.LastAuthenticated === null ? undefined : parseTime(item.LastAuthenticated, [...path, 'LastAuthenticated'], fail);
  const list = item.TrackedActionsLastAccessed;
  if (list === undefined || list === null) return { namespace, lastAuthenticated, tracked: undefined, path };
  if (!Array.isArray(list)) return fail([...path, 'TrackedActionsLastAccessed'], `expected a list, got ${describeJsonType(list)}`);
  const tracked = list.map((action: Json, index: number): TrackedAction => {
    const actionPath = [...path, 'TrackedActionsLastAccessed', index];
    if (!isJsonObject(action)) return fail(actionPath, `expected an object, got ${describeJsonType(action)}`);
    const name = action.ActionName;
    if (typeof name !== 'string') return fail([...actionPath, 'ActionName'], name === undefined ? 'missing' : `expected an action name, got ${describeJsonType(name)}`);
    const time = action.LastAccessedTime;
    return { name: bareName(name, namespace, [...actionPath, 'ActionName'], fail), lastAccessed: time === undefined || time === null ? undefined : parseTime(time, [...actionPath, 'LastAccessedTime'], fail), path: [...actionPath, 'ActionName'] };
  });
  return { namespace, lastAuthenticated, tracked, path };
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 time as the AWS CLI prints it (`2024-06-20T10:00:00+00:00`, `...Z`, fractions, a
 * date alone); without a zone it is UTC. Milliseconds since the epoch, or `undefined` when unreadable.
 */
export function readTime(text: string): number | undefined {
  const match = ISO_TIME.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(time)) return undefined;
  // Date.parse rolls 2024-02-30 over to March: a date that does not exist is refused.
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return utc.getUTCMonth() === Number(month) - 1 && utc.getUTCDate() === Number(day) ? time : undefined;
}

/** `GetObject` or `s3:GetObject`; a prefix naming another service is an error, not a guess. */
function bareName(name: string, service: string, path: JsonPath, fail: Fail): string {
  const colon = name.indexOf(':');
  if (colon !== -1 && name.slice(0, colon).toLowerCase() !== service.toLowerCase()) fail(path, `${JSON.stringify(name)} belongs to another service than "${service}"`);
  const bare = colon === -1 ? name : name.slice(colon + 1);
  return /^[A-Za-z0-9_-]+$/.test(bare) ? bare : fail(path, `${JSON.stringify(name)} is not an action name`);
}

function parseTime(value: Json, path: JsonPath, fail: Fail): number {
  const time = typeof value === 'string' ? readTime(value) : undefined;
  return time ?? fail(path, `expected an ISO 8601 time such as "2024-06-20T10:00:00Z", got ${typeof value === 'string' ? JSON.stringify(value) : describeJsonType(value)}`);
}

function optionalString(object: JsonObject, key: string, path: JsonPath, fail: Fail): string | undefined {
  const value = object[key];
  return value === undefined || (typeof value === 'string' && value !== '') ? value : fail([...path, key], `expected a non-empty string, got ${describeJsonType(value)}`);
}
