import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recheckCertificate, recheckExitCode } from '../../src/prove/certificate/recheck.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED, ARTICLE } from '../article.js';
import { editManifest, readManifest } from '../prove/_support.js';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';

const hasZ3 = spawnSync('which', ['z3']).status === 0;
const hasCvc5 = spawnSync('which', ['cvc5']).status === 0;
if (!hasZ3) console.warn("verify-cert-recheck.test.ts: Debian's z3 is not on PATH (apt-get install z3): the z3-native re-check tests are skipped");
if (!hasCvc5) console.warn('verify-cert-recheck.test.ts: cvc5 is not on PATH (apt-get install cvc5): the cvc5 re-check tests are skipped');

const folder = temporaryFolder();
/** The article's certificate on the 2024 catalog (proven), and the article's own recommendation on today's (refuted). */
const PROVEN = join(folder.path, 'proven');
const REFUTED = join(folder.path, 'refuted');
afterAll(() => folder.remove());

let copies = 0;
function copyOf(directory: string): string {
  const copy = join(folder.path, `copy-${++copies}`);
  cpSync(directory, copy, { recursive: true });
  return copy;
}

describe.skipIf(!hasZ3)('verify-cert --solver z3-native|cvc5 (the independent re-check)', () => {
  beforeAll(async () => {
    // Made with the native solver too: no WebAssembly start-up in this file.
    const article = ['--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--solver', 'z3-native', '--workers', '2'];
    expect((await runCli('certify', ...article, '--catalog', ARTICLE_CATALOG, '--out', PROVEN)).code).toBe(0);
    expect((await runCli('certify', ...article, '--recommended', `${ARTICLE}recommended.json`, '--out', REFUTED)).code).toBe(1);
  });

  it("agrees with every answer of the article's certificate: exit 0", async () => {
    const files = readManifest(PROVEN).obligations.length;
    expect(await runCli('verify-cert', PROVEN, '--solver', 'z3-native', '--workers', '2')).toEqual({
      code: 0,
      stdout: expect.stringMatching(new RegExp(`^certificate ${PROVEN}: AGREES with z3 \\d+\\.\\d+\\.\\d+ \\(native\\): ${files} files re-solved, ${files} decided, ${files} agree, 0 disagree, 0 undecided\\n$`)) as string,
      stderr: '',
    });
  });

  it('agrees with a refuted certificate too: its refuted files answer what the manifest records, not their :status', async () => {
    const report = await recheckCertificate(REFUTED, { solver: 'z3-native', workers: 2 });
    expect(report.files.some((file) => file.recorded !== readManifest(REFUTED).obligations.find((entry) => entry.file === file.file)!.expected)).toBe(true);
    expect({ agree: report.agree, decided: report.decided, code: recheckExitCode(report) }).toEqual({ agree: report.files.length, decided: report.files.length, code: 0 });
  });

  it('names a changed file (its sha256) and an unlisted one, and solves neither: exit 1', async () => {
    const copy = copyOf(PROVEN);
    const file = join(copy, 'obligations', 's1-safety-lambda..s3.smt2');
    writeFileSync(file, readFileSync(file, 'utf8').replace('(check-sat)', '(assert true)\n(check-sat)'));
    writeFileSync(join(copy, 'obligations', 'extra.smt2'), '(check-sat)\n');
    const { code, stdout } = await runCli('verify-cert', copy, '--solver', 'z3-native', '--workers', '2');
    expect({ code, lines: stdout.split('\n').slice(0, 2) }).toEqual({
      code: 1,
      lines: [`mismatch: ${copy}/obligations/extra.smt2: not part of the certificate`, `mismatch: ${copy}/obligations/s1-safety-lambda..s3.smt2: changed file (its sha256 differs from the manifest)`],
    });
    // Every listed file but the changed one (the article's catalog is one part, lambda..s3: 9 files).
    const others = readManifest(copy).obligations.length - 1;
    expect(others).toBe(8);
    expect(stdout).toMatch(new RegExp(`DISAGREES with z3 .*: ${others} files re-solved, ${others} decided, ${others} agree, 0 disagree, 0 undecided, 2 file problems\n$`));
  });

  it('names a file whose answer is not the recorded one: exit 1, in JSON too', async () => {
    const copy = copyOf(PROVEN);
    editManifest(copy, (manifest) => {
      manifest.obligations.find((entry) => entry.file === 'obligations/s1-exact-lambda..s3.smt2')!.actual = 'sat';
    });
    const { code, stdout } = await runCli('verify-cert', copy, '--solver', 'z3-native', '--format', 'json');
    const report = JSON.parse(stdout) as { result: string; disagreements: string[]; agree: number; decided: number };
    expect({ code, result: report.result, disagreements: report.disagreements, missing: report.decided - report.agree }).toEqual({ code: 1, result: 'disagrees', disagreements: ['obligations/s1-exact-lambda..s3.smt2'], missing: 1 });
  });

  it('refuses a manifest entry outside obligations/ without running anything on it', async () => {
    const copy = copyOf(PROVEN);
    editManifest(copy, (manifest) => {
      manifest.obligations[0]!.file = '../../etc/passwd';
    });
    const report = await recheckCertificate(copy, { solver: 'z3-native' });
    expect(report.problems).toContain('../../etc/passwd: not a file name inside obligations/');
  });

  it('counts and lists what the solver could not decide: exit 3', async () => {
    // A "z3" that answers unknown to everything, and one that refuses every file.
    const fake = (name: string, body: string): string => {
      const path = join(folder.path, name);
      writeFileSync(path, `#!/bin/sh\nif [ "$1" = --version ]; then echo "Z3 version 9.9.9 - fake"; exit 0; fi\n${body}\n`);
      chmodSync(path, 0o755);
      return path;
    };
    const unknown = await recheckCertificate(PROVEN, { solver: 'z3-native', binary: fake('unknown-z3', 'echo unknown') });
    const refusing = await recheckCertificate(PROVEN, { solver: 'z3-native', binary: fake('refusing-z3', 'echo \'(error "line 9 column 3: unsupported construct")\'; exit 1') });
    const files = unknown.files.length;
    expect([unknown, refusing].map((report) => ({ decided: report.decided, undecided: report.undecided.length, code: recheckExitCode(report), answer: report.undecided[0]!.answer, detail: report.undecided[0]!.detail }))).toEqual([
      { decided: 0, undecided: files, code: 3, answer: 'unknown', detail: undefined },
      { decided: 0, undecided: files, code: 3, answer: 'error', detail: 'line 9 column 3: unsupported construct' },
    ]);
  });

  it.skipIf(!hasCvc5)('agrees with cvc5 on both certificates, the refuted one included (cvc5 aborts on a wrong :status)', async () => {
    // One after the other: runCli captures the process's own stdout.
    const results = [await runCli('verify-cert', PROVEN, '--solver', 'cvc5', '--workers', '2'), await runCli('verify-cert', REFUTED, '--solver', 'cvc5', '--workers', '2')];
    expect(results.map(({ code, stdout }) => ({ code, agrees: /: AGREES with cvc5 \d+\.\d+\.\d+ \(native\): (\d+) files re-solved, \1 decided, \1 agree, 0 disagree, 0 undecided\n$/.test(stdout) }))).toEqual([
      { code: 0, agrees: true },
      { code: 0, agrees: true },
    ]);
  });
});

describe('--solver', () => {
  it('accepts only the back ends there are, as a usage error (exit 2)', async () => {
    const [check, verify] = [await runCli('check', '--solver', 'z4', '--policy', 'p', '--unused', 'u', '--recommended', 'r'), await runCli('verify-cert', folder.path, '--solver', 'z3')];
    expect([check.code, verify.code]).toEqual([2, 2]);
    expect(check.stderr).toMatch(/Allowed choices are wasm, z3-native\./);
    expect(verify.stderr).toMatch(/Allowed choices are wasm, z3-native, cvc5\./);
  });
});
