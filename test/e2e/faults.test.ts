import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printJson } from '../../src/policy/print.js';
import { DETACH_RECOMMENDATION } from '../../src/policy/recommended.js';
import { checkInputOf } from '../../src/prove/certificate/sources.js';
import { writeCertificate } from '../../src/prove/certificate/write.js';
import { ARTICLE_DETAILS, ARTICLE_FINDING } from '../account/_support.js';
import { ARTICLE_CATALOG } from '../article.js';
import { runCli } from '../cli/capture.js';
import { FUZZ_SEED } from '../fuzz/_support/fuzz-parameters.js';
import { reportWithout, smallSources } from '../prove/_support.js';
import { temporaryFolder } from '../support.js';
import { buildDist, runDist, seededRandom, type Run } from './_spawn.js';
import { withoutStatusLines } from '../cli/capture.js';

/**
 * Fault injection: each command that writes is killed with SIGKILL at seeded random points, just
 * before a write to the file system (kill-at.mjs counts them) and at a random time, always from
 * the same earlier state. After every kill, no file outside the outputs has changed, and each
 * output is exactly the earlier one or exactly the complete result (times aside), never a part;
 * a rerun without any clean-up succeeds, leaves nothing beside its outputs, and its result verifies.
 * `FUZZ_SEED=n npm test` picks other kill points; a failure names the seed and the kill.
 */
const folder = temporaryFolder();
afterAll(() => folder.remove());
beforeAll(() => buildDist(), 120_000);

/** What a workspace holds: file path → content, with the times that differ between runs blanked. */
type Snapshot = ReadonlyMap<string, string>;

const LITTER = /\.iam-refine-(new|old)-/;
const normalized = (text: string): string =>
  text
    .replace(/"(\w*[mM]s)": [0-9.e+-]+/g, '"$1": 0')
    .replace(/\b[0-9]+(\.[0-9]+)? (s|ms)\b/g, 'N $2')
    // A GetFindingRecommendation response's times: the run's own.
    .replace(/"(startedAt|completedAt)": "[^"]*"/g, '"$1": ""');

function snapshot(root: string): { files: Snapshot; raw: Snapshot; litter: string[] } {
  const files = new Map<string, string>();
  const raw = new Map<string, string>();
  const litter: string[] = [];
  const walk = (relative: string): void => {
    for (const name of readdirSync(join(root, relative)).sort()) {
      const path = relative === '' ? name : `${relative}/${name}`;
      if (LITTER.test(name)) litter.push(path);
      else if (lstatSync(join(root, path)).isDirectory()) walk(path);
      else {
        const text = readFileSync(join(root, path), 'utf8');
        raw.set(path, text);
        files.set(path, normalized(text));
      }
    }
  };
  walk('');
  return { files, raw, litter };
}

/** The part of a snapshot under one output path (a file, or a folder). */
const under = (files: Snapshot, output: string): string => JSON.stringify([...files].filter(([path]) => path === output || path.startsWith(`${output}/`)));

/** Lines of stderr that are not progress: errors, warnings, anything the runtime printed. */
const problemLines = (run: Run): string[] => withoutStatusLines(run.stderr).split('\n').filter((line) => line !== '' && !/^(ok|\s)/.test(line));

interface Scenario {
  readonly name: string;
  /** The command, run from the repository root on absolute paths. */
  readonly argv: readonly string[];
  /** The outputs, relative to the workspace; everything else there is the user's and must never change. */
  readonly outputs: readonly string[];
  /** Kills at random writes (the last write is always one more). */
  readonly writeKills: number;
  /** Puts the earlier outputs back, so that every run starts from the same state. */
  readonly reset: () => void;
  /** Checks the complete result with the program itself (verify-cert). */
  readonly verify?: () => Promise<void>;
}

/** Runs one scenario: a counted run, the kills, a rerun; returns what each kill left. */
async function exercise(scenario: Scenario, workspace: string): Promise<void> {
  const seed = FUZZ_SEED + scenario.name.length;
  const random = seededRandom(seed);
  const countFile = join(folder.path, `${scenario.name}.count`);
  scenario.reset();
  const before = snapshot(workspace);
  const earlier = new Map(scenario.outputs.map((output) => [output, under(before.files, output)]));

  const counted = await runDist(scenario.argv, { countTo: countFile });
  expect({ code: counted.code, problems: problemLines(counted) }, `${scenario.name}: the counted run`).toEqual({ code: 0, problems: [] });
  const writes = Number(readFileSync(countFile, 'utf8'));
  expect(writes, `${scenario.name}: the run writes`).toBeGreaterThan(1);

  const kills = [...Array.from({ length: scenario.writeKills }, () => ({ atWrite: 1 + Math.floor(random() * writes) })), { atWrite: writes }, { afterMs: Math.round(random() * counted.ms) }];
  const left: { kill: string; state: ReturnType<typeof snapshot>; run: Run }[] = [];
  for (const kill of kills) {
    scenario.reset();
    const run = await runDist(scenario.argv, 'atWrite' in kill ? { killAtWrite: kill.atWrite } : { killAfterMs: kill.afterMs });
    const label = `${scenario.name}, seed ${seed}, killed ${'atWrite' in kill ? `before write ${kill.atWrite} of ${writes}` : `after ${kill.afterMs} ms`}`;
    left.push({ kill: label, state: snapshot(workspace), run });
  }

  const rerun = await runDist(scenario.argv);
  expect({ code: rerun.code, problems: problemLines(rerun) }, `${scenario.name}: the rerun after the kills`).toEqual({ code: 0, problems: [] });
  const after = snapshot(workspace);
  const complete = new Map(scenario.outputs.map((output) => [output, under(after.files, output)]));
  expect(after.litter, `${scenario.name}: left beside the outputs after the rerun`).toEqual([]);

  const userFiles = (state: ReturnType<typeof snapshot>): [string, string][] => [...state.raw].filter(([path]) => !scenario.outputs.some((output) => path === output || path.startsWith(`${output}/`)));
  for (const { kill, state, run } of [...left, { kill: `${scenario.name}: the rerun`, state: after, run: rerun }]) {
    expect(run.signal === 'SIGKILL' || run.code === 0, `${kill}: ended by the kill or done (${run.code}, ${run.stderr})`).toBe(true);
    expect(userFiles(state), `${kill}: the user's files`).toEqual(userFiles(before));
    for (const output of scenario.outputs) {
      const found = under(state.files, output);
      expect([earlier.get(output), complete.get(output)].includes(found), `${kill}: ${output} is the earlier one or the complete one`).toBe(true);
    }
  }
  expect(complete, `${scenario.name}: the complete result differs from the earlier one`).not.toEqual(earlier);
  await scenario.verify?.();
}

