import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/prove/certificate/manifest.js';
import { ARTICLE, ARTICLE_CATALOG, ARTICLE_LAST_ACCESSED, ARTICLE_POLICY, ARTICLE_UNUSED, ARTICLE_USED } from '../article.js';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const withCatalog = ['--policy', ARTICLE_POLICY, '--catalog', ARTICLE_CATALOG];
const SUMMARY = `iam-refine: unused set derived from ${ARTICLE_LAST_ACCESSED} (last accessed, 90 days to 2024-06-20T10:00:05.033Z): 30 allowed actions unused in 2 services; 56 allowed actions kept only because IAM does not track them\n`;

describe('--unused, --last-accessed, --used: exactly one', () => {
  it.each(['recommend', 'check', 'certify', 'explain'])('%s refuses none or two of them with one line (exit 2)', async (command) => {
    const extra = command === 'check' ? ['--recommended', ARTICLE_POLICY] : command === 'certify' ? ['--out', join(folder.path, 'never')] : [];
    expect(await runCli(command, ...withCatalog, ...extra)).toEqual({ code: 2, stdout: '', stderr: 'error: give exactly one of --unused, --last-accessed and --used (none was given)\n' });
    expect(await runCli(command, ...withCatalog, ...extra, '--unused', ARTICLE_UNUSED, '--used', ARTICLE_USED)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: give exactly one of --unused, --last-accessed and --used (2 were given)\n',
    });
  });

  it('refuses the window options without --last-accessed, and a date that is not one', async () => {
    expect((await runCli('recommend', ...withCatalog, '--used', ARTICLE_USED, '--unused-days', '30')).stderr).toBe('error: --unused-days and --as-of apply to --last-accessed only\n');
    const bad = await runCli('recommend', ...withCatalog, '--last-accessed', ARTICLE_LAST_ACCESSED, '--as-of', 'last tuesday');
    expect({ code: bad.code, lines: bad.stderr.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
  });

  it('bad files are one line naming the file and the JSON path (exit 2)', async () => {
    const inProgress = folder.file('in-progress.json', JSON.stringify({ JobStatus: 'IN_PROGRESS', JobType: 'ACTION_LEVEL', ServicesLastAccessed: [] }));
    expect(await runCli('recommend', ...withCatalog, '--last-accessed', inProgress)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${inProgress}: JobStatus: the job is IN_PROGRESS; run get-service-last-accessed-details again once it is COMPLETED\n`,
    });
    const wildcard = folder.file('used.json', '["lambda:InvokeFunction", "s3:Get*"]');
    expect(await runCli('recommend', ...withCatalog, '--used', wildcard)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${wildcard}: [1]: "s3:Get*" has a wildcard; a used-actions list names each used action ("s3:GetObject")\n`,
    });
  });

  it('an unknown used action is a warning', async () => {
    const used = folder.file('used.txt', `${readFileSync(ARTICLE_USED, 'utf8')}s3:GetNothing\n`);
    const { code, stderr } = await runCli('recommend', ...withCatalog, '--used', used);
    expect({ code, warning: stderr.split('\n').find((line) => line.startsWith('warning:')) }).toEqual({
      code: 0,
      warning: `warning: ${used}: line 62: unknown action "s3:GetNothing" in catalog file sha256:${'098f638212353b6aa5c714c473de90c63349873649f4b6425ac13d8503fccf23'}; it cannot be matched against the policy`,
    });
  });
});

describe('recommend --last-accessed', () => {
  it("prints the article's recommendation and sums up the derivation on stderr", async () => {
    const [derived, given] = [await runCli('recommend', ...withCatalog, '--last-accessed', ARTICLE_LAST_ACCESSED), await runCli('recommend', ...withCatalog, '--unused', ARTICLE_UNUSED)];
    expect(derived).toEqual({ ...given, stderr: SUMMARY });
  });

  it('--format json reports the source, the window, the counts per service and the actions kept only because untracked', async () => {
    const { code, stdout } = await runCli('recommend', ...withCatalog, '--last-accessed', ARTICLE_LAST_ACCESSED, '--unused-days', '90', '--format', 'json');
    const report = JSON.parse(stdout) as { unusedSet: Record<string, unknown> & { untrackedKept: string[]; unused: unknown[] } };
    expect({ code, ...report.unusedSet, untrackedKept: report.unusedSet.untrackedKept.slice(0, 3), unused: report.unusedSet.unused.length }).toEqual({
      code: 0,
      source: { kind: 'last-accessed', file: ARTICLE_LAST_ACCESSED, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown },
      window: { unusedDays: 90, asOf: '2024-06-20T10:00:05.033Z', asOfFrom: 'JobCompletionDate', since: '2024-03-22T10:00:05.033Z' },
      jobType: 'ACTION_LEVEL',
      services: [
        { serviceNamespace: 'lambda', rule: 'actions-judged', lastAuthenticated: '2024-06-20T08:31:02.000Z', allowed: 11, unused: 8, untrackedKept: 2 },
        { serviceNamespace: 's3', rule: 'actions-judged', lastAuthenticated: '2024-06-19T22:10:09.000Z', allowed: 79, unused: 22, untrackedKept: 54 },
      ],
      untrackedKept: ['lambda:InvokeAsync', 'lambda:InvokeFunctionUrl', 's3:GetAccessGrant'],
      unused: 2,
    });
  });
});

