import { describe, expect, it } from 'vitest';
import { comparisonOf } from '../../src/compare/compare.js';
import { directionsOf } from '../../src/compare/plan.js';
import { policyAllows } from '../../src/compare/evaluate.js';
import type { Json, JsonObject } from '../../src/input/json.js';
import { catalogOf, inputErrorOf, policyOf } from '../support.js';
import { compareStatements, firstExample, usePool } from './_support.js';

const pool = usePool();
const S3 = 'arn:aws:s3:::bucket';
const allowS3 = (action: Json, resource: Json = '*', extra: JsonObject = {}): JsonObject => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

/** Whether a counterexample is real: the gained side allows it and the other does not, checked again here. */
function realGain(old: unknown, fresh: unknown, action: string, resource: string, holding: readonly string[] = []): boolean {
  const comparison = comparisonOf({ old: policyOf(old as never), new: policyOf(fresh as never), oldSource: 'o', newSource: 'n', mode: 'no-new-access', scope: 'all-strings' });
  const [pair] = directionsOf(comparison);
  const request = { action, resource, holding: new Set(holding) };
  return policyAllows(pair!.granting, request) && !policyAllows(pair!.bounding, request);
}

describe('compare: the constructs of identity policies', () => {
  it('proves a policy equivalent to itself, in both modes', async () => {
    const statements = [allowS3(['s3:Get*', 'ec2:DescribeInstances'], `${S3}/*`), { Effect: 'Deny', Action: 's3:GetObjectAcl', Resource: '*' }];
    expect((await compareStatements(pool(), statements, statements)).verdict).toBe('pass');
    expect((await compareStatements(pool(), statements, statements, { mode: 'equivalent' })).verdict).toBe('pass');
  });

  it('refutes a wider resource, blaming the old statement with the narrower one', async () => {
    const old = [allowS3('s3:GetObject', `${S3}/*`)];
    const fresh = [allowS3('s3:GetObject', '*')];
    const report = await compareStatements(pool(), old, fresh);
    expect(report.verdict).toBe('fail');
    const example = firstExample(report);
    expect(example.action.toLowerCase()).toBe('s3:getobject');
    expect(example.resource.startsWith(`${S3}/`)).toBe(false);
    expect(example.escapes).toMatchObject({ statement: 0, reason: 'resource' });
    expect(realGain(old, fresh, example.action, example.resource)).toBe(true);
    // The other way round the new policy is narrower: no new access.
    expect((await compareStatements(pool(), fresh, old)).verdict).toBe('pass');
  });

  it('refutes a removed Deny, naming the Deny the request escapes', async () => {
    const old = [allowS3('s3:*'), { Sid: 'KeepBuckets', Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }];
    const report = await compareStatements(pool(), old, [allowS3('s3:*')]);
    const example = firstExample(report);
    expect(example.action.toLowerCase()).toBe('s3:deletebucket');
    expect(example.escapes).toMatchObject({ statement: 1, reason: 'denied', label: 'statement 1 ("KeepBuckets")' });
  });

  it('reads NotAction in Allow: everything but the list', async () => {
    const old = [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }];
    expect((await compareStatements(pool(), old, [allowS3(['s3:*', 'ec2:Describe*'])])).verdict).toBe('pass');
    const report = await compareStatements(pool(), old, [{ Effect: 'Allow', NotAction: 'iam:Get*', Resource: '*' }]);
    const example = firstExample(report);
    expect(example.action.toLowerCase().startsWith('iam:')).toBe(true);
    expect(example.action.toLowerCase().startsWith('iam:get')).toBe(false);
    // All strings include actions no catalog has: `iam:Get*` alone is not within NotAction iam:*.
    expect((await compareStatements(pool(), old, [allowS3('iam:Get*')])).verdict).toBe('fail');
  });

  it('reads NotAction in Deny: everything but the list is denied', async () => {
    const old = [allowS3('*'), { Effect: 'Deny', NotAction: ['s3:*', 'sts:GetCallerIdentity'], Resource: '*' }];
    expect((await compareStatements(pool(), old, [allowS3(['s3:Get*', 'sts:GetCallerIdentity'])])).verdict).toBe('pass');
    const example = firstExample(await compareStatements(pool(), old, [allowS3('ec2:*')]));
    expect(example.escapes).toMatchObject({ statement: 1, reason: 'denied' });
  });

  it('reads NotResource: every resource but the list', async () => {
    const old = [{ Effect: 'Allow', Action: 's3:*', NotResource: `${S3}/secret/*` }];
    expect((await compareStatements(pool(), old, [allowS3('s3:GetObject', `${S3}/public/*`)])).verdict).toBe('pass');
    const example = firstExample(await compareStatements(pool(), old, [allowS3('s3:GetObject', `${S3}/secret/x`)]));
    expect(example.resource).toBe(`${S3}/secret/x`);
    // A Deny with NotResource denies everything outside it.
    const denied = [allowS3('s3:*'), { Effect: 'Deny', Action: '*', NotResource: `${S3}/*` }];
    expect((await compareStatements(pool(), denied, [allowS3('s3:GetObject', `${S3}/a`)])).verdict).toBe('pass');
    expect((await compareStatements(pool(), denied, [allowS3('s3:GetObject', 'arn:aws:s3:::other/a')])).verdict).toBe('fail');
  });

  it('treats a dropped condition as new access that needs the condition to fail, and an added one as none', async () => {
    const condition = { StringEquals: { 'aws:PrincipalTag/team': 'red' } };
    const old = [allowS3('s3:GetObject', '*', { Condition: condition })];
    const report = await compareStatements(pool(), old, [allowS3('s3:GetObject')]);
    const example = firstExample(report);
    expect(example.when).toEqual([{ atom: expect.objectContaining({ name: 'k0' }), holds: false }]);
    expect(realGain(old, [allowS3('s3:GetObject')], example.action, example.resource)).toBe(true);
    expect((await compareStatements(pool(), [allowS3('s3:GetObject')], old)).verdict).toBe('pass');
  });

  it('shares one atom between blocks equal after canonical ordering, and none between different ones', async () => {
    const one = { StringEquals: { 'aws:PrincipalTag/team': ['red', 'blue'], 'aws:RequestedRegion': 'eu-west-1' } };
    const same = { StringEquals: { 'aws:requestedregion': ['eu-west-1'], 'aws:PrincipalTag/team': ['blue', 'red', 'red'] } };
    const other = { StringEquals: { 'aws:RequestedRegion': 'eu-west-2' } };
    expect((await compareStatements(pool(), [allowS3('s3:GetObject', '*', { Condition: one })], [allowS3('s3:GetObject', '*', { Condition: same })], { mode: 'equivalent' })).verdict).toBe('pass');
    const report = await compareStatements(pool(), [allowS3('s3:GetObject', '*', { Condition: one })], [allowS3('s3:GetObject', '*', { Condition: other })]);
    const example = firstExample(report);
    expect(example.when.map((need) => [need.atom.name, need.holds])).toEqual([
      ['k0', false],
      ['k1', true],
    ]);
  });

  it('compares resources case-sensitively and actions case-insensitively', async () => {
    expect((await compareStatements(pool(), [allowS3('S3:GETOBJECT', `${S3}/*`)], [allowS3('s3:GetObject', `${S3}/*`)], { mode: 'equivalent' })).verdict).toBe('pass');
    const example = firstExample(await compareStatements(pool(), [allowS3('s3:GetObject', 'arn:aws:s3:::Bucket/*')], [allowS3('s3:GetObject', 'arn:aws:s3:::bucket/*')]));
    expect(example.resource.startsWith('arn:aws:s3:::bucket/')).toBe(true);
  });

  it('reads a resource pattern with a policy variable as an atom within its widened form, shared by equal patterns', async () => {
    const perUser = `${S3}/\${aws:username}/*`;
    // Within the old bucket whatever the value.
    const within = await compareStatements(pool(), [allowS3('s3:GetObject', `${S3}/*`)], [allowS3('s3:GetObject', perUser)]);
    expect(within.verdict).toBe('pass');
    expect(within.approximations).toEqual([`new statement 0: Resource "${perUser}"`]);
    // The same pattern on both sides is the same atom: equivalent.
    expect((await compareStatements(pool(), [allowS3('s3:GetObject', perUser)], [allowS3('s3:GetObject', perUser)], { mode: 'equivalent' })).verdict).toBe('pass');
    // Another variable is another atom: a FAIL that rests on the values.
    const other = await compareStatements(pool(), [allowS3('s3:GetObject', perUser)], [allowS3('s3:GetObject', `${S3}/\${aws:userid}/*`)]);
    expect(other.verdict).toBe('fail');
    const example = firstExample(other);
    expect(example.restsOnPolicyVariable).toBe(true);
    expect(example.when.map((need) => [need.atom.kind, need.atom.canonical, need.holds])).toEqual([
      ['variable', perUser, false],
      ['variable', `${S3}/\${aws:userid}/*`, true],
    ]);
    // A Deny with a variable in the old policy: GetObject is untouched, DeleteObject may be denied.
    const denied = [allowS3('s3:*', `${S3}/*`), { Effect: 'Deny', Action: 's3:DeleteObject', Resource: perUser }];
    expect((await compareStatements(pool(), denied, [allowS3('s3:GetObject', `${S3}/*`)])).verdict).toBe('pass');
    const deleting = firstExample(await compareStatements(pool(), denied, [allowS3('s3:DeleteObject', `${S3}/*`)]));
    expect(deleting.escapes).toMatchObject({ statement: 1, reason: 'denied' });
    expect(deleting.when).toEqual([{ atom: expect.objectContaining({ canonical: perUser }), holds: true }]);
  });

  it('proves statements split and reordered equivalent', async () => {
    const old = [allowS3(['s3:GetObject', 's3:PutObject', 'ec2:Describe*'], [`${S3}/a`, `${S3}/b*`]), { Effect: 'Deny', Action: 's3:PutObject', Resource: `${S3}/b-locked` }];
    const fresh = [
      { Effect: 'Deny', Action: 'S3:PUTOBJECT', Resource: `${S3}/b-locked` },
      allowS3(['ec2:describe*'], [`${S3}/b*`]),
      allowS3(['s3:getobject', 's3:putobject'], [`${S3}/b*`]),
      allowS3(['s3:GetObject', 'S3:PutObject', 'EC2:Describe*'], [`${S3}/a`]),
    ];
    expect((await compareStatements(pool(), old, fresh, { mode: 'equivalent' })).verdict).toBe('pass');
  });

  it('decides a resource list split across statements at once, leaving out of each region the globs a failing statement lists', async () => {
    // AWS's BatchServiceRolePolicy, rewritten: one statement's thirteen ARN globs split over two. As one
    // regex difference, "old's globs minus new's" timed out at 20 s in WebAssembly Z3.
    const globs = ['::image/*', '::snapshot/*', ':*:subnet/*', ':*:network-interface/*', ':*:security-group/*', ':*:volume/*', ':*:key-pair/*', ':*:launch-template/*', ':*:placement-group/*'].map((tail) => `arn:aws:ec2:*${tail}`);
    const old = [allowS3('ec2:RunInstances', globs)];
    const fresh = [allowS3('ec2:runinstances', globs.slice(0, 5)), allowS3('EC2:RunInstances', globs.slice(5)), allowS3('ec2:RunInstances', 'arn:aws:ec2:*:*:instance/*', { Condition: { Null: { 'aws:RequestTag/Team': 'false' } } })];
    const report = await compareStatements(pool(), old, fresh, { mode: 'equivalent' });
    expect(report.verdict).toBe('fail');
    // Lost nothing; gained only the instance ARNs, and only where the condition holds.
    expect(report.directions.map((direction) => direction.verdict)).toEqual(['fail', 'pass']);
    expect(firstExample(report).resource).toMatch(/^arn:aws:ec2:.*:.*:instance\//);
    const regionsWithGlobs = report.obligations.filter((record) => record.obligation.id.startsWith('lost-')).map((record) => record.script);
    expect(regionsWithGlobs.some((script) => script.includes('re.none'))).toBe(true);
  });

  it('tells *:* from * for all strings but not on the catalog', async () => {
    const star = [allowS3('*')];
    const starColon = [allowS3('*:*')];
    expect((await compareStatements(pool(), star, starColon)).verdict).toBe('pass');
    const report = await compareStatements(pool(), star, starColon, { mode: 'equivalent' });
    expect(report.verdict).toBe('fail');
    expect(firstExample(report, 'lost').action).not.toContain(':');
    const catalog = catalogOf({ s3: ['GetObject', 'PutObject'], ec2: ['DescribeInstances'] });
    expect((await compareStatements(pool(), star, starColon, { mode: 'equivalent', scope: 'catalog', catalog })).verdict).toBe('pass');
  });

  it('lists every catalog action gained and lost with the catalog scope', async () => {
    const catalog = catalogOf({ s3: ['GetObject', 'GetObjectAcl', 'PutObject', 'DeleteObject', 'ListBucket'], ec2: ['DescribeInstances'] });
    const report = await compareStatements(pool(), [allowS3(['s3:Get*', 'ec2:DescribeInstances'])], [allowS3(['s3:*'])], { mode: 'equivalent', scope: 'catalog', catalog });
    const [gained, lost] = report.directions;
    expect(gained!.catalogActions).toMatchObject({ complete: true });
    expect(gained!.catalogActions!.actions.map((example) => example.action)).toEqual(['s3:DeleteObject', 's3:ListBucket', 's3:PutObject']);
    expect(lost!.catalogActions!.actions.map((example) => example.action)).toEqual(['ec2:DescribeInstances']);
    expect(report.catalog).toEqual(catalog.identity);
  });

  it('refuses a statement without a resource element, and a Principal', () => {
    const run = (statement: JsonObject): string => inputErrorOf(() => comparisonOf({ old: policyOf([statement], 'old.json'), new: policyOf([allowS3('s3:*')]), oldSource: 'old.json', newSource: 'new.json', mode: 'no-new-access', scope: 'all-strings' }));
    expect(run({ Effect: 'Allow', Action: 's3:*' })).toBe('old.json: Statement[0]: missing "Resource" or "NotResource" (IAM refuses an identity policy statement without one)');
    expect(run({ Effect: 'Allow', Action: 's3:*', Resource: '*', Principal: '*' })).toBe('old.json: Statement[0].Principal: Principal belongs to resource policies; compare reads identity policies');
  });
});
