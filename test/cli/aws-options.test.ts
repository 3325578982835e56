import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/input/json.js';
import { verifyCertificate } from '../../src/prove/certificate/verify.js';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';

// Hand-written from AWS's API reference (corpus/aws-shapes/README.md): a role with three policies.
const SHAPES = 'corpus/aws-shapes/';
const FINDING = `${SHAPES}finding.json`;
const RESPONSE = `${SHAPES}get-finding-recommendation.json`;
const DEV_TOOLS = 'arn:aws:iam::111122223333:policy/DevTools';
const SQS = 'arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const check = (policy: string, ...options: string[]) => runCli('check', '--policy', `${SHAPES}${policy}`, '--unused', FINDING, '--workers', '1', ...options);
const recommendJson = async (policy: string, ...options: string[]) => {
  const run = await runCli('recommend', '--policy', policy, '--unused', FINDING, '--format', 'json', ...options);
  return { ...run, json: JSON.parse(run.stdout) as JsonObject };
};
const stepsOf = (report: JsonObject): JsonObject[] => (report.recommendedSteps as readonly JsonObject[]).map((step) => step.unusedPermissionsRecommendedStep as JsonObject);
/** A report without the fields that tell when it ran. */
const timeless = (report: JsonObject): JsonObject => {
  const { startedAt, completedAt, ...rest } = report;
  expect([typeof startedAt, typeof completedAt]).toEqual(['string', 'string']);
  return rest;
};

