import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printWarnings, writeResult } from '../../src/cli/output.js';
import { inputErrorOf, temporaryFolder } from '../support.js';
import { captured } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** What `body` prints, captured. */
const printedBy = (body: () => void) =>
  captured(() => {
    body();
    return 0;
  });

const REFUSAL = '--out names one of the inputs; iam-refine never overwrites what it was given';

describe('writeResult', () => {
  it('prints to standard output without --out or with "-"', async () => {
    expect(await printedBy(() => writeResult('a\n', undefined, []))).toEqual({ code: 0, stdout: 'a\n', stderr: '' });
    expect(await printedBy(() => writeResult('b\n', '-', []))).toEqual({ code: 0, stdout: 'b\n', stderr: '' });
  });

  it('writes the file named by --out, replacing what was there', () => {
    const out = folder.file('out.json', 'old');
    writeResult('new\n', out, ['policy.json', '-', undefined]);
    expect(readFileSync(out, 'utf8')).toBe('new\n');
  });

  it('refuses an --out that names an input, also by another spelling of its path or through a link', () => {
    const policy = folder.file('policy.json', '{}');
    const link = join(folder.path, 'link.json');
    symlinkSync(policy, link);
    const respelled = join(folder.path, '.', 'sub', '..', 'policy.json');
    for (const out of [policy, respelled, link]) expect(inputErrorOf(() => writeResult('x', out, [policy]))).toBe(`${out}: ${REFUSAL}`);
    expect(readFileSync(policy, 'utf8')).toBe('{}');
  });

  // Regression (was a bug): the guard compared real paths, so a hard link to an input was overwritten.
  it('refuses an --out that is a hard link to an input, and leaves the input as it was', () => {
    const policy = folder.file('linked-policy.json', '{"a": 1}');
    const link = join(folder.path, 'hard-link.json');
    linkSync(policy, link);
    expect(inputErrorOf(() => writeResult('x', link, [policy]))).toBe(`${link}: is the same file as the input ${policy} (a link to it); iam-refine never overwrites what it was given`);
    expect(readFileSync(policy, 'utf8')).toBe('{"a": 1}');
  });

  it('replaces the file atomically, leaving nothing beside it', () => {
    const parent = join(folder.path, 'atomic');
    mkdirSync(parent);
    const out = join(parent, 'out.json');
    writeResult('one\n', out, []);
    writeResult('two\n', out, []);
    expect({ files: readdirSync(parent), text: readFileSync(out, 'utf8') }).toEqual({ files: ['out.json'], text: 'two\n' });
  });

  it('writes through a symbolic link to where it points, and into a device as it is', () => {
    const target = folder.file('target.json', 'old');
    const link = join(folder.path, 'soft-link.json');
    symlinkSync(target, link);
    writeResult('new\n', link, []);
    writeResult('gone\n', '/dev/null', []);
    expect({ target: readFileSync(target, 'utf8'), link: lstatSync(link).isSymbolicLink() }).toEqual({ target: 'new\n', link: true });
  });

  it('says why it cannot write', () => {
    const out = join(folder.path, 'missing-folder', 'out.json');
    expect(inputErrorOf(() => writeResult('x', out, []))).toBe(`${out}: cannot write: ENOENT`);
  });
});

describe('printWarnings', () => {
  it('prints one line per warning on stderr, with the JSON path when there is one', async () => {
    const warnings = [
      { source: 'unused.json', path: [0, 'actions', 1], message: 'unknown action' },
      { source: 'policy.json', path: [], message: 'whole file' },
    ];
    expect(await printedBy(() => printWarnings(warnings))).toEqual({ code: 0, stdout: '', stderr: 'warning: unused.json: [0].actions[1]: unknown action\nwarning: policy.json: whole file\n' });
  });
});
