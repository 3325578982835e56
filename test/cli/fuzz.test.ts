import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const RECOMMEND_SOURCE = fileURLToPath(new URL('../../src/recommend/recommend.ts', import.meta.url));

/** A recommender that forgets the unused set: it hands back the original policy unchanged. */
const UNCHANGED = folder.file(
  'unchanged.mjs',
  `export function recommend(policy, unused, catalog, options = {}) {
    return { recommendedAction: 'CREATE_POLICY', changed: false, policy: policy.raw, statements: [], warnings: [], catalog: catalog.identity, granularity: options.granularity ?? 'word' };
  }`,
);
/** iam-refine's own recommender, as a user's module would wrap it. */
const WRAPPED = folder.file('wrapped.mjs', `import { recommend as own } from ${JSON.stringify(RECOMMEND_SOURCE)};\nexport default function (...args) { return own(...args); }`);
const THROWING = folder.file('throwing.mjs', 'export function recommend() { throw new Error("not implemented yet"); }');

const fuzz = (...options: string[]) => runCli('fuzz', '--seed', '11', '--workers', '1', ...options);

interface FuzzJson {
  held: boolean;
  recommender: string;
  campaign: { seed: number; runs: number; cases: number; checked: number; specification: { cases: number; outputs: number; claims: number; agreed: number; undecided: number }; failure?: { kind: string; message: string; case: Record<string, unknown>; oracle: { claim: string }[]; checker?: { claim: string }[] } };
  mutation?: { killed: number; total: number; score: number; results: { name: string; killed: boolean; case: Record<string, unknown>; refuted: { claim: string }; breaks: string[] }[] };
}

