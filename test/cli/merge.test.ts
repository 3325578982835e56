import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/input/json.js';
import { EXAMPLE_DETAILS, EXAMPLE_FINDINGS } from '../account/_support.js';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = temporaryFolder();
afterAll(() => folder.remove());

/**
 * A sub-suite small enough for `npm test`: the article's suite (11 cases, proven and refuted).
 * `.ci/run` does the same with the whole of proofs/ against proofs/record.json.
 */
const SUITE = 'proofs/article';
const SHARD_COUNTS = [1, 2, 3, 7] as const;

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real program in its own process, from the repository root (as a CI job runs it). */
function iamRefine(argv: readonly string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs the processes one after the other: vitest runs other test files beside this one on the two cores. */
async function oneAtATime<T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const task of tasks) results.push(await task());
  return results;
}

/** Without the times, which are the only thing a run may change. */
function timeless(value: Json): Json {
  if (Array.isArray(value)) return value.map(timeless);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.endsWith('Ms')).map(([key, item]) => [key, timeless(item)]));
}
const readJson = (file: string): JsonObject => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
const untimedXml = (file: string): string => readFileSync(file, 'utf8').replace(/ time="[0-9.]+"/g, '');
/** The summary table's cells without its time column (whose width sets the padding). */
const table = (stdout: string): string[][] => stdout.split('\n').filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s{2,}/).slice(0, 6));

const out = (name: string): string => join(folder.path, name);
const withoutRunTimes = (json: string): string => json.replace(/"(startedAt|completedAt)": "[^"]*"/g, '"$1": "-"');
const shardFile = (count: number, index: number): string => out(`shard-${index}-of-${count}.json`);

