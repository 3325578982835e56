/** The account fixtures of `corpus/accounts/`, and builders for small hand-made accounts. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAccountDetails, type AccountDetails } from '../../src/account/details.js';
import { parseAccountFindings, type AccountFindings } from '../../src/account/findings.js';
import type { Json } from '../../src/input/json.js';

export const ACCOUNTS = fileURLToPath(new URL('../../corpus/accounts/', import.meta.url));
export const EXAMPLE_DETAILS = `${ACCOUNTS}example/details.json`;
export const EXAMPLE_FINDINGS = readdirSync(`${ACCOUNTS}example/findings`).sort().map((file) => `${ACCOUNTS}example/findings/${file}`);
export const ARTICLE_DETAILS = `${ACCOUNTS}article/details.json`;
export const ARTICLE_FINDING = `${ACCOUNTS}article/finding.json`;

export const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;

export function exampleAccount(): { details: AccountDetails; findings: AccountFindings } {
  return {
    details: parseAccountDetails(readJson(EXAMPLE_DETAILS), EXAMPLE_DETAILS),
    findings: parseAccountFindings(EXAMPLE_FINDINGS.map((name) => ({ name, value: readJson(name) }))),
  };
}

export const ACCOUNT_ID = '111122223333';

export interface PolicySpec {
  readonly name: string;
  readonly document: Json;
}

/** A `get-account-authorization-details` export of one role with the given inline and managed policies. */
export function roleExport(role: string, inline: readonly PolicySpec[], managed: readonly PolicySpec[], kind: 'role' | 'user' = 'role'): Json {
  const arnOf = (name: string): string => `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`;
  const entry = {
    [kind === 'role' ? 'RoleName' : 'UserName']: role,
    Arn: `arn:aws:iam::${ACCOUNT_ID}:${kind}/${role}`,
    [kind === 'role' ? 'RolePolicyList' : 'UserPolicyList']: inline.map((policy) => ({ PolicyName: policy.name, PolicyDocument: policy.document })),
    AttachedManagedPolicies: managed.map((policy) => ({ PolicyName: policy.name, PolicyArn: arnOf(policy.name) })),
  };
  return {
    [kind === 'role' ? 'RoleDetailList' : 'UserDetailList']: [entry],
    Policies: managed.map((policy) => ({ PolicyName: policy.name, Arn: arnOf(policy.name), PolicyVersionList: [{ Document: policy.document, VersionId: 'v1', IsDefaultVersion: true }] })),
  };
}

/** A GetFindingV2 response for a principal, from `{"service": ["Action", ...] | undefined}` (undefined: the whole service). */
export function findingFor(principal: string, unused: Readonly<Record<string, readonly string[] | undefined>>, kind: 'role' | 'user' = 'role'): Json {
  return {
    id: `f-${principal}`,
    resource: `arn:aws:iam::${ACCOUNT_ID}:${kind}/${principal}`,
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    findingDetails: Object.entries(unused).map(([serviceNamespace, actions]): Json => ({
      unusedPermissionDetails: actions === undefined ? { serviceNamespace } : { serviceNamespace, actions: actions.map((action): Json => ({ action })) },
    })),
  };
}
