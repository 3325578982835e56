import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import type { Json, JsonObject } from '../../src/input/json.js';
import { printJson } from '../../src/policy/print.js';
import { policySize } from '../../src/policy/size.js';
import { joinParts } from '../../src/policy/split.js';
import type { Manifest } from '../../src/prove/certificate/manifest.js';
import { verifyCertificate } from '../../src/prove/certificate/verify.js';
import { ARTICLE, ARTICLE_CATALOG } from '../article.js';
import { ARTICLE_DETAILS, ARTICLE_FINDING, EXAMPLE_DETAILS, EXAMPLE_FINDINGS, findingFor, readJson, roleExport } from '../account/_support.js';
import { temporaryFolder } from '../support.js';
import { runCli, type Captured } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const readJsonIn = (directory: string, file: string): JsonObject => readJson(join(directory, file)) as JsonObject;
const stepsOf = (report: JsonObject): JsonObject[] => (report.recommendedSteps as readonly JsonObject[]).map((step) => step.unusedPermissionsRecommendedStep as JsonObject);
const policiesOf = (report: JsonObject): JsonObject[] => report.policies as readonly JsonObject[] as JsonObject[];

describe('account command on the article', () => {
  const out = join(folder.path, 'article');
  let run: Captured;
  beforeAll(async () => {
    run = await runCli('account', '--details', ARTICLE_DETAILS, '--findings', ARTICLE_FINDING, '--catalog', ARTICLE_CATALOG, '--prove', '--out', out, '--format', 'json', '--workers', '1');
  });

  it("gives the article's recommendation for MyRole's inline policy, in the Access Analyzer shape, proven", () => {
    const report = readJsonIn(out, 'principals/role-MyRole.json');
    const [step] = stepsOf(report);
    expect({ code: run.code, arn: report.resourceArn, status: report.status, action: step!.recommendedAction, id: step!.existingPolicyId, proof: policiesOf(report)[0]!.proof }).toEqual({
      code: 0,
      arn: 'arn:aws:iam::123456789012:role/MyRole',
      status: 'SUCCEEDED',
      action: 'CREATE_POLICY',
      id: 'MyPolicy',
      proof: { verdict: 'proven', certificate: 'certificates/role-MyRole/inline-MyPolicy' },
    });
    expect(JSON.parse(step!.recommendedPolicy as string) as Json).toEqual(readJson(`${ARTICLE}recommended.json`));
  });

  it('writes the principal, the policy, the certificate and the summary; stdout holds the same JSON as summary.json', () => {
    expect({
      top: readdirSync(out).sort(),
      policies: readdirSync(join(out, 'policies/role-MyRole')),
      certificate: readdirSync(join(out, 'certificates/role-MyRole/inline-MyPolicy')).sort(),
      stdout: JSON.parse(run.stdout) as Json,
    }).toEqual({
      top: ['certificates', 'manifest.json', 'policies', 'principals', 'summary.json', 'summary.txt'],
      policies: ['inline-MyPolicy.json'],
      certificate: ['inputs', 'manifest.json', 'obligations'],
      stdout: readJsonIn(out, 'summary.json'),
    });
    expect(readFileSync(join(out, 'summary.txt'), 'utf8').split('\n').slice(0, 2)).toEqual([
      'principal    policy    kind    outcome  removed  chars before  chars after  quota               proof',
      'role/MyRole  MyPolicy  inline  create   30       444           346          10240 (all inline)  proven',
    ]);
  });

  it('runs again into its own earlier output, and refuses a folder that holds anything else or one of the inputs', async () => {
    const again = await runCli('account', '--details', ARTICLE_DETAILS, '--findings', ARTICLE_FINDING, '--catalog', ARTICLE_CATALOG, '--out', out);
    const inputsFolder = dirname(ARTICLE_DETAILS);
    const holding = await runCli('account', '--details', ARTICLE_DETAILS, '--findings', ARTICLE_FINDING, '--out', inputsFolder);
    const other = folder.file('keep.txt', 'x');
    const busy = await runCli('account', '--details', ARTICLE_DETAILS, '--findings', ARTICLE_FINDING, '--out', folder.path);
    expect({ again: again.code, earlierCertificatesCleared: !existsSync(join(out, 'certificates')), holding: [holding.code, holding.stderr], busy: [busy.code, busy.stderr], kept: existsSync(other) }).toEqual({
      again: 0,
      earlierCertificatesCleared: true,
      holding: [2, `error: ${inputsFolder}: holds the input ${ARTICLE_DETAILS}; iam-refine never writes over what it was given\n`],
      busy: [2, `error: ${folder.path}: exists and is not an "iam-refine account" output; choose a new or empty folder\n`],
      kept: true,
    });
  });
});

