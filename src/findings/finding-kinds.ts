import { isJsonObject, type Json, type JsonObject } from '../input/json.js';

/** The one finding type whose details list permissions to refine. */
export const UNUSED_PERMISSION = 'UnusedPermission';

/** What each finding kind means to a user, for the kinds that carry no permissions to refine. */
export const OTHER_KINDS: Readonly<Record<string, string>> = {
  UnusedIAMRole: 'unused role: the role itself was not used; consider deleting it',
  UnusedIAMUserAccessKey: 'unused access key: consider deactivating it',
  UnusedIAMUserPassword: 'unused console password: consider removing it',
};

/** The finding type each detail kind belongs to, for a response that does not say its type. */
const DETAIL_KINDS: Readonly<Record<string, string>> = {
  unusedPermissionDetails: UNUSED_PERMISSION,
  unusedIamRoleDetails: 'UnusedIAMRole',
  unusedIamUserAccessKeyDetails: 'UnusedIAMUserAccessKey',
  unusedIamUserPasswordDetails: 'UnusedIAMUserPassword',
};

/**
 * Why a finding is reported rather than refined, or `undefined` for an active unused-permission
 * finding: another kind, or a status other than `ACTIVE` (archived, resolved).
 */
export function findingNotice(findingType: string, status: string | undefined): string | undefined {
  if (findingType === UNUSED_PERMISSION && (status === undefined || status === 'ACTIVE')) return undefined;
  const meaning = OTHER_KINDS[findingType] ?? (findingType === UNUSED_PERMISSION ? 'unused permissions' : `finding of type ${findingType}`);
  return status !== undefined && status !== 'ACTIVE' ? `${meaning} (status ${status}: not acted on)` : meaning;
}

/**
 * The type of a `GetFindingV2` response: its `findingType`, or what its details are; `undefined`
 * when neither says.
 */
export function findingTypeOf(page: JsonObject): string | undefined {
  if (typeof page.findingType === 'string') return page.findingType;
  const details: readonly Json[] = Array.isArray(page.findingDetails) ? page.findingDetails : [];
  const kinds = new Set(details.flatMap((detail) => (isJsonObject(detail) ? Object.keys(detail).flatMap((key) => DETAIL_KINDS[key] ?? []) : [])));
  return kinds.size === 1 ? [...kinds][0] : kinds.has(UNUSED_PERMISSION) ? UNUSED_PERMISSION : undefined;
}
