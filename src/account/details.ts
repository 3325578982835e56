import { InputError } from '../input/input-error.js';
import { describeJsonType, isJsonObject, type Json, type JsonObject } from '../input/json.js';
import type { JsonPath } from '../input/json-path.js';
import { parseDocumentAt } from '../policy/document.js';
import type { Policy } from '../policy/types.js';

export type PrincipalKind = 'role' | 'user' | 'group';

/** A policy document as the export gave it, parsed; `path` says where it sits in the export. */
export interface PolicyDocument {
  readonly policy: Policy;
  readonly path: JsonPath;
}

export interface InlinePolicy {
  readonly name: string;
  readonly document: PolicyDocument;
}

export interface AttachedPolicy {
  readonly name: string;
  readonly arn: string;
  readonly path: JsonPath;
}

export interface Principal {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly arn: string;
  readonly inline: readonly InlinePolicy[];
  readonly attached: readonly AttachedPolicy[];
  /** A user's groups, by name. */
  readonly groups: readonly string[];
}

export interface ExportedManagedPolicy {
  readonly name: string;
  readonly arn: string;
  /** Whether AWS owns it (`arn:aws:iam::aws:policy/...`): it cannot be edited, only replaced. */
  readonly awsManaged: boolean;
  readonly updatedAt: string | undefined;
  /** The default version's document. */
  readonly document: PolicyDocument;
}

/** What `aws iam get-account-authorization-details` describes, parsed. */
export interface AccountDetails {
  readonly source: string;
  readonly principals: readonly Principal[];
  readonly managed: ReadonlyMap<string, ExportedManagedPolicy>;
  /** `IsTruncated: true`: the export is one page of several. */
  readonly truncated: boolean;
}

const LISTS = [
  { key: 'RoleDetailList', kind: 'role', nameKey: 'RoleName', inlineKey: 'RolePolicyList' },
  { key: 'UserDetailList', kind: 'user', nameKey: 'UserName', inlineKey: 'UserPolicyList' },
  { key: 'GroupDetailList', kind: 'group', nameKey: 'GroupName', inlineKey: 'GroupPolicyList' },
] as const;

const AWS_MANAGED_ARN = /^arn:[^:]+:iam::aws:policy\//;

export function isAwsManagedArn(arn: string): boolean {
  return AWS_MANAGED_ARN.test(arn);
}

/**
 * Reads the output of `aws iam get-account-authorization-details`: roles, users and groups with
 * their inline policies and attached managed policies, and the managed policies with their
 * default version. Documents may be objects (as the AWS CLI prints them) or URL-encoded JSON
 * strings (as the API returns them). Every error names the JSON path.
 */
export function parseAccountDetails(value: Json, source: string): AccountDetails {
  const fail = (path: JsonPath, problem: string): never => {
    throw new InputError(source, path, problem);
  };
  if (!isJsonObject(value)) return fail([], `expected the output of "aws iam get-account-authorization-details", got ${describeJsonType(value)}`);
  if (!LISTS.some(({ key }) => key in value) && !('Policies' in value)) {
    return fail([], 'expected the output of "aws iam get-account-authorization-details" (with "RoleDetailList", "UserDetailList", "GroupDetailList" or "Policies")');
  }
  const principals = LISTS.flatMap(({ key, kind, nameKey, inlineKey }) =>
    listAt(value, [key], fail).map((item, index) => parsePrincipal(item, [key, index], kind, nameKey, inlineKey, source, fail)),
  );
  const managed = new Map<string, ExportedManagedPolicy>();
  listAt(value, ['Policies'], fail).forEach((item, index) => {
    const policy = parseManaged(item, ['Policies', index], source, fail);
    managed.set(policy.arn, policy);
  });
  return { source, principals, managed, truncated: value.IsTruncated === true };
}

type Fail = (path: JsonPath, problem: string) => never;

function listAt(object: JsonObject, path: JsonPath, fail: Fail): JsonObject[] {
  const key = path[path.length - 1] as string;
  const list = object[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) return fail(path, `expected a list, got ${describeJsonType(list)}`);
  return list.map((item: Json, index: number) => (isJsonObject(item) ? item : fail([...path, index], `expected an object, got ${describeJsonType(item)}`)));
}

function stringAt(object: JsonObject, key: string, path: JsonPath, fail: Fail): string {
  const value = object[key];
  return typeof value === 'string' && value !== '' ? value : fail([...path, key], value === undefined ? 'missing' : `expected a non-empty string, got ${describeJsonType(value)}`);
}

function parsePrincipal(item: JsonObject, path: JsonPath, kind: PrincipalKind, nameKey: string, inlineKey: string, source: string, fail: Fail): Principal {
  const inline = listAt(item, [...path, inlineKey], fail).map((entry, index) => {
    const entryPath = [...path, inlineKey, index];
    return { name: stringAt(entry, 'PolicyName', entryPath, fail), document: parseDocument(entry.PolicyDocument, [...entryPath, 'PolicyDocument'], source) };
  });
  const attached = listAt(item, [...path, 'AttachedManagedPolicies'], fail).map((entry, index) => {
    const entryPath = [...path, 'AttachedManagedPolicies', index];
    return { name: stringAt(entry, 'PolicyName', entryPath, fail), arn: stringAt(entry, 'PolicyArn', entryPath, fail), path: entryPath };
  });
  const groupList = item.GroupList;
  if (groupList !== undefined && (!Array.isArray(groupList) || !groupList.every((group: Json) => typeof group === 'string'))) {
    fail([...path, 'GroupList'], 'expected a list of group names');
  }
  return { kind, name: stringAt(item, nameKey, path, fail), arn: stringAt(item, 'Arn', path, fail), inline, attached, groups: (groupList as readonly string[] | undefined) ?? [] };
}

function parseManaged(item: JsonObject, path: JsonPath, source: string, fail: Fail): ExportedManagedPolicy {
  const arn = stringAt(item, 'Arn', path, fail);
  const versions = listAt(item, [...path, 'PolicyVersionList'], fail);
  const defaultIndex = versions.findIndex((version) => version.IsDefaultVersion === true);
  if (defaultIndex === -1) fail([...path, 'PolicyVersionList'], 'no version with "IsDefaultVersion": true');
  const versionPath = [...path, 'PolicyVersionList', defaultIndex];
  const updatedAt = item.UpdateDate;
  return {
    name: stringAt(item, 'PolicyName', path, fail),
    arn,
    awsManaged: isAwsManagedArn(arn),
    updatedAt: typeof updatedAt === 'string' ? updatedAt : undefined,
    document: parseDocument(versions[defaultIndex]!.Document, [...versionPath, 'Document'], source),
  };
}

/** A document as an object, or as the API sends it: a URL-encoded JSON string. */
function parseDocument(value: Json | undefined, path: JsonPath, source: string): PolicyDocument {
  return { policy: parseDocumentAt(value, path, source), path };
}
