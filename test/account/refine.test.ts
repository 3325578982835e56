import { describe, expect, it } from 'vitest';
import { parseAccountDetails } from '../../src/account/details.js';
import { parseAccountFindings } from '../../src/account/findings.js';
import { refineAccount, type AccountResult, type PolicyResult, type PrincipalResult } from '../../src/account/refine.js';
import { principalReport } from '../../src/account/report.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import type { Json, JsonObject } from '../../src/input/json.js';
import { printJson } from '../../src/policy/print.js';
import { policySize } from '../../src/policy/size.js';
import { joinParts } from '../../src/policy/split.js';
import { exampleAccount, findingFor, roleExport, type PolicySpec } from './_support.js';

const catalog = loadPinnedCatalog();
const example = (): AccountResult => {
  const { details, findings } = exampleAccount();
  return refineAccount(details, findings, catalog);
};

const principal = (account: AccountResult, name: string): PrincipalResult => account.principals.find((result) => result.principal.name === name)!;
const policy = (account: AccountResult, principalName: string, policyName: string): PolicyResult => principal(account, principalName).policies.find((result) => result.name === policyName)!;
/** The action patterns of each statement of the policy to create. */
const patterns = (result: PolicyResult, part = 0): Json[] => ((result.create[part]!.Statement as readonly JsonObject[]) ?? []).map((statement) => statement.Action!);

function refineOne(exported: Json, finding: Json, granularity: Granularity = 'word', on: Catalog = catalog): AccountResult {
  return refineAccount(parseAccountDetails(exported, 'details.json'), parseAccountFindings([{ name: 'findings.json', value: finding }]), on, { granularity });
}

/** Every other action of a service (in catalog order) as unused: refinements that need many patterns. */
function everyOther(service: string, step = 2): string[] {
  const [from, to] = catalog.rangeWithPrefix(`${service}:`);
  return catalog.actions.slice(from, to).filter((_, index) => index % step === 0).map((action) => action.slice(service.length + 1));
}

const wholeService = (name: string, service: string): PolicySpec => ({ name, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `${service}:*`, Resource: '*' }] } });

/** A run's times, fixed: reports take them as given. */
const TIMES = { startedAt: '2024-06-20T10:00:00.000Z', completedAt: '2024-06-20T10:00:02.000Z' };

