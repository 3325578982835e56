import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allow, temporaryFolder } from '../support.js';
import { ARTICLE, ARTICLE_CATALOG, ARTICLE_CATALOG_NAME, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';
import { documentOf, writeSmallInputs } from '../prove/_support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const ARTICLE_RECOMMENDED = `${ARTICLE}recommended.json`;
const SMALL = writeSmallInputs(folder, 'small');
const HEADER = '  stmt  claim                   verdict  obligations  witness / counterexample';

/** `iam-refine check` on the small inputs (or another recommendation), with more options. */
const checkSmall = (recommended: string, ...options: string[]) => runCli('check', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--recommended', recommended, ...options);

/** The statement, claim and verdict columns of the table's rows. */
function rowsOf(table: string): string[][] {
  const lines = table.split('\n');
  return lines.slice(1, lines.findIndex((line) => line === '' || line.startsWith('verdict:'))).map((line) => line.trim().split(/\s{2,}/).slice(0, 3));
}

describe('check command', () => {
  it("exits 0 and prints the table of proven claims for the article's recommendation on the 2024 catalog", async () => {
    const { code, stdout, stderr } = await runCli('check', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--recommended', ARTICLE_RECOMMENDED);
    expect({ code, stderr, header: stdout.split('\n')[0], rows: rowsOf(stdout) }).toEqual({
      code: 0,
      stderr: '',
      header: HEADER,
      rows: [
        ['0', '1 exact on the catalog', 'proven'],
        ['0', '3 safety', 'proven'],
        ['0', '5 no redundancy', 'proven'],
        ['1', '1 exact on the catalog', 'proven'],
        ['1', '2 no escalation', 'proven'],
        ['1', '3 safety', 'proven'],
        ['1', '4 minimality', 'proven'],
        ['1', '5 no redundancy', 'proven'],
      ],
    });
    expect(stdout).toMatch(new RegExp(`\\nverdict: PROVEN: \\d+ obligations in \\d+\\.\\d\\d s on \\d workers? \\(Z3 [\\d.]+; catalog ${ARTICLE_CATALOG_NAME}; granularity word\\)\\n$`));
  });

  it("exits 1 for the article's recommendation on today's catalog, naming an action added since as the counterexample", async () => {
    const { code, stdout } = await runCli('check', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--recommended', ARTICLE_RECOMMENDED, '--workers', '1');
    const refuted = stdout.split('\n').filter((line) => line.startsWith('REFUTED'));
    expect({ code, refuted: refuted.map((line) => line.replace('s3:GetBucketMetadataTableConfiguration', 's3:GetBucketAbac')) }).toEqual({
      code: 1,
      refuted: ['REFUTED: claim 1 (exact on the catalog), statement 1: s3:GetBucketAbac is used and was allowed, but the recommendation no longer allows it. Counterexample: s3:GetBucketAbac.'],
    });
    expect(stdout).toMatch(/\nverdict: REFUTED: .*; catalog @cloud-copilot\/iam-data@[\d.]+; granularity word\)\n$/);
  });

  it('prints the whole report as JSON with --format json', async () => {
    const { code, stdout, stderr } = await checkSmall(SMALL.recommended, '--format', 'json', '--workers', '1');
    const report = JSON.parse(stdout) as Record<string, unknown> & { claims: Record<string, unknown>[]; obligations: Record<string, unknown>[] };
    expect({
      code,
      stderr,
      keys: Object.keys(report),
      verdict: report.verdict,
      workers: report.workers,
      granularity: report.granularity,
      catalog: report.catalog,
      claim: report.claims[0],
      obligationKeys: Object.keys(report.obligations[0]!),
    }).toEqual({
      code: 0,
      stderr: '',
      keys: ['verdict', 'solver', 'workers', 'catalog', 'granularity', 'claims', 'statements', 'structural', 'obligations', 'timeMs'],
      verdict: 'proven',
      workers: 1,
      granularity: 'word',
      catalog: { source: 'file', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string },
      claim: { statement: 0, claim: 'exact', number: 1, verdict: 'proven', obligations: expect.any(Number) as number, explanation: expect.stringMatching(/ proven$/) as string },
      // The first obligation is claim 1's about a catalog part: it names that part.
      obligationKeys: ['id', 'claim', 'statement', 'part', 'title', 'expected', 'actual', 'verdict', 'timeMs'],
    });
  });

  it('exits 2 with one line naming the file and the JSON path of a bad action, without a stack trace', async () => {
    const bad = folder.file('bad-action.json', JSON.stringify(documentOf([allow(['s3:GetObject*', 'GetUser'])])));
    expect(await checkSmall(bad)).toEqual({ code: 2, stdout: '', stderr: `error: ${bad}: Statement[0].Action[1]: "GetUser" is not an action pattern (expected "service:action" or "*")\n` });
  });

  it('exits 2 naming the path inside a GetFindingRecommendation response whose policy string is not JSON', async () => {
    const bad = folder.file('bad-string.json', JSON.stringify({ recommendedSteps: [{ unusedPermissionsRecommendedStep: { recommendedAction: 'CREATE_POLICY', recommendedPolicy: '{"Statement": ' } }] }));
    const { code, stdout, stderr } = await checkSmall(bad);
    expect({ code, stdout, stderr: stderr.replace(/: not valid JSON: .*/, ': not valid JSON: ...') }).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: ${bad}: recommendedSteps[0].unusedPermissionsRecommendedStep.recommendedPolicy: not valid JSON: ...\n`,
    });
  });

  it('exits 2 for a recommended file that does not exist', async () => {
    const missing = `${folder.path}/missing.json`;
    expect(await checkSmall(missing)).toEqual({ code: 2, stdout: '', stderr: `error: ${missing}: no such file\n` });
  });

  // Regression (was a bug): --workers 1000 hung starting threads, and a timeout past 2^31-1 ms overflowed Node's timers and hung.
  it.each([
    ['--timeout-ms', '0', '<ms>', '1 to 86,400,000'],
    ['--timeout-ms', 'abc', '<ms>', '1 to 86,400,000'],
    ['--timeout-ms', '2147483648', '<ms>', '1 to 86,400,000'],
    ['--timeout-ms', '1e3', '<ms>', '1 to 86,400,000'],
    ['--workers', '0', '<n>', '1 to 32'],
    ['--workers', 'abc', '<n>', '1 to 32'],
    ['--workers', '1000', '<n>', '1 to 32'],
  ])('exits 2 for %s %s', async (option, value, placeholder, range) => {
    expect(await checkSmall(SMALL.recommended, option, value)).toEqual({ code: 2, stdout: '', stderr: `error: option '${option} ${placeholder}' argument '${value}' is invalid. expected a whole number from ${range}\n` });
  });

  it('exits 2 when --recommended is missing', async () => {
    expect(await runCli('check', '--policy', SMALL.policy, '--unused', SMALL.unused)).toEqual({ code: 2, stdout: '', stderr: "error: required option '--recommended <file>' not specified\n" });
  });

  it('exits 0 from the real program once the proof is done: its solver threads do not keep it alive', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const argv = ['--import', 'tsx', 'src/cli/bin.ts', 'check', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--recommended', SMALL.recommended, '--workers', '2'];
    const result = spawnSync(process.execPath, argv, { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect({ status: result.status, signal: result.signal, last: result.stdout.split('\n').at(-2) }).toEqual({
      status: 0,
      signal: null,
      last: expect.stringMatching(/^verdict: PROVEN: \d+ obligations in \d+\.\d\d s on 2 workers /) as string,
    });
  });
});