describe('account command on the example export', () => {
  const out = join(folder.path, 'example');
  let run: Captured;
  beforeAll(async () => {
    run = await runCli('account', '--details', EXAMPLE_DETAILS, '--findings', ...EXAMPLE_FINDINGS, '--prove', '--out', out);
  });

  it('proves every recommendation and prints the summary table', () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect({ code: run.code, header: lines[0], last: lines.at(-1) }).toEqual({
      code: 0,
      header: 'principal         policy                        kind              outcome                 removed  chars before  chars after  quota               proof',
      last: expect.stringMatching(/^6 principals, 9 policies, \d+ actions removed, 1887 characters before, \d+ after; proofs: 9 of 9 proven \(@cloud-copilot\/iam-data@/) as string,
    });
    expect(lines.filter((line) => /^(skipped|finding):/.test(line))).toEqual([
      'skipped: role/IdleRole: no unused-permission finding: not refined',
      'skipped: user/carol: no unused-permission finding: not refined',
      'skipped: group/auditors: not refined: its policies serve every member, and carol has no unused-permission finding',
      'finding: arn:aws:iam::111122223333:role/IdleRole: unused role: the role itself was not used; consider deleting it',
      'finding: arn:aws:iam::111122223333:user/bob: unused access key: consider deactivating it',
    ]);
  });

  it('writes one JSON per refined principal and one certificate per proven policy, each re-checkable', async () => {
    expect(readdirSync(join(out, 'principals')).sort()).toEqual(['group-developers.json', 'role-AppRole.json', 'role-BatchRole.json', 'role-ReportsRole.json', 'user-alice.json', 'user-bob.json']);
    const proofs = readdirSync(join(out, 'principals')).flatMap((file) =>
      policiesOf(readJsonIn(out, `principals/${file}`)).flatMap((policy) => (policy.proof === undefined ? [] : [[policy.policyName, (policy.proof as JsonObject).verdict]])),
    );
    expect(proofs.length).toBe(9);
    expect(proofs.every(([, verdict]) => verdict === 'proven')).toBe(true);
    const verified = await verifyCertificate(join(out, 'certificates/role-BatchRole/managed-AmazonS3ReadOnlyAccess'), { workers: 1 });
    expect(verified).toEqual({ problems: [], verdict: 'proven', obligations: expect.any(Number) as number });
  });
});

describe('account command with a policy over its quota', () => {
  const catalog = loadPinnedCatalog();
  const [from, to] = catalog.rangeWithPrefix('ec2:');
  const unused = catalog.actions.slice(from, to).filter((_, index) => index % 2 === 0).map((action) => action.slice('ec2:'.length));
  const ec2All = { name: 'Ec2All', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] } };
  const details = folder.file('big-details.json', JSON.stringify(roleExport('NetRole', [], [ec2All])));
  const findings = folder.file('big-finding.json', JSON.stringify(findingFor('NetRole', { ec2: unused })));
  const out = join(folder.path, 'big');
  let run: Captured;
  beforeAll(async () => {
    run = await runCli('account', '--details', details, '--findings', findings, '--prove', '--out', out);
  });

  it('splits it into parts under the quota and proves them joined as one policy', () => {
    const report = readJsonIn(out, 'principals/role-NetRole.json');
    const [section] = policiesOf(report);
    const files = section!.files as readonly string[];
    const parts = files.map((file) => readJsonIn(out, file));
    const joined = printJson(joinParts({ parts, origins: section!.splitStatements as readonly (readonly number[])[] }, parts[0]!));
    const manifest = readJsonIn(out, 'certificates/role-NetRole/managed-Ec2All/manifest.json') as unknown as Manifest;
    expect({
      code: run.code,
      outcome: section!.outcome,
      parts: files.length > 1,
      underQuota: parts.every((part) => policySize(part) <= 6144),
      steps: stepsOf(report).filter((step) => step.recommendedAction === 'CREATE_POLICY').map((step) => JSON.parse(step.recommendedPolicy as string) as Json),
      certified: readFileSync(join(out, 'certificates/role-NetRole/managed-Ec2All/inputs/recommended.json'), 'utf8'),
      verdict: manifest.verdict,
    }).toEqual({ code: 0, outcome: 'split', parts: true, underQuota: true, steps: parts, certified: joined, verdict: 'proven' });
  });
});

