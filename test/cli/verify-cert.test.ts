import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/prove/check.js';
import { checkInputOf } from '../../src/prove/certificate/sources.js';
import { writeCertificate } from '../../src/prove/certificate/write.js';
import { temporaryFolder } from '../support.js';
import { smallSources } from '../prove/_support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
const PROVEN = join(folder.path, 'proven');
let obligations = 0;

/** Certifies the small inputs through the library. */
async function certify(out: string): Promise<number> {
  const sources = smallSources();
  const report = await check(checkInputOf(sources), { workers: 1 });
  writeCertificate(out, sources, report);
  return report.obligations.length;
}

beforeAll(async () => {
  obligations = await certify(PROVEN);
});
afterAll(() => folder.remove());

/** A fresh copy of the proven certificate to tamper with. */
function copyOf(name: string): string {
  const copy = join(folder.path, name);
  cpSync(PROVEN, copy, { recursive: true });
  return copy;
}

describe('verify-cert command', () => {
  it('exits 0 on a fresh certificate, saying how many obligations it re-solved', async () => {
    expect(await runCli('verify-cert', PROVEN, '--workers', '1')).toEqual({ code: 0, stdout: `certificate ${PROVEN}: valid; ${obligations} obligations re-solved; verdict PROVEN\n`, stderr: '' });
  });

  it('exits 1 naming the obligation file that was changed', async () => {
    const copy = copyOf('changed-smt2');
    const file = join(copy, 'obligations', 's0-exact-ec2..s3.smt2');
    writeFileSync(file, readFileSync(file, 'utf8').replace('(check-sat)', '(assert true)\n(check-sat)'));
    expect(await runCli('verify-cert', copy, '--workers', '1')).toEqual({
      code: 1,
      stdout: '',
      stderr: `mismatch: ${copy}/obligations/s0-exact-ec2..s3.smt2: changed file (its sha256 differs from the manifest)\ncertificate ${copy}: INVALID (1 mismatch)\n`,
    });
  });

  it('--format json: the same shape for a valid and an invalid certificate, with the exit code of the text format', async () => {
    const valid = await runCli('verify-cert', PROVEN, '--workers', '1', '--format', 'json');
    const copy = copyOf('changed-input-json');
    writeFileSync(join(copy, 'inputs', 'unused.json'), '[]');
    const invalid = await runCli('verify-cert', copy, '--workers', '1', '--format', 'json');
    expect([valid.code, JSON.parse(valid.stdout), valid.stderr, invalid.code, JSON.parse(invalid.stdout)]).toEqual([
      0,
      { certificate: PROVEN, solver: 'wasm', valid: true, verdict: 'proven', obligations, problems: [] },
      '',
      1,
      { certificate: copy, solver: 'wasm', valid: false, verdict: null, obligations, problems: ['inputs/unused.json: changed input (its sha256 differs from the manifest)'] },
    ]);
  });

  it('exits 1 naming the input copy that was changed', async () => {
    const copy = copyOf('changed-input');
    writeFileSync(join(copy, 'inputs', 'unused.json'), '[]');
    expect(await runCli('verify-cert', copy)).toEqual({
      code: 1,
      stdout: '',
      stderr: `mismatch: ${copy}/inputs/unused.json: changed input (its sha256 differs from the manifest)\ncertificate ${copy}: INVALID (1 mismatch)\n`,
    });
  });

  it('exits 2 for a folder that is not a certificate', async () => {
    const empty = join(folder.path, 'empty');
    mkdirSync(empty);
    expect(await runCli('verify-cert', empty)).toEqual({ code: 2, stdout: '', stderr: `error: ${empty}: not a certificate: no manifest.json\n` });
  });

  it('exits 2 for a manifest of another format', async () => {
    const copy = copyOf('format');
    const manifest = join(copy, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"iam-refine-certificate/1"', '"iam-refine-certificate/0"'));
    expect(await runCli('verify-cert', copy)).toEqual({ code: 2, stdout: '', stderr: `error: ${manifest}: format: expected "iam-refine-certificate/1"\n` });
  });

  it('exits 2 for --workers abc', async () => {
    expect((await runCli('verify-cert', PROVEN, '--workers', 'abc')).code).toBe(2);
  });
});