describe('certificates of a derived unused set', () => {
  const out = join(folder.path, 'cert');

  it('record the derived set as the unused input, copy the evidence and the derivation; verify-cert derives it again', async () => {
    const certified = await runCli('certify', ...withCatalog, '--last-accessed', ARTICLE_LAST_ACCESSED, '--out', out, '--workers', '1');
    expect({ code: certified.code, stderr: certified.stderr }).toEqual({ code: 0, stderr: SUMMARY });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect({ evidence: manifest.inputs.evidence?.kind, derivation: manifest.derivation }).toEqual({
      evidence: 'last-accessed',
      derivation: { kind: 'last-accessed', evidence: 'inputs/evidence.json', unusedDays: 90, asOf: '2024-06-20T10:00:05.033Z', asOfFrom: 'JobCompletionDate', since: '2024-03-22T10:00:05.033Z' },
    });
    expect(readFileSync(join(out, 'inputs/evidence.json'), 'utf8')).toBe(readFileSync(ARTICLE_LAST_ACCESSED, 'utf8'));
    expect(JSON.parse(readFileSync(join(out, 'inputs/unused.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(ARTICLE_UNUSED, 'utf8')).map((entry: { serviceNamespace: string; actions: string[] }) => ({ ...entry, actions: [...entry.actions].sort() })));
    expect((await runCli('verify-cert', out, '--workers', '1')).code).toBe(0);
  });

  it('verify-cert refuses a certificate whose unused set does not follow from its evidence', async () => {
    const copy = join(folder.path, 'cert-tampered');
    cpSync(out, copy, { recursive: true });
    const manifestFile = join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { derivation: { unusedDays: number } };
    manifest.derivation.unusedDays = 30;
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    expect(await runCli('verify-cert', copy, '--workers', '1')).toEqual({
      code: 1,
      stdout: '',
      stderr: `mismatch: ${copy}/inputs/unused.json: is not the unused set derived from inputs/evidence.json with the recorded derivation\ncertificate ${copy}: INVALID (1 mismatch)\n`,
    });
  });
});

describe('check and explain --used', () => {
  it('check proves the article recommendation given the set derived from the used list', async () => {
    const { code, stderr } = await runCli('check', ...withCatalog, '--used', ARTICLE_USED, '--recommended', `${ARTICLE}recommended.json`, '--workers', '1');
    expect({ code, stderr }).toEqual({ code: 0, stderr: `iam-refine: unused set derived from ${ARTICLE_USED} (used-actions list): 30 allowed actions unused in 2 services\n` });
  });

  it('explain draws the same trees as with the explicit set', async () => {
    const [derived, given] = [await runCli('explain', ...withCatalog, '--used', ARTICLE_USED, '--format', 'tree'), await runCli('explain', ...withCatalog, '--unused', ARTICLE_UNUSED, '--format', 'tree')];
    expect(derived.stdout).toBe(given.stdout);
  });
});

describe('account --last-accessed', () => {
  it("refines the article's account from a folder of Access Advisor responses, as from its finding", async () => {
    const details = join(ARTICLE, '../accounts/article/details.json');
    const fromFinding = await runCli('account', '--details', details, '--findings', join(ARTICLE, '../accounts/article/finding.json'), '--catalog', ARTICLE_CATALOG);
    const fromAdvisor = await runCli('account', '--details', details, '--last-accessed', join(ARTICLE, '../accounts/article/last-accessed'), '--catalog', ARTICLE_CATALOG);
    expect(fromAdvisor).toEqual(fromFinding);
  });

  it('matches a response by its Arn field, and refuses a file it cannot match', async () => {
    const advisor = join(folder.path, 'advisor');
    mkdirSync(advisor);
    const response = JSON.parse(readFileSync(ARTICLE_LAST_ACCESSED, 'utf8')) as Record<string, unknown>;
    writeFileSync(join(advisor, 'anything.json'), JSON.stringify({ ...response, Arn: 'arn:aws:iam::123456789012:role/MyRole' }));
    const details = join(ARTICLE, '../accounts/article/details.json');
    const { code, stdout } = await runCli('account', '--details', details, '--last-accessed', advisor, '--catalog', ARTICLE_CATALOG);
    expect({ code, line: stdout.split('\n')[1] }).toEqual({ code: 0, line: expect.stringMatching(/^role\/MyRole +MyPolicy +inline +create +30 /) as unknown });
    writeFileSync(join(advisor, 'other.json'), JSON.stringify(response));
    expect(await runCli('account', '--details', details, '--last-accessed', advisor, '--catalog', ARTICLE_CATALOG)).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${join(advisor, 'other.json')}: cannot tell which principal this response is for: add an "Arn" field to it, or name the file role-NAME.json or user-NAME.json\n`,
    });
    expect((await runCli('account', '--details', details, '--catalog', ARTICLE_CATALOG)).stderr).toBe('error: give exactly one of --findings and --last-accessed\n');
  });
});
