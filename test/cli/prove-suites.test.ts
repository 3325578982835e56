import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Json } from '../../src/input/json.js';
import { temporaryFolder } from '../support.js';
import { sarifSchemaErrors } from '../report/_sarif-schema.js';
import { runCliWithProgress, withoutStatusLines } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLE_SUITE = 'proofs/article';
const SUPPORT = join(ROOT, 'test', 'suite', '_support');
const CHAR_RECOMMENDER = join(SUPPORT, 'char-recommender.ts');
const UNSAFE_RECOMMENDER = join(SUPPORT, 'unsafe-recommender.ts');

/** `iam-refine prove` from the repository root, so that case names read `proofs/...`; its progress (a line per case) on stderr. */
async function prove(...argv: string[]) {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const result = await runCliWithProgress({}, 'prove', ...argv);
    return { ...result, stderr: withoutStatusLines(result.stderr) };
  } finally {
    process.chdir(cwd);
  }
}

/** A JSON report without its times: what must not depend on the run. */
function timeless(value: Json): Json {
  if (Array.isArray(value)) return value.map(timeless);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.endsWith('Ms')).map(([key, item]) => [key, timeless(item)]));
}

const readJson = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json;

/** A copy of the article's suite with the corpus files it names, laid out as in the repository; returns the suite folder. */
function copyOfArticleSuite(name: string): string {
  const root = join(folder.path, name);
  for (const path of [ARTICLE_SUITE, 'corpus/article', 'corpus/catalogs']) cpSync(join(ROOT, path), join(root, path), { recursive: true });
  return join(root, ARTICLE_SUITE);
}

