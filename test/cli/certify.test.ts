import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/prove/certificate/manifest.js';
import { TOOL_VERSION } from '../../src/version.js';
import { ARTICLE, ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';
import { temporaryFolder } from '../support.js';
import { writeSmallInputs, type InputFiles } from '../prove/_support.js';
import type { Captured } from './capture.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const SMALL = writeSmallInputs(folder, 'small');

/** `iam-refine certify` of the small inputs into `out`, with more options. */
const certifySmall = (out: string, ...options: string[]) =>
  runCli('certify', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--out', out, '--workers', '1', ...options);

const manifestOf = (out: string): Manifest => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
const read = (path: string): string => readFileSync(path, 'utf8');

/** The certificate of the small inputs with their recommendation given, written once. */
const GIVEN = join(folder.path, 'given');
let given: Captured;
beforeAll(async () => {
  given = await certifySmall(GIVEN, '--recommended', SMALL.recommended);
});

describe('certify command', () => {
  it('writes a certificate folder and prints the verdict table and where it went', () => {
    const manifest = manifestOf(GIVEN);
    const lines = given.stdout.split('\n');
    expect({
      code: given.code,
      stderr: given.stderr,
      header: lines[0],
      last: lines.slice(-3),
      folder: readdirSync(GIVEN).sort(),
      inputs: readdirSync(join(GIVEN, 'inputs')).sort(),
      obligations: readdirSync(join(GIVEN, 'obligations')).sort(),
    }).toEqual({
      code: 0,
      stderr: '',
      header: '  stmt  claim                   verdict  obligations  witness / counterexample',
      last: [expect.stringMatching(/^verdict: PROVEN: /) as string, `certificate: ${GIVEN} (${manifest.obligations.length} obligations)`, ''],
      folder: ['inputs', 'manifest.json', 'obligations'],
      inputs: ['catalog.json', 'policy.json', 'recommended.json', 'unused.json'],
      obligations: manifest.obligations.map((entry) => entry.file.slice('obligations/'.length)).sort(),
    });
  });

  it('--format json: the check report with the certificate folder, and the same certificate', async () => {
    const out = join(folder.path, 'as-json');
    const { code, stdout, stderr } = await certifySmall(out, '--recommended', SMALL.recommended, '--format', 'json');
    const report = JSON.parse(stdout) as { certificate: string; verdict: string; obligations: unknown[] };
    expect({ code, stderr, certificate: report.certificate, verdict: report.verdict, obligations: report.obligations.length, manifest: manifestOf(out).obligations.length }).toEqual({
      code: 0,
      stderr: '',
      certificate: out,
      verdict: 'proven',
      obligations: manifestOf(GIVEN).obligations.length,
      manifest: manifestOf(GIVEN).obligations.length,
    });
  });

  it('copies every input byte for byte and records a given recommendation as given', () => {
    const names: readonly (keyof InputFiles)[] = ['policy', 'unused', 'recommended', 'catalog'];
    expect({ copies: names.map((name) => read(join(GIVEN, 'inputs', `${name}.json`))), by: manifestOf(GIVEN).inputs.recommended.by }).toEqual({
      copies: names.map((name) => read(SMALL[name])),
      by: 'given',
    });
  });

  it("certifies iam-refine's own recommendation without --recommended", async () => {
    const out = join(folder.path, 'own');
    const { code } = await runCli('certify', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--out', out, '--workers', '1');
    const manifest = manifestOf(out);
    expect({ code, by: manifest.inputs.recommended.by, verdict: manifest.verdict, recommended: read(join(out, 'inputs', 'recommended.json')) }).toEqual({
      code: 0,
      by: `iam-refine ${TOOL_VERSION}`,
      verdict: 'proven',
      recommended: read(`${ARTICLE}recommended.json`),
    });
  });

  it('replaces an earlier certificate, and refuses one that holds a file its manifest does not list', async () => {
    const out = join(folder.path, 'again');
    cpSync(GIVEN, out, { recursive: true });
    writeFileSync(join(out, 'manifest.json'), read(join(out, 'manifest.json')).replace('"timeMs"', '"note": "earlier", "timeMs"'));
    const { code } = await certifySmall(out, '--recommended', SMALL.recommended);
    expect({ code, obligations: readdirSync(join(out, 'obligations')).sort(), earlier: read(join(out, 'manifest.json')).includes('earlier') }).toEqual({
      code: 0,
      obligations: readdirSync(join(GIVEN, 'obligations')).sort(),
      earlier: false,
    });
    writeFileSync(join(out, 'obligations', 'stale.smt2'), '(check-sat)\n');
    const refused = await certifySmall(out, '--recommended', SMALL.recommended);
    expect({ refused, stale: read(join(out, 'obligations', 'stale.smt2')) }).toEqual({
      refused: { code: 2, stdout: '', stderr: `error: ${out}: holds obligations/stale.smt2, which is not part of an iam-refine certificate (its manifest.json does not list it); choose a new or empty folder\n` },
      stale: '(check-sat)\n',
    });
  });

  it('refuses, with exit 2, an --out folder that is not a certificate, and leaves it as it was', async () => {
    const out = join(folder.path, 'documents');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    expect({ run: await certifySmall(out, '--recommended', SMALL.recommended), folder: readdirSync(out), notes: read(join(out, 'notes.txt')) }).toEqual({
      run: { code: 2, stdout: '', stderr: `error: ${out}: exists and is not an iam-refine certificate; choose a new or empty folder\n` },
      folder: ['notes.txt'],
      notes: 'mine',
    });
  });

  // Regression (was a bug): a folder whose entries were named manifest.json, inputs/ and obligations/ was taken for a certificate and cleared, the inputs included.
  it('refuses the folders of the report: a foreign manifest beside notes, and one holding the inputs themselves', async () => {
    const victim = join(folder.path, 'victim');
    mkdirSync(join(victim, 'inputs'), { recursive: true });
    writeFileSync(join(victim, 'manifest.json'), '{"name":"my web app"}\n');
    writeFileSync(join(victim, 'inputs', 'notes.txt'), 'notes\n');
    const v2 = join(folder.path, 'v2');
    mkdirSync(join(v2, 'inputs'), { recursive: true });
    writeFileSync(join(v2, 'manifest.json'), '{}');
    const policy = join(v2, 'inputs', 'my-policy.json');
    const unused = join(v2, 'inputs', 'my-unused.json');
    writeFileSync(policy, read(SMALL.policy));
    writeFileSync(unused, read(SMALL.unused));
    const first = await certifySmall(victim);
    const second = await runCli('certify', '--policy', policy, '--unused', unused, '--catalog', SMALL.catalog, '--out', v2, '--workers', '1');
    expect({ first, second, notes: read(join(victim, 'inputs', 'notes.txt')), manifest: read(join(victim, 'manifest.json')), inputs: [read(policy), read(unused)] }).toEqual({
      first: { code: 2, stdout: '', stderr: `error: ${victim}: exists and is not an iam-refine certificate; choose a new or empty folder\n` },
      second: { code: 2, stdout: '', stderr: `error: ${v2}: holds the input ${policy}; iam-refine never writes over what it was given\n` },
      notes: 'notes\n',
      manifest: '{"name":"my web app"}\n',
      inputs: [read(SMALL.policy), read(SMALL.unused)],
    });
  });

  // Regression (was a bug): an --out that names an existing regular file is not reported as bad input.
  it('refuses, with exit 2, an --out that is a file', async () => {
    const out = folder.file('a-file.txt', 'mine');
    const { code, stdout } = await certifySmall(out, '--recommended', SMALL.recommended);
    expect({ code, stdout, notes: read(out) }).toEqual({ code: 2, stdout: '', notes: 'mine' });
  });

  it('exits 2 when --out is missing', async () => {
    expect(await runCli('certify', '--policy', SMALL.policy, '--unused', SMALL.unused)).toEqual({ code: 2, stdout: '', stderr: "error: required option '--out <dir>' not specified\n" });
  });

  it('exits 2 for --timeout-ms 0', async () => {
    expect((await certifySmall(join(folder.path, 'never'), '--timeout-ms', '0')).code).toBe(2);
  });
});
