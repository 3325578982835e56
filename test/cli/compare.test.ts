import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';
import { sarifSchemaErrors } from '../report/_sarif-schema.js';

const hasZ3 = spawnSync('which', ['z3']).status === 0;
if (!hasZ3) console.warn("compare.test.ts: Debian's z3 is not on PATH (apt-get install z3): the z3-native runs are skipped");

const folder = temporaryFolder();
afterAll(() => folder.remove());
const policy = (statements: unknown): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const OLD = folder.file(
  'old.json',
  policy([
    { Sid: 'Read', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: 'arn:aws:s3:::bucket/*' },
    { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/secret/*' },
  ]),
);
const NARROWER = folder.file('narrower.json', policy([{ Effect: 'Allow', Action: 's3:GetObjectTagging', Resource: 'arn:aws:s3:::bucket/public/*' }]));
const WIDER = folder.file('wider.json', policy([{ Sid: 'All', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::bucket/*' }]));
const SMALL_CATALOG = folder.file('catalog.json', JSON.stringify({ s3: ['GetObject', 'GetObjectTagging', 'ListBucket', 'PutObject'] }));
const SETTINGS = ['--workers', '2'];

describe('iam-refine compare', () => {
  it('passes a narrower policy with exit 0', async () => {
    const result = await runCli('compare', '--old', OLD, '--new', NARROWER, ...SETTINGS);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PASS: no requests new allows and old does not (proven)');
    expect(result.stdout).toMatch(/^verdict: PASS: 1 obligation in [0-9.]+ s on 2 workers/m);
  });

  it('fails a wider one with exit 1, a counterexample, the statement that grants it and the one it escapes', async () => {
    const result = await runCli('compare', '--old', OLD, '--new', WIDER, ...SETTINGS);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL: requests new allows and old does not:');
    expect(result.stdout).toMatch(/granted by new statement 0 \("All"\)/);
    const json = JSON.parse((await runCli('compare', '--old', OLD, '--new', WIDER, '--format', 'json', ...SETTINGS)).stdout) as { verdict: string; directions: { counterexamples: { action: string; resource: string; escapes?: { label: string } }[] }[] };
    expect(json.verdict).toBe('fail');
    const examples = json.directions[0]!.counterexamples;
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const action = example.action.toLowerCase();
      // Either PutObject (no old statement allows it) or GetObject under secret/ (the old Deny).
      if (action === 's3:getobject') {
        expect(example.resource.startsWith('arn:aws:s3:::bucket/secret/')).toBe(true);
        expect(example.escapes?.label).toBe('statement 1 ("NoSecrets")');
      } else expect(action).toBe('s3:putobject');
    }
  });

  it('writes SARIF 2.1.0: a result per counterexample at the granting statement of the new file, none for a pass', async () => {
    const failed = await runCli('compare', '--old', OLD, '--new', WIDER, '--format', 'sarif', ...SETTINGS);
    const passed = await runCli('compare', '--old', OLD, '--new', NARROWER, '--format', 'sarif', ...SETTINGS);
    const notGranted = await runCli('check-not-granted', '--policy', WIDER, '--actions', 's3:PutObject', '--format', 'sarif', ...SETTINGS);
    type Log = { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] };
    const [fail, pass, granted] = [failed, passed, notGranted].map((result) => JSON.parse(result.stdout) as Log);
    expect([failed.code, passed.code, notGranted.code]).toEqual([1, 0, 1]);
    for (const log of [fail, pass, granted]) expect(sarifSchemaErrors(log)).toEqual([]);
    const results = fail!.runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect([result.ruleId, result.level]).toEqual(['no-new-access', 'error']);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/wider\.json$/);
      expect(result.locations[0]!.physicalLocation.region?.startLine).toBe(1);
    }
    expect(pass!.runs[0]!.results).toEqual([]);
    expect(granted!.runs[0]!.results.map((result) => result.ruleId)).toEqual(['access-not-granted']);
  });

  it('lists the catalog actions gained and lost with --scope catalog --mode equivalent', async () => {
    const result = await runCli('compare', '--old', OLD, '--new', WIDER, '--mode', 'equivalent', '--scope', 'catalog', '--catalog', SMALL_CATALOG, ...SETTINGS);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/catalog actions gained \(new allows, old does not\): 2\n {2}s3:GetObject {2}on "arn:aws:s3:::bucket\/secret\/[^"]*".*\n {2}s3:PutObject /);
    expect(result.stdout).toMatch(/catalog actions lost \(old allows, new does not\): 2\n {2}s3:GetObjectTagging .*\n {2}s3:ListBucket /);
  });

  it('writes a certificate that verify-cert re-checks, in WebAssembly and with native z3, and names a changed file', async () => {
    const out = join(folder.path, 'cert');
    const made = await runCli('compare', '--old', OLD, '--new', WIDER, '--mode', 'equivalent', '--certify', out, ...SETTINGS);
    expect(made.code).toBe(1);
    expect(made.stdout).toMatch(/certificate: .*cert \(\d+ obligations\)/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { format: string; obligations: { file: string; pinned?: string[]; actual: string }[] };
    expect(manifest.format).toBe('iam-refine-certificate/compare-1');
    expect(manifest.obligations.some((entry) => entry.actual === 'sat')).toBe(true);
    const verified = await runCli('verify-cert', out, ...SETTINGS);
    expect(verified.stdout).toMatch(/^certificate .*cert: valid; \d+ obligations re-solved; verdict FAIL\n$/);
    expect(verified.code).toBe(1);
    if (hasZ3) {
      const native = await runCli('verify-cert', out, '--solver', 'z3-native', ...SETTINGS);
      expect(native.stdout).toMatch(/AGREES with z3 [0-9.]+ \(native\)/);
      expect(native.code).toBe(0);
    }
    const file = join(out, manifest.obligations[0]!.file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('(check-sat)', '(assert false)\n(check-sat)'));
    const broken = await runCli('verify-cert', out, ...SETTINGS);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${manifest.obligations[0]!.file}: changed file (its sha256 differs from the manifest)`);
  });

  it('certifies a PASS that both re-checks accept with exit 0', async () => {
    const out = join(folder.path, 'pass');
    expect((await runCli('compare', '--old', OLD, '--new', NARROWER, '--certify', out, ...SETTINGS)).code).toBe(0);
    expect((await runCli('verify-cert', out, ...SETTINGS)).stdout).toMatch(/valid; 1 obligations re-solved; verdict PASS/);
    if (hasZ3) expect((await runCli('verify-cert', out, '--solver', 'z3-native')).code).toBe(0);
  });

  it('runs on native z3 with --solver z3-native', async () => {
    if (!hasZ3) return;
    const result = await runCli('compare', '--old', OLD, '--new', WIDER, '--solver', 'z3-native', ...SETTINGS);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\(z3 [0-9.]+ \(native\)\)\n$/);
  });

  it('refuses bad input with exit 2 and one line', async () => {
    const noResource = folder.file('no-resource.json', policy([{ Effect: 'Allow', Action: 's3:*' }]));
    expect(await runCli('compare', '--old', noResource, '--new', WIDER)).toEqual({ code: 2, stdout: '', stderr: `error: ${noResource}: Statement[0]: missing "Resource" or "NotResource" (IAM refuses an identity policy statement without one)\n` });
    const notJson = folder.file('not-json.json', '{');
    const result = await runCli('compare', '--old', OLD, '--new', notJson);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect((await runCli('compare', '--old', OLD, '--new', WIDER, '--format', 'xml')).code).toBe(2);
  });
});

describe('iam-refine check-not-granted', () => {
  it('proves listed actions are not granted (exit 0), and refutes a granted one (exit 1) with the statement', async () => {
    const pass = await runCli('check-not-granted', '--policy', OLD, '--actions', 's3:PutObject,iam:*', ...SETTINGS);
    expect(pass.code).toBe(0);
    expect(pass.stdout).toContain('PASS: none of them is allowed (proven)');
    const fail = await runCli('check-not-granted', '--policy', OLD, '--actions', 's3:Get*', ...SETTINGS);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/FAIL: the policy allows listed requests:\n {2}s3:get\S* on "arn:aws:s3:::bucket\/[^"]*": allowed\n {4}granted by statement 0 \("Read"\)/i);
  });

  it('restricts to the listed resources', async () => {
    expect((await runCli('check-not-granted', '--policy', OLD, '--actions', 's3:GetObject', '--resources', 'arn:aws:s3:::bucket/secret/*,arn:aws:s3:::other/*', ...SETTINGS)).code).toBe(0);
    expect((await runCli('check-not-granted', '--policy', OLD, '--actions', 's3:GetObject', '--resources', 'arn:aws:s3:::bucket/*', ...SETTINGS)).code).toBe(1);
  });

  it('refuses a malformed action list with exit 2', async () => {
    const result = await runCli('check-not-granted', '--policy', OLD, '--actions', 'GetObject');
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'error: --actions: "GetObject" is not an action pattern (expected "service:action" or "*")\n' });
  });
});