/** A fresh workspace holding the small inputs and a file of the user's. */
function workspace(name: string): { path: string; saved: string } {
  const path = join(folder.path, name);
  const saved = join(folder.path, `${name}-earlier`);
  mkdirSync(path);
  mkdirSync(saved);
  const sources = smallSources();
  writeFileSync(join(path, 'policy.json'), sources.policy.text);
  writeFileSync(join(path, 'unused.json'), sources.unused.text);
  writeFileSync(join(path, 'catalog.json'), sources.catalogFile!.text);
  writeFileSync(join(path, 'notes.txt'), 'the user\'s own notes\n');
  return { path, saved };
}

/** Saves the outputs as they are now, and returns how to put them back. */
function saver(path: string, saved: string, outputs: readonly string[]): () => void {
  for (const output of outputs) if (existsSync(join(path, output))) cpSync(join(path, output), join(saved, output), { recursive: true });
  return () => {
    for (const output of outputs) {
      rmSync(join(path, output), { recursive: true, force: true });
      if (existsSync(join(saved, output))) cpSync(join(saved, output), join(path, output), { recursive: true });
    }
  };
}

describe('a killed run never loses or half-writes anything, and a rerun works', () => {
  it.concurrent('certify --out', async () => {
    const { path, saved } = workspace('certify');
    // The earlier certificate certifies another recommendation (detach), so that it differs from the new one.
    const earlier = smallSources(DETACH_RECOMMENDATION);
    writeCertificate(join(path, 'cert'), earlier, reportWithout(checkInputOf(earlier)));
    const argv = ['certify', '--policy', join(path, 'policy.json'), '--unused', join(path, 'unused.json'), '--catalog', join(path, 'catalog.json'), '--out', join(path, 'cert'), '--workers', '1'];
    await exercise(
      {
        name: 'certify',
        argv,
        outputs: ['cert'],
        writeKills: 1,
        reset: saver(path, saved, ['cert']),
        verify: async () => {
          const verified = await runDist(['verify-cert', join(path, 'cert'), '--workers', '1']);
          expect({ code: verified.code, stderr: withoutStatusLines(verified.stderr) }).toEqual({ code: 0, stderr: '' });
        },
      },
      path,
    );
  });

  it.concurrent('account --out', async () => {
    const { path, saved } = workspace('account');
    copyFileSync(ARTICLE_DETAILS, join(path, 'details.json'));
    copyFileSync(ARTICLE_FINDING, join(path, 'finding.json'));
    copyFileSync(ARTICLE_CATALOG, join(path, 'catalog-2024.json'));
    const inputs = ['--details', join(path, 'details.json'), '--findings', join(path, 'finding.json'), '--catalog', join(path, 'catalog-2024.json'), '--out', join(path, 'account')];
    // The earlier output is the character-granularity one, so that it differs from the new one. The
    // run does not prove (certify's case covers certificates), which keeps it quick enough for more kills.
    expect((await runCli('account', ...inputs, '--granularity', 'char')).code).toBe(0);
    await exercise({ name: 'account', argv: ['account', ...inputs], outputs: ['account'], writeKills: 3, reset: saver(path, saved, ['account']) }, path);
  });

  it.concurrent('prove --update --record --json', async () => {
    const { path, saved } = workspace('prove');
    for (const [name, granularity] of [['a', 'word'], ['b', 'char']] as const) {
      mkdirSync(join(path, 'suite', name), { recursive: true });
      writeFileSync(join(path, 'suite', name, 'case.json'), printJson({ policy: '../../policy.json', unused: '../../unused.json', catalog: '../../catalog.json', granularity, snapshot: 'expected.json', expect: { verdict: 'proven' } }));
      // A stale snapshot that --update replaces.
      writeFileSync(join(path, 'suite', name, 'expected.json'), printJson(DETACH_RECOMMENDATION));
    }
    const outputs = ['suite/a/expected.json', 'suite/b/expected.json', 'record.json', 'report.json'];
    const argv = ['prove', join(path, 'suite'), '--update', '--record', join(path, 'record.json'), '--json', join(path, 'report.json'), '--jobs', '1'];
    await exercise({ name: 'prove', argv, outputs, writeKills: 1, reset: saver(path, saved, outputs) }, path);
  });

  it.concurrent('recommend --out', async () => {
    const { path, saved } = workspace('recommend');
    writeFileSync(join(path, 'recommended.json'), 'an earlier result\n');
    const argv = ['recommend', '--policy', join(path, 'policy.json'), '--unused', join(path, 'unused.json'), '--catalog', join(path, 'catalog.json'), '--format', 'json', '--out', join(path, 'recommended.json')];
    await exercise({ name: 'recommend', argv, outputs: ['recommended.json'], writeKills: 2, reset: saver(path, saved, ['recommended.json']) }, path);
  });
});
