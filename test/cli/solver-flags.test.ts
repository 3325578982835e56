import { afterAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/solver-flags.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED, articleDiff } from '../article.js';
import { allow, temporaryFolder } from '../support.js';
import { documentOf, writeSmallInputs } from '../prove/_support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const SMALL = writeSmallInputs(folder, 'small');
const HEADER = '  stmt  claim                   verdict  obligations  witness / counterexample';

/** `iam-refine recommend --prove` on the small inputs, with more options. */
const proveSmall = (...options: string[]) => runCli('recommend', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--prove', '--workers', '1', ...options);

describe('exitCodeOf', () => {
  it('is 0 for proven, 1 for refuted, 3 for unknown', () => {
    expect([exitCodeOf('proven'), exitCodeOf('refuted'), exitCodeOf('unknown')]).toEqual([0, 1, 3]);
  });
});

describe('recommend --prove', () => {
  it("prints the article's diff on stdout and the verdict table on stderr", async () => {
    const { code, stdout, stderr } = await runCli('recommend', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--format', 'diff', '--prove');
    expect({ code, stdout, first: stderr.split('\n').slice(0, 2), last: stderr.split('\n').at(-2) }).toEqual({
      code: 0,
      stdout: articleDiff(ARTICLE_POLICY),
      first: ['', HEADER],
      last: expect.stringMatching(/^verdict: PROVEN: \d+ obligations in /) as string,
    });
  });

  it('adds the proof to the JSON report, and prints no table', async () => {
    const { code, stdout, stderr } = await proveSmall('--format', 'json');
    const report = JSON.parse(stdout) as { recommendedSteps: unknown[]; proof: Record<string, unknown> };
    expect({ code, stderr, steps: report.recommendedSteps.length, proofKeys: Object.keys(report.proof), verdict: report.proof.verdict, workers: report.proof.workers }).toEqual({
      code: 0,
      stderr: '',
      steps: 2,
      proofKeys: ['verdict', 'solver', 'workers', 'catalog', 'granularity', 'claims', 'statements', 'structural', 'obligations', 'timeMs'],
      verdict: 'proven',
      workers: 1,
    });
  });

  it('has no proof in the JSON report without --prove', async () => {
    const { stdout } = await runCli('recommend', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--format', 'json');
    expect(Object.keys(JSON.parse(stdout) as object)).not.toContain('proof');
  });

  it('proves DETACH_POLICY when nothing the policy allows is used', async () => {
    const policy = folder.file('bucket-policy.json', JSON.stringify(documentOf([allow('s3:GetBucket*')])));
    const { code, stdout, stderr } = await runCli('recommend', '--policy', policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--prove', '--workers', '1');
    expect({ code, stdout, first: stderr.split('\n').slice(0, 3), rows: stderr.split('\n').filter((line) => line.startsWith('  0')) }).toEqual({
      code: 0,
      stdout: '',
      first: [`iam-refine: DETACH_POLICY: nothing ${policy} allows is used; detach it`, '', HEADER],
      rows: [expect.stringMatching(/^ {2}0 {5}1 exact on the catalog {2}proven/) as string],
    });
  });

  it.each([
    ['--timeout-ms', '0'],
    ['--timeout-ms', 'abc'],
    ['--workers', '0'],
    ['--workers', 'abc'],
  ])('exits 2 for %s %s', async (option, value) => {
    const { code, stdout } = await runCli('recommend', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--prove', option, value);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  });
});