describe('prove command', () => {
  it("exits 0 on the article's suite: one line per case without a terminal, and the summary table", async () => {
    const { code, stdout, stderr } = await prove(ARTICLE_SUITE, '--jobs', '2');
    expect(code).toBe(0);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(11);
    expect(stderr).toMatch(/^ok {5}proofs\/article\/wrong-widened \(refuted, \d+ obligations, \d+\.\d s\)$/m);
    const table = stdout.split('\n').map((line) => line.trim().split(/\s{2,}/));
    expect(table.slice(1, 4)).toEqual([
      ['suite', 'cases', 'proven', 'refuted as expected', 'failed', 'unknown', 'time'],
      ['proofs/article', '11', '3', '8', '0', '0', expect.stringMatching(/^\d+\.\d s$/)],
      ['all', '11', '3', '8', '0', '0', expect.stringMatching(/^\d+\.\d s wall$/)],
    ]);
  });

  it('--sarif: valid SARIF 2.1.0; the refutations the wrong-* cases expect are notes located in their recommendations', async () => {
    const sarif = join(folder.path, 'article.sarif');
    const { code } = await prove(ARTICLE_SUITE, '--jobs', '2', '--sarif', sarif);
    const log = readJson(sarif) as { runs: { results: { ruleId: string; level: string; properties: { case: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const results = log.runs[0]!.results;
    expect({
      code,
      valid: sarifSchemaErrors(log),
      levels: [...new Set(results.map((result) => result.level))],
      cases: [...new Set(results.map((result) => result.properties.case))].sort(),
      widened: results.filter((result) => result.properties.case === 'proofs/article/wrong-widened').map((result) => [result.ruleId, result.locations[0]?.physicalLocation.artifactLocation.uri]),
    }).toEqual({
      code: 0,
      valid: [],
      levels: ['note'],
      cases: expect.arrayContaining(['proofs/article/wrong-widened', 'proofs/article/wrong-unused-left']) as string[],
      widened: expect.arrayContaining([['no-escalation', 'proofs/article/wrong-widened/recommended.json']]) as string[][],
    });
  });

  it('fails a changed recommender (character prefixes where words are expected) with a readable diff, both verdicts and sizes', async () => {
    const { code, stdout } = await prove(`${ARTICLE_SUITE}/2024-own`, '--jobs', '1', '--recommender', CHAR_RECOMMENDER);
    expect(code).toBe(1);
    expect(stdout).toContain(
      [
        'FAILED proofs/article/2024-own',
        '  the recommendation differs from the snapshot proofs/article/2024-own/expected.json',
        '  expected the verdict proven, got refuted',
        '  claim 4 (minimality), statement 1: refuted, not expected',
        '  snapshot        proven   346 characters',
        '  recommendation  refuted  331 characters (-15)',
        '  recommendation: REFUTED: claim 4 (minimality), statement 1: "s3:GetAcces*" does not end at a word boundary of an action the statement allows. Counterexample: "s3:GetAcces*".',
        // Beside the diff, what the change means (src/compare/): the same catalog actions, more strings.
        '  meaning: equivalent on the catalog; not equivalent for all strings',
        '    beyond the catalog: recommendation allows s3:getacces on "arn:aws:lambda:us-east-1:123456789012:function:my-lambda", snapshot does not',
        '--- proofs/article/2024-own/expected.json',
        '+++ proofs/article/2024-own/expected.json (new)',
        '@@ -11,13 +11,13 @@',
        '     {',
        '       "Effect": "Allow",',
        '       "Action": [',
        '-        "s3:GetAccess*",',
        '+        "s3:GetAcces*",',
      ].join('\n'),
    );
    expect(stdout).toContain('-        "s3:GetObject*",\n-        "s3:GetStorage*",\n+        "s3:GetMu*",\n+        "s3:GetO*",\n+        "s3:GetS*",\n');
  });

  it('fails a recommender that breaks a claim, naming the claim and the counterexample', async () => {
    const { code, stdout } = await prove(`${ARTICLE_SUITE}/2024-own`, '--jobs', '1', '--recommender', UNSAFE_RECOMMENDER);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}recommendation: REFUTED: claim 3 \(safety\), statement 1: unused action (s3:\w+) is still allowed\. Counterexample: \1\.$/m);
    expect(stdout).toMatch(/^\+ {8}"s3:GetBucket\w+"$/m);
  });

  it('exits 2 on a bad case file, naming the file and the JSON path, before proving anything', async () => {
    const suite = copyOfArticleSuite('bad');
    const file = join(suite, 'wrong-widened', 'case.json');
    const spec = readJson(file) as Record<string, Json>;
    writeFileSync(file, JSON.stringify({ ...spec, expect: { verdict: 'refuted', refuted: [{ statement: 1, claim: 'escalation' }] } }));
    const { code, stdout, stderr } = await prove(suite);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `error: ${file}: expect.refuted[0].claim: expected one of "exact", "no-escalation", "safety", "minimality", "no-redundancy"\n` });
    expect((await prove(join(folder.path, 'nowhere'))).stderr).toBe(`error: ${join(folder.path, 'nowhere')}: no such file or folder\n`);
  });

  it('--update rewrites a changed snapshot and nothing else; then the suite passes again', async () => {
    const suite = copyOfArticleSuite('update');
    const snapshot = join(suite, '2024-own', 'expected.json');
    const original = readFileSync(snapshot, 'utf8');
    const caseFile = readFileSync(join(suite, '2024-own', 'case.json'), 'utf8');
    writeFileSync(snapshot, original.replace('"s3:List*"', '"s3:ListBucket*"'));
    const own = join(suite, '2024-own');
    const before = await prove(own, '--jobs', '1');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`  snapshot        refuted  352 characters\n  recommendation  proven   346 characters (-6)\n`);
    const updated = await prove(own, '--jobs', '1', '--update');
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain(`UPDATED ${own}\n`);
    expect({ snapshot: readFileSync(snapshot, 'utf8'), caseFile: readFileSync(join(suite, '2024-own', 'case.json'), 'utf8') }).toEqual({ snapshot: original, caseFile });
    expect((await prove(own, '--jobs', '1')).code).toBe(0);
  });

  it('writes JUnit XML and a JSON report; a failed case carries its details', async () => {
    const junit = join(folder.path, 'junit.xml');
    const json = join(folder.path, 'report.json');
    const { code } = await prove(ARTICLE_SUITE, '--jobs', '2', '--recommender', CHAR_RECOMMENDER, '--junit', junit, '--json', json);
    expect(code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="iam-refine prove" tests="11" failures="2" errors="0" time="[\d.]+">\n {2}<testsuite name="proofs\/article" tests="11" failures="2" errors="0" time="[\d.]+">\n/);
    expect(xml).toMatch(/<testcase classname="proofs\/article" name="proofs\/article\/2024-own" time="[\d.]+">\n {6}<failure message="the recommendation differs from the snapshot proofs\/article\/2024-own\/expected.json" type="failed">FAILED proofs\/article\/2024-own\n/);
    expect(xml).toContain('-        &quot;s3:GetAccess*&quot;,\n+        &quot;s3:GetAcces*&quot;,\n');
    expect(xml.match(/<testcase /g)).toHaveLength(11);
    const report = readJson(json) as { recommender: string; summary: Json[]; cases: { id: string; status: string; snapshot: string; recommendation: { verdict: string }; previous?: { verdict: string; size: number } }[] };
    expect(report.recommender).toBe(CHAR_RECOMMENDER);
    expect(timeless(report.summary)).toEqual([
      { suite: 'proofs/article', cases: 11, proven: 1, refutedAsExpected: 8, failed: 2, unknown: 0 },
      { suite: 'all', cases: 11, proven: 1, refutedAsExpected: 8, failed: 2, unknown: 0 },
    ]);
    const own = report.cases.find((item) => item.id === 'proofs/article/2024-own')!;
    expect({ status: own.status, snapshot: own.snapshot, verdict: own.recommendation.verdict, previous: own.previous }).toMatchObject({ status: 'failed', snapshot: 'differs', verdict: 'refuted', previous: { verdict: 'proven', size: 346 } });
  });

  it('--record: --update writes what the run proved; later runs must match it, case by case', async () => {
    const record = join(folder.path, 'record.json');
    const cases = ['2024-own', 'wrong-widened'].map((name) => `${ARTICLE_SUITE}/${name}`);
    expect(await prove(...cases, '--jobs', '1', '--record', record)).toMatchObject({ code: 2, stderr: `error: ${record}: no such proof record (run once with --update to write it)\n` });

    const written = await prove(...cases, '--jobs', '1', '--record', record, '--update');
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`record: ${record} written (2 cases)`);
    const recorded = readJson(record) as { cases: Record<string, { verdict: string; claims: string[] }> };
    const key = (name: string): string => Object.keys(recorded.cases).find((id) => id.endsWith(`proofs/article/${name}`))!;
    expect(recorded.cases[key('wrong-widened')]).toMatchObject({ verdict: 'refuted' });
    expect(recorded.cases[key('wrong-widened')]!.claims).toContainEqual(expect.stringMatching(/^statement 1 · claim 2 · refuted · \d+ obligations · /));

    const again = await prove(...cases, '--jobs', '2', '--record', record);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`record: every case as recorded in ${record}`);

    // A record that says otherwise (here: a different counterexample) fails the run and names the case.
    const changed = { ...recorded, cases: { ...recorded.cases, [key('2024-own')]: { ...recorded.cases[key('2024-own')]!, claims: ['statement 1 · claim 4 · proven · 1 obligations · s3:GetObject'] } } };
    writeFileSync(record, JSON.stringify(changed));
    const departed = await prove(...cases, '--jobs', '1', '--record', record);
    expect(departed.code).toBe(1);
    expect(departed.stdout).toMatch(/record: 1 cases depart from .*\n {2}.*proofs\/article\/2024-own: now statement 0 · claim 1 · proven/);
    expect(departed.stdout).toContain('was statement 1 · claim 4 · proven · 1 obligations · s3:GetObject');
  });
});

