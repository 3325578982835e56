/** `check` in CI: SARIF, a chosen set of claims, progress on stderr only. */
import { afterAll, describe, expect, it } from 'vitest';
import { printJson } from '../../src/policy/print.js';
import { allow, deny, temporaryFolder } from '../support.js';
import { ARTICLE, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';
import { documentOf, writeSmallInputs } from '../prove/_support.js';
import { sarifSchemaErrors } from '../report/_sarif-schema.js';
import { runCli, runCliWithProgress } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const SMALL = writeSmallInputs(folder, 'small');
const checkSmall = (recommended: string, ...options: string[]) => runCli('check', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--recommended', recommended, '--workers', '1', ...options);

/** Hand-tightened: literals where `s3:GetObject*` is the shortest safe prefix. Exact, safe, no escalation; not minimal. */
const TIGHTENED = folder.file('tightened.json', printJson(documentOf([allow(['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectTagging', 'iam:GetUser']), deny('ec2:*')]) as never));
/** Keeps an unused action: claim 3 refuted at that very pattern (line 8 of the file). */
const UNSAFE = folder.file('unsafe.json', printJson(documentOf([allow(['s3:GetObject*', 's3:GetBucketAcl', 'iam:GetUser']), deny('ec2:*')]) as never));

interface SarifRun {
  results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[]; properties: Record<string, unknown> }[];
  tool: { driver: { rules: { id: string }[] } };
  properties: Record<string, unknown>;
}

describe('check --format sarif', () => {
  it('writes valid SARIF 2.1.0 with a rule per claim and the refuted claim located at the pattern the counterexample is', async () => {
    const { code, stdout, stderr } = await checkSmall(UNSAFE, '--format', 'sarif');
    const log = JSON.parse(stdout) as { runs: SarifRun[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    const run = log.runs[0]!;
    expect({ code, stderr, rules: run.tool.driver.rules.map((rule) => rule.id) }).toEqual({ code: 1, stderr: '', rules: ['exact', 'no-escalation', 'safety', 'minimality', 'no-redundancy'] });
    const safety = run.results.find((result) => result.ruleId === 'safety')!;
    expect({ level: safety.level, message: safety.message.text, where: safety.locations[0]!.physicalLocation, properties: safety.properties }).toEqual({
      level: 'error',
      message: expect.stringMatching(/^REFUTED: claim 3 \(safety\), statement 0: .* Counterexample: s3:GetBucketAcl\.$/) as string,
      where: { artifactLocation: { uri: `file://${UNSAFE}` }, region: { startLine: 8, startColumn: 9, endLine: 8, endColumn: 26 } },
      properties: { claim: 3, statement: 0, verdict: 'refuted', counterexample: 's3:GetBucketAcl' },
    });
  });

  it("locates a refutation of the article's recommendation on today's catalog at its statement, and is empty for a proven one", async () => {
    const refuted = await runCli('check', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--recommended', `${ARTICLE}recommended.json`, '--workers', '1', '--format', 'sarif');
    const run = (JSON.parse(refuted.stdout) as { runs: SarifRun[] }).runs[0]!;
    expect({ code: refuted.code, results: run.results.map((result) => [result.ruleId, result.locations[0]!.physicalLocation.artifactLocation.uri, result.locations[0]!.physicalLocation.region.startLine]) }).toEqual({
      code: 1,
      results: [['exact', `file://${ARTICLE}recommended.json`, 11]],
    });
    const proven = await checkSmall(SMALL.recommended, '--format', 'sarif');
    const log = JSON.parse(proven.stdout) as { runs: SarifRun[] };
    expect({ code: proven.code, valid: sarifSchemaErrors(log), results: log.runs[0]!.results, verdict: log.runs[0]!.properties.verdict }).toEqual({ code: 0, valid: [], results: [], verdict: 'proven' });
  });
});

describe('check --claims', () => {
  it('a hand-tightened policy fails minimality, yet passes a gate on no escalation and safety; the report names the claims not asked', async () => {
    const all = await checkSmall(TIGHTENED);
    expect({ code: all.code, refuted: all.stdout.split('\n').filter((line) => line.startsWith('REFUTED')).map((line) => line.slice(0, 40)) }).toEqual({ code: 1, refuted: ['REFUTED: claim 4 (minimality), statement'] });
    const gate = await checkSmall(TIGHTENED, '--claims', 'no-escalation,safety');
    const claims = gate.stdout.split('\n').slice(1).filter((line) => /^\s+\d/.test(line)).map((line) => line.trim().split(/\s{2,}/)[1]);
    expect({ code: gate.code, claims: [...new Set(claims)], notAsked: gate.stdout.split('\n').find((line) => line.startsWith('not asked')) }).toEqual({
      code: 0,
      claims: ['2 no escalation', '3 safety'],
      notAsked: 'not asked (--claims): 1 exact on the catalog, 4 minimality, 5 no redundancy',
    });
  });

  it('takes numbers as well as names, in any order, and the JSON lists what was not asked', async () => {
    const { code, stdout } = await checkSmall(TIGHTENED, '--claims', '3, 2', '--format', 'json');
    const report = JSON.parse(stdout) as { claims: { claim: string }[]; claimsNotAsked: string[] };
    expect({ code, claims: [...new Set(report.claims.map((claim) => claim.claim))].sort(), notAsked: report.claimsNotAsked }).toEqual({
      code: 0,
      claims: ['no-escalation', 'safety'],
      notAsked: ['exact', 'minimality', 'no-redundancy'],
    });
  });

  it('refuses a claim it does not know, with one line (exit 2)', async () => {
    expect(await checkSmall(TIGHTENED, '--claims', 'safety,6')).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: option '--claims <list>' argument 'safety,6' is invalid. expected claims by number 1 to 5 or name (exact, no-escalation, safety, minimality, no-redundancy), got "6"\n`,
    });
  });
});

describe('check progress', () => {
  const timeless = (text: string): string => text.replace(/in \d+\.\d\d s/, 'in T s');

  it('draws a bar on stderr when stderr is a terminal, and stdout is what it is without progress', async () => {
    const withBar = await runCliWithProgress({ stderrTTY: true }, 'check', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--recommended', SMALL.recommended, '--workers', '1');
    const quiet = await checkSmall(SMALL.recommended);
    expect({ code: withBar.code, stdout: timeless(withBar.stdout), bar: /\[[#-]{24}\] check: \d+\/\d+ obligations, [\d.]+ s/.test(withBar.stderr), label: withBar.stderr.includes('check: '), cleared: withBar.stderr.endsWith('\r\x1b[2K') }).toEqual({
      code: 0,
      stdout: timeless(quiet.stdout),
      bar: true,
      label: true,
      cleared: true,
    });
  });

  it('prints nothing on stderr with --quiet, even on a terminal', async () => {
    const quiet = await runCliWithProgress({ stderrTTY: true }, 'check', '--policy', SMALL.policy, '--unused', SMALL.unused, '--catalog', SMALL.catalog, '--recommended', SMALL.recommended, '--workers', '1', '--quiet');
    expect({ code: quiet.code, stderr: quiet.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