describe('fuzz command', () => {
  it("exits 0 when iam-refine's recommender holds on every case and Z3 agrees with the oracle", async () => {
    const { code, stdout } = await fuzz('--runs', '12', '--no-large-services');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^fuzz: seed 11, 12 cases, both granularities, recommender iam-refine\n/);
    expect(stdout).toContain('12 cases recommended and judged by the oracle; 12 checked by Z3 too');
    expect(stdout).toMatch(/\n {2}specification encoder: (not run \(|\d+ cases \(\d+ outputs, correct and broken\), \d+ claims compared with the checker: \d+ agreed, \d+ undecided\n)/);
    expect(stdout).toMatch(/\nverdict: HELD\n$/);
  });

  it('prints the whole run as JSON with --format json, and checks only a share of cases with --solver-share (and --spec-share)', async () => {
    const { code, stdout } = await fuzz('--runs', '40', '--solver-share', '0.25', '--spec-share', '0.5', '--format', 'json', '--granularity', 'char', '--no-large-services');
    const report = JSON.parse(stdout) as FuzzJson;
    expect({ code, held: report.held, recommender: report.recommender, seed: report.campaign.seed, cases: report.campaign.cases, failure: report.campaign.failure }).toEqual({
      code: 0,
      held: true,
      recommender: 'iam-refine',
      seed: 11,
      cases: 40,
      failure: undefined,
    });
    expect(report.campaign.checked).toBeGreaterThan(0);
    expect(report.campaign.checked).toBeLessThan(40);
    // The specification encoder judged some of the Z3-checked cases, and agreed with the checker on every claim it decided.
    const { specification } = report.campaign;
    expect(specification.cases).toBeGreaterThan(0);
    expect(specification.cases).toBeLessThan(report.campaign.checked);
    expect(specification.agreed + specification.undecided).toBe(specification.claims);
  });

  it("fails a user's recommender that ignores the unused set, with the refuted claim and a small replayable case", async () => {
    const { code, stdout } = await fuzz('--runs', '50', '--recommender', UNCHANGED, '--format', 'json', '--no-large-services');
    const report = JSON.parse(stdout) as FuzzJson;
    const failure = report.campaign.failure!;
    expect({ code, held: report.held, recommender: report.recommender, kind: failure.kind }).toEqual({ code: 1, held: false, recommender: UNCHANGED, kind: 'refuted' });
    expect(failure.message).toMatch(/claim (1 \(exact on the catalog\)|3 \(safety\))/);
    // Both judges refute it, and the case shrank to a few actions.
    expect(failure.checker?.map((claim) => claim.claim)).toEqual(failure.oracle.map((claim) => claim.claim));
    expect(Object.keys(failure.case).sort()).toEqual(['catalog', 'granularity', 'policy', 'unused']);
    expect(Object.values(failure.case.catalog as Record<string, string[]>).flat().length).toBeLessThanOrEqual(3);
  });

  it("names the claim in the text report of a user's broken recommender", async () => {
    const { code, stdout } = await fuzz('--runs', '50', '--recommender', UNCHANGED, '--solver-share', '0');
    expect(code).toBe(1);
    expect(stdout).toMatch(/\n {2}FAILED \(refuted\): the recommendation breaks claim \d \(/);
    expect(stdout).toMatch(/\n {2}smallest case \(fast-check seed 11, path [\d:]+\):\n {4}\{"catalog":/);
    expect(stdout).toMatch(/\n {2}Z3 refutes claim \d/);
    expect(stdout).toMatch(/\nverdict: FAILED\n$/);
  });

  it("passes a user's module that wraps iam-refine's recommender", async () => {
    const { code, stdout } = await fuzz('--runs', '10', '--recommender', WRAPPED, '--no-large-services', '--solver-share', '0.3');
    expect({ code, verdict: stdout.split('\n').at(-2) }).toEqual({ code: 0, verdict: 'verdict: HELD' });
  });

  it('fails a recommender that throws, with its message', async () => {
    const { code, stdout } = await fuzz('--runs', '5', '--recommender', THROWING, '--solver-share', '0');
    expect(code).toBe(1);
    expect(stdout).toContain('FAILED (recommender-error): the recommender failed: not implemented yet');
  });

  it('exits 2, in one line, for a module that cannot be loaded or a bad flag', async () => {
    const missing = await fuzz('--recommender', `${folder.path}/missing.mjs`);
    expect({ code: missing.code, stdout: missing.stdout }).toEqual({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^error: .*missing\.mjs: cannot load the recommender module: [^\n]*\n$/);
    expect((await fuzz('--runs', '0')).code).toBe(2);
    expect((await fuzz('--solver-share', '2')).code).toBe(2);
    expect((await fuzz('--seed', 'x')).code).toBe(2);
  });

  it('with --mutants, kills every mutant recommender and prints each one, its input and the score', async () => {
    const { code, stdout } = await fuzz('--runs', '200', '--mutants', '--solver-share', '0', '--format', 'json');
    const report = JSON.parse(stdout) as FuzzJson;
    const mutation = report.mutation!;
    expect({ code, held: report.held, score: mutation.score, killed: mutation.killed }).toEqual({ code: 0, held: true, score: 1, killed: mutation.total });
    expect(mutation.total).toBeGreaterThanOrEqual(10);
    for (const result of mutation.results) {
      expect(result.breaks, result.name).toContain(result.refuted.claim);
      expect(Object.keys(result.case).sort(), result.name).toEqual(['catalog', 'granularity', 'policy', 'unused']);
    }
  });

  it('a mutant not exposed within --mutant-runs survives, lowers the score and fails the run', async () => {
    const { code, stdout } = await fuzz('--runs', '1', '--mutants', '--mutant-runs', '1', '--solver-share', '0', '--seed', '20240620', '--no-large-services');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^ {2}[a-z-]+: SURVIVED \(no exposing case in 1 runs?\)/m);
    expect(stdout).toMatch(/^mutation score: [0-9]\/10 \(\d+%\)$/m);
  });
});

describe('fuzz --shard', () => {
  it('needs --seed, and reports its block of runs with the run it belongs to', async () => {
    expect(await runCli('fuzz', '--runs', '6', '--shard', '1/2')).toEqual({ code: 2, stdout: '', stderr: 'error: --shard: needs --seed: every shard must draw from the same campaign\n' });
    const shard = await runCli('fuzz', '--runs', '6', '--seed', '7', '--solver-share', '0', '--format', 'json', '--shard', '2/2');
    expect(shard.code, shard.stderr).toBe(0);
    const report = JSON.parse(shard.stdout) as { run: { command: string; items: number; inputs: Record<string, string> }; shard: unknown; campaign: { runs: number; firstRun: number; cases: number } };
    expect(report.shard).toEqual({ index: 2, count: 2, range: [3, 6] });
    expect({ command: report.run.command, items: report.run.items, seed: report.run.inputs.seed }).toEqual({ command: 'fuzz', items: 6, seed: '7' });
    expect(report.campaign).toEqual(expect.objectContaining({ runs: 3, firstRun: 3, cases: 3 }));
  });
});
