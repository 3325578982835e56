import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { temporaryFolder } from '../support.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';
import { articleRecommendedWith, ARTICLE_RECOMMENDED } from '../explain/_support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const input = (name: string, value: Json): string => folder.file(name, JSON.stringify(value));
const ARTICLE_TREE = readFileSync(new URL('../explain/__snapshots__/article-tree.txt', import.meta.url), 'utf8');
/** The article's figures: the 30 unused actions of the 90 the policy allows, and its size before and after. */
const ARTICLE_SUMMARY = 'actions: 30 of the 90 catalog actions the policy allows are removed; size 444 → 346 characters of the 6,144 a managed policy may hold';

/** `iam-refine explain` on the article's inputs and 2024 catalog, with more options. */
const article = (...options: string[]) => runCli('explain', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, ...options);

describe('explain command', () => {
  it('writes the page to --out by default', async () => {
    const out = `${folder.path}/article.html`;
    expect(await article('--out', out)).toEqual({ code: 0, stdout: '', stderr: '' });
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<h2>statement 1, s3:Get*: replaced by 7 patterns</h2>');
    expect(page).toContain('<text class="label" x="6" y="4">Bucket</text>');
  });

  it('prints the terminal tree, plain when standard output is no terminal, under a summary of what it explains', async () => {
    expect(await article('--format', 'tree')).toEqual({ code: 0, stdout: `explained: iam-refine's own recommendation for ${ARTICLE_POLICY}\n${ARTICLE_SUMMARY}\n${ARTICLE_TREE}`, stderr: '' });
  });

  it("explains a given recommendation: the article's own agrees, another is shown where it differs", async () => {
    const same = await article('--format', 'tree', '--recommended', ARTICLE_RECOMMENDED);
    expect(same).toEqual({
      code: 0,
      stdout: `explained: the given recommendation ${ARTICLE_RECOMMENDED} for ${ARTICLE_POLICY}\n${ARTICLE_SUMMARY}\n${ARTICLE_TREE.replace(': replaced by 7 patterns', ': replaced by 7 patterns in the given recommendation')}`,
      stderr: '',
    });
    const other = input('other.json', articleRecommendedWith({ 's3:GetStorage*': 's3:GetStorageLens*' }));
    const { code, stdout } = await article('--format', 'tree', '--recommended', other);
    expect(code).toBe(0);
    expect(stdout).toContain('Storage  4 used · 0 unused  safe  1 given below (iam-refine: 0)  chosen: s3:GetStorage*; not in the given recommendation');
    expect(stdout).toContain('Lens  4 used · 0 unused  safe  given: s3:GetStorageLens* (iam-refine: not chosen)');
  });

  it('proves with --prove: the witnesses beside their nodes, the verdicts on the page or on stderr', async () => {
    const tree = await article('--format', 'tree', '--prove', '--workers', '1');
    expect(tree.code).toBe(0);
    expect(tree.stdout).toContain('Multi  4 used · 0 unused  safe  chosen: s3:GetMulti*; minimality witness: s3:GetAccelerateConfiguration');
    expect(tree.stderr).toMatch(/verdict: PROVEN/);
    const out = `${folder.path}/proof.html`;
    expect((await article('--prove', '--workers', '1', '--out', out)).code).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page).toContain('<h2>Proof: <span class="proven">proven</span></h2>');
    expect(page).toContain('<td>4 minimality</td><td>proven</td><td>1</td><td><code>s3:GetAccelerateConfiguration</code></td>');
  });

  it('exits 1 when --prove refutes the given recommendation', async () => {
    const unsafe = input('unsafe.json', articleRecommendedWith({ 's3:GetJobTagging': 's3:GetJob*', 's3:GetAccess*': 's3:GetA*' }));
    const { code, stdout } = await article('--format', 'tree', '--prove', '--workers', '1', '--recommended', unsafe);
    expect(code).toBe(1);
    expect(stdout).toContain('├─ Job  safe, used action  chosen: s3:GetJobTagging; given: s3:GetJob*');
    expect(stdout).toContain('statement 1: the given pattern s3:GetA* is no node of a trie');
  });

  it('prints the refuted claims on stderr when the page goes to --out, and exits 1', async () => {
    const unsafe = input('unsafe-page.json', articleRecommendedWith({ 's3:GetAccess*': 's3:GetA*' }));
    const out = `${folder.path}/refuted.html`;
    const { code, stdout, stderr } = await article('--prove', '--workers', '1', '--recommended', unsafe, '--out', out);
    expect({ code, stdout, refuted: stderr.split('\n').filter((line) => line.startsWith('REFUTED')).length > 0, verdict: /\nverdict: REFUTED: /.test(stderr), page: readFileSync(out, 'utf8').includes('class="refuted"') }).toEqual({
      code: 1,
      stdout: '',
      refuted: true,
      verdict: true,
      page: true,
    });
  });

  it('refuses bad input with one line and exit code 2, and never writes over an input', async () => {
    const broken = folder.file('broken.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": 3, "Resource": "*"}]}');
    const bad = await runCli('explain', '--policy', broken, '--unused', ARTICLE_UNUSED);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: `error: ${broken}: Statement[0].Action: expected a string or a list of strings, got a number\n` });
    const overwrite = await article('--out', ARTICLE_POLICY);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toMatch(/--out names one of the inputs/);
    expect((await article('--format', 'svg')).code).toBe(2);
  });
});