describe('prove --shard and merge, each shard its own process', () => {
  let whole: Outcome;
  let merges: Map<number, Outcome>;
  beforeAll(async () => {
    const runs: (() => Promise<Outcome>)[] = [() => iamRefine(['prove', SUITE, '--jobs', '1', '--json', out('whole.json'), '--junit', out('whole.xml'), '--sarif', out('whole.sarif'), '--record', 'proofs/record.json'])];
    for (const count of SHARD_COUNTS) {
      for (let index = 1; index <= count; index++) runs.push(() => iamRefine(['prove', SUITE, '--jobs', '1', '--shard', `${index}/${count}`, '--json', shardFile(count, index), '--record', 'proofs/record.json']));
    }
    const outcomes = await oneAtATime(runs);
    whole = outcomes[0]!;
    for (const outcome of outcomes) expect(outcome.code, outcome.stderr).toBe(0);
    merges = new Map();
    for (const count of SHARD_COUNTS) {
      // The shards in reverse: merge does not care about the order it is given them in.
      const files = Array.from({ length: count }, (_, at) => shardFile(count, count - at));
      merges.set(count, await runCli('merge', ...files, '--json', out(`merged-${count}.json`), '--junit', out(`merged-${count}.xml`), '--sarif', out(`merged-${count}.sarif`), '--record', 'proofs/record.json'));
    }
  }, 600_000);

  it('gives exactly the unsharded report, JUnit, SARIF, summary table and record check with 1, 2, 3 and 7 shards', () => {
    const unsharded = timeless(readJson(out('whole.json')));
    expect((readJson(out('whole.json')).cases as readonly Json[]).length).toBe(11);
    for (const count of SHARD_COUNTS) {
      const merged = merges.get(count)!;
      expect(merged.code, merged.stderr).toBe(0);
      expect(timeless(readJson(out(`merged-${count}.json`)))).toEqual(unsharded);
      expect(untimedXml(out(`merged-${count}.xml`))).toBe(untimedXml(out('whole.xml')));
      expect(readJson(out(`merged-${count}.sarif`))).toEqual(readJson(out('whole.sarif')));
      expect(table(merged.stdout)).toEqual(table(whole.stdout));
      expect(merged.stdout).toContain('record: every case as recorded in proofs/record.json');
    }
  });

  it('runs every case in exactly one shard, some shards of 7 holding one case', () => {
    const held = Array.from({ length: 7 }, (_, at) => (readJson(shardFile(7, at + 1)).cases as readonly JsonObject[]).map((item) => item.id as string));
    expect(held.flat().sort()).toEqual((readJson(out('whole.json')).cases as readonly JsonObject[]).map((item) => item.id as string).sort());
    expect(Math.min(...held.map((ids) => ids.length))).toBe(1);
  });

  it('refuses a missing shard, a shard given twice, and a shard of another run, in one line naming the files (exit 2)', async () => {
    const missing = await runCli('merge', shardFile(3, 1), shardFile(3, 3));
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `error: merge: missing shard 2/3 (given: ${shardFile(3, 1)}, ${shardFile(3, 3)})\n` });
    const twice = await runCli('merge', shardFile(3, 1), shardFile(3, 2), shardFile(3, 2), shardFile(3, 3));
    expect(twice).toEqual({ code: 2, stdout: '', stderr: `error: ${shardFile(3, 2)}: shard: shard 2/3 is given twice: ${shardFile(3, 2)} and ${shardFile(3, 2)}\n` });
    const mixed = await runCli('merge', shardFile(2, 1), shardFile(3, 2));
    expect(mixed.stderr).toBe(`error: ${shardFile(3, 2)}: shard: is shard 2/3 but ${shardFile(2, 1)} is one of 2 shards\n`);
    // A shard of the same cases with another time limit, and one written by another version.
    const other = readJson(shardFile(2, 2));
    const run = other.run as JsonObject;
    writeFileSync(out('other-timeout.json'), JSON.stringify({ ...other, run: { ...run, inputs: { ...(run.inputs as JsonObject), timeoutMs: '1000' } } }));
    writeFileSync(out('other-version.json'), JSON.stringify({ ...other, run: { ...run, version: '9.9.9' } }));
    expect((await runCli('merge', shardFile(2, 1), out('other-timeout.json'))).stderr).toBe(`error: ${out('other-timeout.json')}: run: not a shard of the same run as ${shardFile(2, 1)}: timeoutMs: "20000" vs "1000"\n`);
    expect((await runCli('merge', shardFile(2, 1), out('other-version.json'))).stderr).toMatch(/^error: .*other-version\.json: run: not a shard of the same run as .*: iam-refine version \d+\.\d+\.\d+ vs 9\.9\.9\n$/);
  });

  it('checks the record as prove --record does: a departure fails the merge (exit 1) and is named', async () => {
    const record = readJson(join(ROOT, 'proofs/record.json'));
    const cases = record.cases as JsonObject;
    const changed = { ...record, cases: { ...cases, 'article/2024-own': { ...(cases['article/2024-own'] as JsonObject), size: 1 } } };
    // The record sits where proofs/record.json does, so that case names read the same.
    const file = join(ROOT, 'proofs', `.merge-test-record-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(changed));
    try {
      const merged = await runCli('merge', shardFile(2, 1), shardFile(2, 2), '--record', file);
      expect(merged.code).toBe(1);
      expect(merged.stdout).toContain(`record: 1 cases depart from ${file}\n  article/2024-own: size 1 → 346\n`);
    } finally {
      (await import('node:fs')).rmSync(file);
    }
  });
});

describe('account --shard and merge', () => {
  it('gives exactly the unsharded report and table, with one account and with several', async () => {
    const runs = [
      { name: 'one', argv: ['--details', EXAMPLE_DETAILS, '--findings', ...EXAMPLE_FINDINGS] },
      { name: 'org', argv: ['--details', EXAMPLE_DETAILS, 'corpus/accounts/article/details.json', '--findings', ...EXAMPLE_FINDINGS, 'corpus/accounts/article/finding.json'] },
    ];
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      for (const { name, argv } of runs) {
        const whole = await runCli('account', ...argv, '--format', 'json');
        const text = await runCli('account', ...argv);
        const files = [];
        for (let index = 1; index <= 3; index++) {
          const shard = await runCli('account', ...argv, '--format', 'json', '--shard', `${index}/3`);
          expect(shard.code, shard.stderr).toBe(0);
          files.push(folder.file(`${name}-${index}.json`, shard.stdout));
        }
        const merged = await runCli('merge', ...files.reverse(), '--json', out(`${name}-merged.json`));
        expect(merged.code, merged.stderr).toBe(0);
        // Apart from times: each run has its own startedAt and completedAt.
        expect(withoutRunTimes(readFileSync(out(`${name}-merged.json`), 'utf8'))).toBe(withoutRunTimes(whole.stdout));
        expect(merged.stdout).toBe(text.stdout);
      }
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
});