describe('refineAccount on the example export', () => {
  const account = example();

  it('refines each role and user with a finding, each group whose members all have one, and says why the rest are not refined', () => {
    expect(account.principals.map((result) => `${result.principal.kind}/${result.principal.name}: ${result.policies.map((entry) => `${entry.name}=${entry.outcome}`).join(' ')}`)).toEqual([
      'role/AppRole: app-data=create AmazonS3ReadOnlyAccess=create AppLogging=create',
      'role/BatchRole: queue-access=detach AmazonS3ReadOnlyAccess=create',
      'role/ReportsRole: reports-bucket=unchanged CloudWatchLogsReadOnlyAccess=create',
      'user/alice: alice-ec2=create',
      'user/bob: ',
      'group/developers: dev-codecommit=create',
    ]);
    expect(account.skipped.map(({ principal: skipped, reason }) => `${skipped.kind}/${skipped.name}: ${reason}`)).toEqual([
      'role/IdleRole: no unused-permission finding: not refined',
      'user/carol: no unused-permission finding: not refined',
      'group/auditors: not refined: its policies serve every member, and carol has no unused-permission finding',
    ]);
  });

  it('an inline policy given URL-encoded loses its unused action and keeps the statement it does not touch', () => {
    const appData = policy(account, 'AppRole', 'app-data');
    expect({ kind: appData.kind, id: appData.existingPolicyId, patterns: patterns(appData), removed: appData.actionsRemoved }).toEqual({
      kind: 'inline',
      id: 'app-data',
      patterns: [['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], 's3:PutObject'],
      removed: 1,
    });
  });

  it('an AWS managed policy shared by two roles is refined for each role\'s own findings, replaced by a customer managed policy, and the difference is said', () => {
    const forApp = policy(account, 'AppRole', 'AmazonS3ReadOnlyAccess');
    const forBatch = policy(account, 'BatchRole', 'AmazonS3ReadOnlyAccess');
    const allowed = (result: PolicyResult, action: string): boolean => (patterns(result)[0] as string[]).some((pattern) => new RegExp(`^${pattern.replace(/\*/g, '.*')}$`, 'i').test(action));
    expect({
      kinds: [forApp.kind, forBatch.kind],
      // AppRole never used s3:GetBucketPolicy, BatchRole did; neither used s3:GetObjectAcl; both use s3:GetObject.
      getBucketPolicy: [allowed(forApp, 's3:GetBucketPolicy'), allowed(forBatch, 's3:GetBucketPolicy')],
      getObjectAcl: [allowed(forApp, 's3:GetObjectAcl'), allowed(forBatch, 's3:GetObjectAcl')],
      getObject: [allowed(forApp, 's3:GetObject'), allowed(forBatch, 's3:GetObject')],
      // The service-level finding: no s3-object-lambda action is left.
      objectLambda: [forApp, forBatch].map((result) => (patterns(result)[0] as string[]).filter((pattern) => pattern.startsWith('s3-object-lambda'))),
    }).toEqual({ kinds: ['aws-managed', 'aws-managed'], getBucketPolicy: [false, true], getObjectAcl: [false, false], getObject: [true, true], objectLambda: [[], []] });
    expect(forApp.notes).toEqual([
      'an AWS managed policy cannot be edited: create a customer managed policy with the recommended policy, attach it to role AppRole in place of arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess, then detach arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'also attached to role BatchRole; the findings of role BatchRole give a different recommendation: this one is for role AppRole alone',
    ]);
  });

  it('a customer managed policy becomes a new default version of itself; its default version is the one refined', () => {
    const appLogging = policy(account, 'AppRole', 'AppLogging');
    expect({ kind: appLogging.kind, updated: appLogging.policyUpdatedAt, patterns: patterns(appLogging), notes: appLogging.notes }).toEqual({
      kind: 'customer-managed',
      updated: '2024-05-02T00:00:00+00:00',
      patterns: [['logs:CreateLogStream', 'logs:PutLogEvents']],
      notes: [
        'create a new default version of arn:aws:iam::111122223333:policy/AppLogging with the recommended policy (or, if other principals use it, a new customer managed policy attached to role AppRole in its place)',
      ],
    });
  });

  it('a service-level finding detaches the inline policy that holds nothing else', () => {
    const queue = policy(account, 'BatchRole', 'queue-access');
    expect({ outcome: queue.outcome, create: queue.create, removed: queue.actionsRemoved, notes: queue.notes }).toEqual({
      outcome: 'detach',
      create: [],
      removed: 3,
      notes: ['nothing in it is used: delete the inline policy queue-access of role BatchRole'],
    });
  });

  it('a policy the finding does not touch stays as it is, with no step', () => {
    const report = principalReport(account, account.principals.indexOf(principal(account, 'ReportsRole')), undefined, TIMES);
    expect((report.recommendedSteps as readonly JsonObject[]).map((step) => (step.unusedPermissionsRecommendedStep as JsonObject).existingPolicyId)).toEqual([
      'arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess',
      'arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess',
    ]);
    expect(policy(account, 'ReportsRole', 'reports-bucket').outcome).toBe('unchanged');
  });

  it("a group's policy loses only what every member leaves unused; a member is told where the rest of its permissions come from", () => {
    expect(patterns(policy(account, 'developers', 'dev-codecommit'))).toEqual([['codecommit:GitPull', 'codecommit:DeleteBranch', 'codecommit:Get*']]);
    expect(principal(account, 'developers').notes).toEqual(['refined with the unused actions common to its members (alice, bob)']);
    expect(patterns(policy(account, 'alice', 'alice-ec2'))).toEqual([['ec2:DescribeInstances', 'ec2:DescribeVolumes']]);
    expect(principal(account, 'alice').notes).toEqual(['also gets the permissions of group developers: its policies are refined for the group as a whole']);
  });

  it('prints each principal as a complete GetFindingRecommendation response: CREATE_POLICY then the paired DETACH_POLICY for each policy to change', () => {
    const report = principalReport(account, 0, undefined, TIMES);
    const steps = (report.recommendedSteps as readonly JsonObject[]).map((step) => step.unusedPermissionsRecommendedStep as JsonObject);
    expect({
      head: Object.keys(report).slice(0, 6),
      times: [report.startedAt, report.completedAt],
      arn: report.resourceArn,
      type: report.recommendationType,
      status: report.status,
      steps: steps.map((step) => [step.recommendedAction, step.existingPolicyId, step.policyUpdatedAt ?? null, typeof step.recommendedPolicy]),
      policyOfFirstStep: JSON.parse(steps[0]!.recommendedPolicy as string) as Json,
    }).toEqual({
      head: ['resourceArn', 'status', 'startedAt', 'completedAt', 'recommendationType', 'recommendedSteps'],
      times: [TIMES.startedAt, TIMES.completedAt],
      arn: 'arn:aws:iam::111122223333:role/AppRole',
      type: 'UNUSED_PERMISSION_RECOMMENDATION',
      status: 'SUCCEEDED',
      steps: [
        ['CREATE_POLICY', 'app-data', null, 'string'],
        ['DETACH_POLICY', 'app-data', null, 'undefined'],
        ['CREATE_POLICY', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', '2024-05-02T00:00:00+00:00', 'string'],
        ['DETACH_POLICY', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', null, 'undefined'],
        ['CREATE_POLICY', 'arn:aws:iam::111122223333:policy/AppLogging', '2024-05-02T00:00:00+00:00', 'string'],
        ['DETACH_POLICY', 'arn:aws:iam::111122223333:policy/AppLogging', null, 'undefined'],
      ],
      policyOfFirstStep: policy(account, 'AppRole', 'app-data').create[0]!,
    });
  });
});

describe('refineAccount and IAM size quotas', () => {
  it('a managed policy over its quota at word granularity takes the character granularity when that fits', () => {
    const account = refineOne(roleExport('BiRole', [], [wholeService('QuickSightAll', 'quicksight')]), findingFor('BiRole', { quicksight: everyOther('quicksight', 7) }));
    const result = account.principals[0]!.policies[0]!;
    expect({ outcome: result.outcome, granularity: result.recommendation!.granularity, fits: result.size!.recommended <= 6144 }).toEqual({ outcome: 'create', granularity: 'char', fits: true });
    expect(result.notes[0]).toMatch(/^\d+ characters at word granularity, over the 6144 quota of a managed policy; \d+ at char granularity$/);
  });

  it('a managed policy still over its quota is split into parts under it that join back to the recommendation', () => {
    const account = refineOne(roleExport('NetRole', [], [wholeService('Ec2All', 'ec2')]), findingFor('NetRole', { ec2: everyOther('ec2') }));
    const result = account.principals[0]!.policies[0]!;
    expect(result.outcome).toBe('split');
    expect(result.create.length).toBeGreaterThan(1);
    expect(result.create.every((part) => policySize(part) <= 6144)).toBe(true);
    expect(result.size!.parts).toEqual(result.create.map(policySize));
    expect(printJson(joinParts(result.split!, result.recommendation!.policy!))).toBe(printJson(result.recommendation!.policy!));
    expect(result.notes.at(-1)).toBe(`one policy cannot hold it: create the ${result.create.length} customer managed policies, attach them to role NetRole, then detach arn:aws:iam::111122223333:policy/Ec2All`);
    const steps = (principalReport(account, 0, undefined, TIMES).recommendedSteps as readonly JsonObject[]).map((step) => step.unusedPermissionsRecommendedStep as JsonObject);
    expect(steps.slice(0, -1).map((step) => JSON.parse(step.recommendedPolicy as string) as Json)).toEqual(result.create);
    expect(steps.at(-1)).toEqual({ recommendedAction: 'DETACH_POLICY', existingPolicyId: 'arn:aws:iam::111122223333:policy/Ec2All' });
  });

  it('a split that would take the role past 10 managed policies is reported with its figures, never truncated', () => {
    const others = Array.from({ length: 9 }, (_, index) => ({ name: `Small${index}`, document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }] } }));
    const account = refineOne(roleExport('NetRole', [], [wholeService('Ec2All', 'ec2'), ...others]), findingFor('NetRole', { ec2: everyOther('ec2') }));
    const result = account.principals[0]!.policies[0]!;
    const report = principalReport(account, 0, undefined, TIMES);
    expect({ outcome: result.outcome, create: result.create, steps: (report.recommendedSteps as readonly Json[]).length, notes: report.notes }).toEqual({
      outcome: 'not-applicable',
      create: [],
      steps: 0,
      notes: ['no step for arn:aws:iam::111122223333:policy/Ec2All: its recommendation does not fit IAM quotas as is (see its notes)'],
    });
    const size = result.size!.recommended;
    expect(result.notes).toEqual([
      `${size} characters at word granularity, over the 6144 quota of a managed policy; ${size} at char granularity`,
      expect.stringMatching(
        new RegExp(`^not applicable as is: ${size} characters, over the 6144 quota of a managed policy, and it cannot be split: \\d+ parts of at most 6144 characters are needed, more than the 1 available \\(the role holds 10 managed policies of 10\\)$`),
      ) as string,
    ]);
    expect(result.size!.recommended).toBeGreaterThan(6144);
  });

  it("a user's inline policies over their 2,048 quota: the recommendation that grew is reported, not applied", () => {
    const account = refineOne(roleExport('dana', [wholeService('iam-all', 'iam')], [], 'user'), findingFor('dana', { iam: everyOther('iam') }, 'user'));
    const result = account.principals[0]!.policies[0]!;
    expect({ outcome: result.outcome, quota: result.size!.quota, create: result.create }).toEqual({ outcome: 'not-applicable', quota: 2048, create: [] });
    expect(result.notes.at(-1)).toBe(
      `not applicable as is: recommended ${result.size!.recommended} characters against ${result.size!.original} now; with it the user's inline policies would exceed the 2048 quota (without it they come to ${result.size!.original}). Inline policies cannot be split within that quota; consider a customer managed policy`,
    );
  });

  it('an attached policy missing from the export is reported with its ARN, the other policies still refined', () => {
    const exported = roleExport('R', [wholeService('inline', 'sqs')], []) as JsonObject;
    const role = (exported.RoleDetailList as readonly JsonObject[])[0]!;
    const withMissing = { ...exported, RoleDetailList: [{ ...role, AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }] };
    const account = refineOne(withMissing, findingFor('R', { sqs: ['SendMessage'] }));
    expect(account.principals[0]!.policies.map((result) => `${result.name}=${result.outcome}`)).toEqual(['inline=create', 'ReadOnlyAccess=missing']);
    expect(account.principals[0]!.policies[1]!.notes).toEqual([
      'arn:aws:iam::aws:policy/ReadOnlyAccess is attached but its document is not in the export\'s "Policies" (exported with --filter?): not refined; export without --filter, or add it with "aws iam get-policy-version"',
    ]);
  });

  it('a finding for a principal the export does not hold is reported', () => {
    const account = refineOne(roleExport('R', [], []), findingFor('Other', { s3: ['GetObject'] }));
    expect(account.notices.map((notice) => `${notice.resource}: ${notice.message}`)).toEqual(['arn:aws:iam::111122223333:role/Other: no role or user with this ARN in the account details: not refined']);
  });
});