describe('prove --shard', () => {
  it('refuses a bad shard in one line (exit 2), and --shard with --update', async () => {
    expect(await prove(ARTICLE_SUITE, '--shard', '0/3')).toEqual({ code: 2, stdout: '', stderr: "error: option '--shard <shard>' argument '0/3' is invalid. 0/3: the shard index must be from 1 to 3 (shards count from 1)\n" });
    const saved = { job: process.env.JOB_COMPLETION_INDEX, node: process.env.CI_NODE_INDEX };
    delete process.env.JOB_COMPLETION_INDEX;
    delete process.env.CI_NODE_INDEX;
    try {
      expect((await prove(ARTICLE_SUITE, '--shard', 'auto')).stderr).toBe(
        "error: option '--shard <shard>' argument 'auto' is invalid. --shard auto: neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor CI_NODE_INDEX (GitLab parallel) is set\n",
      );
      process.env.JOB_COMPLETION_INDEX = '2';
      expect((await prove(ARTICLE_SUITE, '--shard', 'auto/2')).stderr).toBe("error: option '--shard <shard>' argument 'auto/2' is invalid. JOB_COMPLETION_INDEX=2 is past the 2 shards (it counts from 0, to 1)\n");
    } finally {
      if (saved.job === undefined) delete process.env.JOB_COMPLETION_INDEX;
      else process.env.JOB_COMPLETION_INDEX = saved.job;
      if (saved.node !== undefined) process.env.CI_NODE_INDEX = saved.node;
    }
    const suite = copyOfArticleSuite('shard-update');
    expect(await prove(suite, '--update', '--shard', '1/2')).toEqual({ code: 2, stdout: '', stderr: 'error: --shard: cannot be used with --update: update snapshots and the record in one unsharded run\n' });
  });
});