describe('check, certify and explain with a real GetFindingRecommendation response', () => {
  it('refuses a response for several policies without --existing-policy-id, listing the ones present (exit 2)', async () => {
    expect(await check('get-policy-version.dev-tools.json', '--recommended', RESPONSE)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${RESPONSE}: recommendedSteps: steps for 3 policies ("${DEV_TOOLS}", "dev-s3", and "${SQS}"): choose one with --existing-policy-id\n`,
    });
  });

  it("judges the chosen policy's CREATE_POLICY step, the policy given as get-policy-version prints it (URL-encoded)", async () => {
    const { code, stdout } = await check('get-policy-version.dev-tools.json', '--recommended', RESPONSE, '--existing-policy-id', DEV_TOOLS);
    expect({ code, verdict: stdout.split('\n').find((line) => line.startsWith('verdict:'))?.slice(0, 16), deny: stdout.includes('statement 1 (NoDeletes): left as written: a Deny statement') }).toEqual({ code: 0, verdict: 'verdict: PROVEN:', deny: true });
  });

  it('judges a DETACH_POLICY step alone as "detach": right when nothing the policy allows is used, refuted otherwise', async () => {
    const sqs = await check('get-policy-version.sqs-read.json', '--recommended', RESPONSE, '--existing-policy-id', SQS);
    const s3 = await check('get-role-policy.dev-s3.json', '--recommended', RESPONSE, '--existing-policy-id', SQS, '--format', 'json');
    const report = JSON.parse(s3.stdout) as { verdict: string; claims: { claim: string; sid?: string; example?: string }[]; statements: Json[] };
    expect({ sqs: sqs.code, s3: s3.code, verdict: report.verdict, refuted: report.claims.map((claim) => [claim.claim, claim.sid, claim.example]), statements: report.statements }).toEqual({
      sqs: 0,
      s3: 1,
      verdict: 'refuted',
      refuted: [['exact', 'ReadArtifacts', 's3:GetAccelerateConfiguration']],
      statements: [{ index: 0, sid: 'ReadArtifacts', effect: 'Allow', fate: 'dropped', reason: 'the recommendation has no statement for it' }],
    });
  });

  it('takes the one CREATE_POLICY step of a one-policy response (the API reference spelling of recommendationType) without --existing-policy-id', async () => {
    const { code } = await check('dev-tools.policy.json', '--recommended', `${SHAPES}get-finding-recommendation.one-policy.json`);
    expect(code).toBe(0);
  });

  it('names an unknown --existing-policy-id with the ones present (exit 2)', async () => {
    const { code, stderr } = await check('dev-tools.policy.json', '--recommended', RESPONSE, '--existing-policy-id', 'dev-tools');
    expect({ code, stderr }).toEqual({ code: 2, stderr: `error: ${RESPONSE}: recommendedSteps: no step for existingPolicyId "dev-tools"; the response has steps for "${DEV_TOOLS}", "dev-s3", "${SQS}"\n` });
  });

  it('certifies the chosen step, records which one, and the certificate re-checks', async () => {
    const out = join(folder.path, 'dev-s3-cert');
    const run = await runCli('certify', '--policy', `${SHAPES}get-role-policy.dev-s3.json`, '--unused', FINDING, '--recommended', RESPONSE, '--existing-policy-id', 'dev-s3', '--out', out, '--workers', '1');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { verdict: string; inputs: { recommended: JsonObject } };
    expect({ code: run.code, verdict: manifest.verdict, recommended: manifest.inputs.recommended.existingPolicyId }).toEqual({ code: 0, verdict: 'proven', recommended: 'dev-s3' });
    const verified = await verifyCertificate(out, { workers: 1 });
    expect(verified.problems).toEqual([]);
  });

  it("explains the chosen step's policy", async () => {
    const { code, stdout, stderr } = await runCli('explain', '--policy', `${SHAPES}get-policy-version.dev-tools.json`, '--unused', FINDING, '--recommended', RESPONSE, '--existing-policy-id', DEV_TOOLS, '--format', 'tree');
    expect({ code, stderr, tree: stdout.includes('codebuild:*') }).toEqual({ code: 0, stderr: '', tree: true });
  });
});

describe('--policy reads aws iam outputs as the bare document', () => {
  it('gives check the same report from get-policy-version (URL-encoded) as from the document', async () => {
    const proofOf = async (policy: string) => {
      const { code, stdout } = await check(policy, '--recommended', RESPONSE, '--existing-policy-id', DEV_TOOLS, '--format', 'json');
      const { timeMs, obligations, ...rest } = JSON.parse(stdout) as JsonObject & { obligations: JsonObject[] };
      expect(typeof timeMs).toBe('number');
      return { code, ...rest, obligations: obligations.map(({ timeMs: _, ...obligation }) => obligation) };
    };
    expect(await proofOf('get-policy-version.dev-tools.json')).toEqual(await proofOf('dev-tools.policy.json'));
  });
});

describe('recommend --format json: a complete GetFindingRecommendation response', () => {
  it("fills resourceArn from the GetFindingV2 input, existingPolicyId and the quota's kind from get-role-policy, and pairs CREATE_POLICY with DETACH_POLICY", async () => {
    const { code, json } = await recommendJson(`${SHAPES}get-role-policy.dev-s3.json`);
    const refinement = json.refinement as JsonObject;
    expect({
      code,
      head: Object.keys(json),
      arn: json.resourceArn,
      status: json.status,
      type: json.recommendationType,
      steps: stepsOf(json).map((step) => [step.recommendedAction, step.existingPolicyId, typeof step.recommendedPolicy]),
      size: { ...(refinement.size as JsonObject), original: undefined, recommended: undefined },
      times: Date.parse(json.completedAt as string) >= Date.parse(json.startedAt as string),
    }).toEqual({
      code: 0,
      head: ['resourceArn', 'status', 'startedAt', 'completedAt', 'recommendationType', 'recommendedSteps', 'refinement'],
      arn: 'arn:aws:iam::111122223333:role/DevRole',
      status: 'SUCCEEDED',
      type: 'UNUSED_PERMISSION_RECOMMENDATION',
      steps: [
        ['CREATE_POLICY', 'dev-s3', 'string'],
        ['DETACH_POLICY', 'dev-s3', 'undefined'],
      ],
      size: { original: undefined, recommended: undefined, policyKind: 'role-inline', quota: 10_240, withinQuota: true },
      times: true,
    });
  });

  it('takes --existing-policy-id and --resource-arn over what the inputs tell, and a policy version its date', async () => {
    const { json } = await recommendJson(`${SHAPES}get-policy-version.dev-tools.json`, '--existing-policy-id', DEV_TOOLS, '--resource-arn', 'arn:aws:iam::111122223333:role/Other');
    expect({ arn: json.resourceArn, steps: stepsOf(json).map(({ recommendedPolicy: _, ...step }) => step) }).toEqual({
      arn: 'arn:aws:iam::111122223333:role/Other',
      steps: [
        { recommendedAction: 'CREATE_POLICY', existingPolicyId: DEV_TOOLS, policyUpdatedAt: '2025-01-15T09:30:00+00:00' },
        { recommendedAction: 'DETACH_POLICY', existingPolicyId: DEV_TOOLS },
      ],
    });
  });

  it('writes DETACH_POLICY alone for a policy of which nothing is used', async () => {
    const { json } = await recommendJson(`${SHAPES}get-policy-version.sqs-read.json`, '--existing-policy-id', SQS);
    expect(json.recommendedSteps).toEqual([{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY', existingPolicyId: SQS } }]);
  });

  it('is byte-identical apart from startedAt and completedAt on the same inputs, and check reads it back', async () => {
    const first = await recommendJson(`${SHAPES}get-role-policy.dev-s3.json`);
    const second = await recommendJson(`${SHAPES}get-role-policy.dev-s3.json`);
    const strip = (text: string): string => text.replace(/"(startedAt|completedAt)": "[^"]*"/g, '"$1": ""');
    expect(strip(second.stdout)).toBe(strip(first.stdout));
    expect(timeless(second.json)).toEqual(timeless(first.json));
    const written = folder.file('dev-s3-response.json', first.stdout);
    expect((await check('get-role-policy.dev-s3.json', '--recommended', written)).code).toBe(0);
  });
});

describe('recommend and the size quota of the policy kind', () => {
  const policy = folder.file('ec2-s3.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ec2:*', 's3:*'], Resource: '*' }] }));
  const unused = folder.file(
    'ec2-s3-unused.json',
    JSON.stringify([
      { serviceNamespace: 'ec2', actions: ['RunInstances', 'TerminateInstances', 'DescribeAccountAttributes', 'CreateVpc', 'DeleteVpc', 'StopInstances'] },
      { serviceNamespace: 's3', actions: ['DeleteObject', 'PutObject', 'GetObject', 'ListBucket', 'CreateBucket'] },
    ]),
  );

  // 11 unused actions in two whole services: the recommendation grows past 6,144 characters.
  it('warns on stderr and in the JSON when the recommendation is over a managed policy quota, saying what to do', async () => {
    const run = await runCli('recommend', '--policy', policy, '--unused', unused, '--format', 'json');
    const refinement = (JSON.parse(run.stdout) as { refinement: { size: JsonObject; warnings: { message: string }[] } }).refinement;
    expect(refinement.size.recommended as number).toBeGreaterThan(6_144);
    expect({ quota: refinement.size.quota, within: refinement.size.withinQuota, warnings: refinement.warnings.map((warning) => warning.message) }).toEqual({
      quota: 6_144,
      within: false,
      warnings: [expect.stringMatching(/^the recommendation is [\d,]+ characters, over the 6,144 of a managed policy; try --granularity char \(the most compact\), or let "iam-refine account" split it/) as string],
    });
    expect(run.stderr).toBe(`warning: ${policy}: ${refinement.warnings[0]!.message}\n`);
  });

  it('measures against the quota --policy-kind names', async () => {
    const run = await runCli('recommend', '--policy', policy, '--unused', unused, '--policy-kind', 'role-inline');
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
