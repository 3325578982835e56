import { readFileSync, symlinkSync } from 'node:fs';
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
