import type { CertificateEvidence } from '../prove/certificate/evidence.js';
import { findingNotice, UNUSED_PERMISSION } from '../findings/finding-kinds.js';
import { parseUnusedEntries } from '../findings/parse.js';
import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { parseNested } from '../input/nested.js';

/** A finding's place in the inputs: the file and the JSON path of its response. */
export interface FindingPlace {
  readonly file: string;
  readonly path: JsonPath;
}

/** The unused-permission finding of one principal: every `GetFindingV2` page given for it. */
export interface UnusedPermissionFinding {
  readonly resource: string;
  /** The finding ids (normally one; pages of one finding share it). */
  readonly ids: readonly string[];
  readonly pages: readonly JsonObject[];
  readonly places: readonly FindingPlace[];
  /** For an unused set derived from Access Advisor (the pages are then its short form): the response and how. */
  readonly evidence?: CertificateEvidence;
}

/** A finding that is reported rather than refined: another kind, not active, or without details. */
export interface FindingNotice {
  readonly resource: string;
  readonly id: string | undefined;
  readonly findingType: string;
  readonly message: string;
  readonly place: FindingPlace;
}

export interface AccountFindings {
  /** Active unused-permission findings with their details, by resource ARN. */
  readonly unusedPermissions: ReadonlyMap<string, UnusedPermissionFinding>;
  readonly notices: readonly FindingNotice[];
}

export interface FindingsFile {
  readonly name: string;
  readonly value: Json;
}

/**
 * Reads Access Analyzer findings from any number of files, each holding a `GetFindingV2`
 * response, a `ListFindingsV2` page (`{"findings": [...]}`), or a list of either. Unused-permission
 * findings are gathered per resource ARN (several pages of one finding are joined); every other
 * finding is kept as a notice: other kinds, findings that are not `ACTIVE`, and listed
 * unused-permission findings whose `GetFindingV2` details were not given.
 */
export function parseAccountFindings(files: readonly FindingsFile[]): AccountFindings {
  const gathered = new Map<string, { ids: string[]; pages: JsonObject[]; places: FindingPlace[] }>();
  const notices: FindingNotice[] = [];
  const detailed = new Set<string>();
  const summaries: { summary: JsonObject; place: FindingPlace }[] = [];

  const readResponse = (response: JsonObject, place: FindingPlace): void => {
    const fail = (path: JsonPath, problem: string): never => {
      throw new InputError(place.file, [...place.path, ...path], problem);
    };
    const resource = stringField(response, 'resource', fail);
    const id = optionalString(response, 'id', fail);
    // Validates the details (every error names its path) before anything is gathered.
    const entries = parseNested(place.file, place.path, () => parseUnusedEntries(response, place.file));
    const findingType = optionalString(response, 'findingType', fail) ?? (entries.length > 0 ? UNUSED_PERMISSION : 'unknown');
    const status = optionalString(response, 'status', fail);
    if (id !== undefined) detailed.add(id);
    detailed.add(`${resource}\n${findingType}`);
    if (findingType !== UNUSED_PERMISSION || (status !== undefined && status !== 'ACTIVE')) {
      notices.push(noticeOf(resource, id, findingType, status, place));
      return;
    }
    const entry = gathered.get(resource) ?? { ids: [], pages: [], places: [] };
    if (id !== undefined && !entry.ids.includes(id)) entry.ids.push(id);
    entry.pages.push(response);
    entry.places.push(place);
    gathered.set(resource, entry);
  };

  const readItem = (item: Json, place: FindingPlace): void => {
    if (!isJsonObject(item)) throw new InputError(place.file, place.path, `expected a GetFindingV2 response or a ListFindingsV2 page, got ${describeJsonType(item)}`);
    if ('findingDetails' in item) return readResponse(item, place);
    if ('findings' in item) {
      const findings = item.findings;
      if (!Array.isArray(findings)) throw new InputError(place.file, [...place.path, 'findings'], `expected a list, got ${describeJsonType(findings)}`);
      findings.forEach((summary: Json, index: number) => {
        const path = [...place.path, 'findings', index];
        if (!isJsonObject(summary)) throw new InputError(place.file, path, `expected a finding summary, got ${describeJsonType(summary)}`);
        summaries.push({ summary, place: { file: place.file, path } });
      });
      return;
    }
    throw new InputError(place.file, place.path, 'expected a GetFindingV2 response (with "findingDetails") or a ListFindingsV2 page (with "findings")');
  };

  for (const file of files) {
    if (Array.isArray(file.value)) file.value.forEach((item: Json, index: number) => readItem(item, { file: file.name, path: [index] }));
    else readItem(file.value, { file: file.name, path: [] });
  }

  // Listed findings matter only where no GetFindingV2 response says more.
  for (const { summary, place } of summaries) {
    const fail = (path: JsonPath, problem: string): never => {
      throw new InputError(place.file, [...place.path, ...path], problem);
    };
    const resource = stringField(summary, 'resource', fail);
    const id = optionalString(summary, 'id', fail);
    const findingType = optionalString(summary, 'findingType', fail) ?? 'unknown';
    if ((id !== undefined && detailed.has(id)) || detailed.has(`${resource}\n${findingType}`)) continue;
    const status = optionalString(summary, 'status', fail);
    if (findingType === UNUSED_PERMISSION && (status === undefined || status === 'ACTIVE')) {
      const command = id === undefined ? 'aws accessanalyzer get-finding-v2' : `aws accessanalyzer get-finding-v2 --id ${id}`;
      notices.push({ resource, id, findingType, message: `unused permissions listed, but no GetFindingV2 details were given (${command}): not refined`, place });
    } else notices.push(noticeOf(resource, id, findingType, status, place));
  }

  const unusedPermissions = new Map([...gathered].map(([resource, entry]) => [resource, { resource, ...entry }]));
  return { unusedPermissions, notices };
}

function noticeOf(resource: string, id: string | undefined, findingType: string, status: string | undefined, place: FindingPlace): FindingNotice {
  return { resource, id, findingType, message: findingNotice(findingType, status) ?? 'unused permissions', place };
}

function stringField(object: JsonObject, key: string, fail: (path: JsonPath, problem: string) => never): string {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : fail([key], value === undefined ? 'missing' : `expected a non-empty string, got ${describeJsonType(value)}`);
}

function optionalString(object: JsonObject, key: string, fail: (path: JsonPath, problem: string) => never): string | undefined {
  const value = object[key];
  return value === undefined || typeof value === 'string' ? value : fail([key], `expected a string, got ${describeJsonType(value)}`);
}
