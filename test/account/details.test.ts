import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAwsManagedArn, parseAccountDetails } from '../../src/account/details.js';
import type { Json, JsonObject } from '../../src/input/json.js';
import { inputErrorOf } from '../support.js';
import { EXAMPLE_DETAILS } from './_support.js';

const parse = (value: Json) => parseAccountDetails(value, 'details.json');
const failure = (value: Json): string => inputErrorOf(() => parse(value));
const DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
const role = (extra: JsonObject): JsonObject => ({ RoleName: 'R', Arn: 'arn:aws:iam::111122223333:role/R', ...extra });

describe('parseAccountDetails', () => {
  it('reads the example export: roles, users and groups with inline and attached policies, managed policies by ARN', () => {
    const details = parse(JSON.parse(readFileSync(EXAMPLE_DETAILS, 'utf8')) as Json);
    expect(details.principals.map((principal) => `${principal.kind}/${principal.name}: ${principal.inline.map((policy) => policy.name).join(' ')} | ${principal.attached.map((policy) => policy.name).join(' ')} | ${principal.groups.join(' ')}`)).toEqual([
      'role/AppRole: app-data | AmazonS3ReadOnlyAccess AppLogging | ',
      'role/BatchRole: queue-access | AmazonS3ReadOnlyAccess | ',
      'role/ReportsRole: reports-bucket | CloudWatchLogsReadOnlyAccess | ',
      'role/IdleRole:  | AmazonSQSReadOnlyAccess | ',
      'user/alice: alice-ec2 |  | developers',
      'user/bob:  |  | developers',
      'user/carol:  |  | auditors',
      'group/developers: dev-codecommit |  | ',
      'group/auditors:  | AmazonSQSReadOnlyAccess | ',
    ]);
    expect([...details.managed.values()].map((policy) => `${policy.name} ${policy.awsManaged ? 'aws' : 'customer'} ${policy.updatedAt}`)).toEqual([
      'AmazonS3ReadOnlyAccess aws 2024-05-02T00:00:00+00:00',
      'CloudWatchLogsReadOnlyAccess aws 2024-05-02T00:00:00+00:00',
      'AmazonSQSReadOnlyAccess aws 2024-05-02T00:00:00+00:00',
      'AppLogging customer 2024-05-02T00:00:00+00:00',
    ]);
    expect(details.truncated).toBe(false);
  });

  it('decodes URL-encoded documents (as the API sends them) and takes the default version of a managed policy', () => {
    const details = parse(JSON.parse(readFileSync(EXAMPLE_DETAILS, 'utf8')) as Json);
    const appRole = details.principals.find((principal) => principal.name === 'AppRole')!;
    expect(appRole.inline[0]!.document.policy.statements.map((statement) => statement.sid)).toEqual(['Table', 'Uploads']);
    // AppLogging v1 (not default) allows two actions; v2, the default, four, with a Sid.
    const appLogging = details.managed.get('arn:aws:iam::111122223333:policy/AppLogging')!;
    expect(appLogging.document.policy.statements[0]!.patterns).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:CreateLogGroup', 'logs:DeleteLogGroup']);
    expect(appLogging.document.path).toEqual(['Policies', 3, 'PolicyVersionList', 1, 'Document']);
  });

  it('tells AWS managed policies by their ARN, in every partition', () => {
    expect(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess', 'arn:aws:iam::111122223333:policy/aws'].map(isAwsManagedArn)).toEqual([true, true, false]);
  });

  it('flags a truncated export', () => {
    expect(parse({ RoleDetailList: [], IsTruncated: true, Marker: 'abc' }).truncated).toBe(true);
  });

  it('names the file and the JSON path of every error, inside documents too', () => {
    expect(failure([])).toBe('details.json: expected the output of "aws iam get-account-authorization-details", got a list');
    expect(failure({ Roles: [] })).toMatch(/^details\.json: expected the output of "aws iam get-account-authorization-details" \(with "RoleDetailList"/);
    expect(failure({ RoleDetailList: {} })).toBe('details.json: RoleDetailList: expected a list, got an object');
    expect(failure({ RoleDetailList: [{ Arn: 'arn:aws:iam::1:role/R' }] })).toBe('details.json: RoleDetailList[0].RoleName: missing');
    expect(failure({ RoleDetailList: [role({ RolePolicyList: [{ PolicyName: 'p', PolicyDocument: '%E0%A4%A' }] })] })).toBe(
      'details.json: RoleDetailList[0].RolePolicyList[0].PolicyDocument: expected a URL-encoded policy document, but it is not valid URL encoding',
    );
    expect(failure({ RoleDetailList: [role({ RolePolicyList: [{ PolicyName: 'p', PolicyDocument: '%7B%22Version%22' }] })] })).toMatch(
      /^details\.json: RoleDetailList\[0\]\.RolePolicyList\[0\]\.PolicyDocument: the decoded policy document is not valid JSON: /,
    );
    const badAction = { ...DOCUMENT, Statement: [{ Effect: 'Allow', Action: 3, Resource: '*' }] };
    expect(failure({ RoleDetailList: [role({ RolePolicyList: [{ PolicyName: 'p', PolicyDocument: encodeURIComponent(JSON.stringify(badAction)) }] })] })).toMatch(
      /^details\.json: RoleDetailList\[0\]\.RolePolicyList\[0\]\.PolicyDocument\.Statement\[0\]\.Action: /,
    );
    expect(failure({ UserDetailList: [{ UserName: 'u', Arn: 'arn:aws:iam::1:user/u', GroupList: [1] }] })).toBe('details.json: UserDetailList[0].GroupList: expected a list of group names');
    expect(failure({ Policies: [{ PolicyName: 'P', Arn: 'arn:aws:iam::1:policy/P', PolicyVersionList: [{ Document: DOCUMENT, IsDefaultVersion: false }] }] })).toBe(
      'details.json: Policies[0].PolicyVersionList: no version with "IsDefaultVersion": true',
    );
    expect(failure({ RoleDetailList: [role({ AttachedManagedPolicies: [{ PolicyName: 'P' }] })] })).toBe('details.json: RoleDetailList[0].AttachedManagedPolicies[0].PolicyArn: missing');
  });
});