describe('account command: bad input', () => {
  it('names the file and the JSON path, exit 2', async () => {
    const bad = folder.file('bad-details.json', JSON.stringify({ RoleDetailList: [{ RoleName: 'R', Arn: 'arn:aws:iam::1:role/R', RolePolicyList: [{ PolicyName: 'p', PolicyDocument: '%7B' }] }] }));
    const result = await runCli('account', '--details', bad, '--findings', ARTICLE_FINDING);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: expect.stringMatching(new RegExp(`^error: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: RoleDetailList\\[0\\]\\.RolePolicyList\\[0\\]\\.PolicyDocument: the decoded policy document is not valid JSON: [^\\n]+\\n$`)) as string,
    });
    const missing = await runCli('account', '--details', ARTICLE_DETAILS, '--findings', join(folder.path, 'nope.json'));
    expect([missing.code, missing.stderr]).toEqual([2, `error: ${join(folder.path, 'nope.json')}: no such file\n`]);
  });
});

describe('account command on several accounts (an organization)', () => {
  const out = join(folder.path, 'organization');
  const exportsFolder = join(folder.path, 'exports');
  let run: Captured;
  beforeAll(async () => {
    // A folder of exports: read in name order, as the files in it.
    mkdirSync(exportsFolder);
    for (const [name, file] of [
      ['a-example.json', EXAMPLE_DETAILS],
      ['b-article.json', ARTICLE_DETAILS],
    ] as const) writeFileSync(join(exportsFolder, name), readFileSync(file, 'utf8'));
    run = await runCli('account', '--details', exportsFolder, '--findings', ...EXAMPLE_FINDINGS, ARTICLE_FINDING, '--prove', '--out', out, '--workers', '1');
  });

  it('keeps every account apart in --out, each in the layout of one account, with the organization summary at the top', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['accounts', 'manifest.json', 'summary.json', 'summary.txt']);
    expect(readdirSync(join(out, 'accounts')).sort()).toEqual(['111122223333', '123456789012']);
    expect(readdirSync(join(out, 'accounts/123456789012')).sort()).toEqual(['certificates', 'policies', 'principals', 'summary.json', 'summary.txt']);
    expect(readdirSync(join(out, 'accounts/111122223333/principals')).sort()).toEqual(['group-developers.json', 'role-AppRole.json', 'role-BatchRole.json', 'role-ReportsRole.json', 'user-alice.json', 'user-bob.json']);
    const summary = readJsonIn(out, 'summary.json');
    const accounts = summary.accounts as readonly JsonObject[];
    expect(accounts.map((account) => [account.account, (account.summary as JsonObject).principals, (account.summary as JsonObject).proven])).toEqual([
      ['111122223333', 6, 9],
      ['123456789012', 1, 1],
    ]);
    expect(summary.summary).toEqual(expect.objectContaining({ principals: 7, policies: 10, proven: 10, proofs: 10 }));
  });

  it("gives each account only its own findings, and prints a table per account and the organization's totals", () => {
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`account 111122223333 (${join(exportsFolder, 'a-example.json')})`);
    expect(lines).toContain(`account 123456789012 (${join(exportsFolder, 'b-article.json')})`);
    expect(lines.filter((line) => line.startsWith('finding:'))).toHaveLength(2);
    expect(lines.at(-1)).toMatch(/^organization: 2 accounts, 7 principals, 10 policies, \d+ actions removed, 2331 characters before, \d+ after; proofs: 10 of 10 proven$/);
  });

  it('refuses the same account twice, and --last-accessed with several accounts', async () => {
    const twice = await runCli('account', '--details', EXAMPLE_DETAILS, EXAMPLE_DETAILS, '--findings', ...EXAMPLE_FINDINGS);
    expect([twice.code, twice.stderr]).toEqual([2, `error: ${EXAMPLE_DETAILS}: is account 111122223333 too, as ${EXAMPLE_DETAILS}: give each account once\n`]);
    const lastAccessed = `${dirname(ARTICLE_DETAILS)}/last-accessed`;
    const several = await runCli('account', '--details', EXAMPLE_DETAILS, ARTICLE_DETAILS, '--last-accessed', lastAccessed);
    expect([several.code, several.stderr]).toEqual([2, `error: ${lastAccessed}: --last-accessed takes the responses of one account: give one --details with it\n`]);
  });
});
