import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeSolverPool, SolverUnavailableError } from '../../../src/prove/solver/native-pool.js';
import { temporaryFolder } from '../../support.js';

const hasNativeZ3 = spawnSync('which', ['z3']).status === 0;
if (!hasNativeZ3) console.warn("native-pool.test.ts: Debian's z3 is not on PATH (apt-get install z3): the native solver tests are skipped");

/** A script whose only model gives each constant the literal (already SMT-LIB encoded) it is paired with. */
const modelScript = (values: Readonly<Record<string, string>>, status = 'sat'): string =>
  [
    `(set-info :status ${status})`,
    '(set-logic QF_S)',
    ...Object.keys(values).map((name) => `(declare-const ${name} String)`),
    ...Object.entries(values).map(([name, literal]) => `(assert (= ${name} ${literal}))`),
    '(check-sat)',
    '',
  ].join('\n');

const UNSAT = '(set-info :status unsat)\n(set-logic QF_S)\n(declare-const w String)\n(assert (= w "a"))\n(assert (= w "b"))\n(check-sat)\n';
/** x³ + y³ = z³ over positive integers: z3 searches until its timeout. */
const HARD = '(set-logic QF_NIA)\n(declare-const a Int)\n(declare-const b Int)\n(declare-const c Int)\n(assert (and (> a 0) (> b 0) (> c 0)))\n(assert (= (+ (* a a a) (* b b b)) (* c c c)))\n(check-sat)\n';

describe.skipIf(!hasNativeZ3)("NativeSolverPool (Debian's z3)", () => {
  let pool: NativeSolverPool;
  let short: NativeSolverPool;
  beforeAll(async () => {
    pool = await NativeSolverPool.start({ workers: 2 });
    short = await NativeSolverPool.start({ workers: 1, timeoutMs: 200 });
  });
  afterAll(async () => {
    await Promise.all([pool.close(), short.close()]);
  });

  it('names the native z3 it runs and its workers', () => {
    expect(pool.version).toMatch(/^z3 \d+\.\d+\.\d+ \(native\)$/);
    expect([pool.workers, short.workers]).toEqual([2, 1]);
  });

  it('answers sat with the witnesses in the order asked, several scripts at once', async () => {
    const values = ['a0', 'b1', 'c2', 'd3', 'e4', 'f5'];
    const outcomes = await Promise.all(values.map((value) => pool.solve(modelScript({ v: `"${value}"`, w: `"${value}w"` }), ['w', 'v'])));
    expect(outcomes.map(({ status, witnesses }) => ({ status, witnesses }))).toEqual(values.map((value) => ({ status: 'sat', witnesses: [`${value}w`, value] })));
  });

  it('answers unsat, and the next script starts from a clean state', async () => {
    expect((await short.solve(UNSAT, ['w'])).status).toBe('unsat');
    expect(await short.solve(modelScript({ w: '"again"' }), ['w'])).toMatchObject({ status: 'sat', witnesses: ['again'] });
  });

  it("reads the answer first when it is not the script's :status", async () => {
    expect(await pool.solve(modelScript({ w: '"s"' }, 'unsat'), ['w'])).toMatchObject({ status: 'sat', witnesses: ['s'] });
    expect((await pool.solve(UNSAT.replace(':status unsat', ':status sat'))).status).toBe('unsat');
  });

  it('decodes witnesses exactly: quotes, backslashes, control characters, DEL, beyond the BMP, empty', async () => {
    const cases = {
      a: ['"say ""hi"""', 'say "hi"'],
      b: ['"\\u{5c}u{41}"', '\\u{41}'],
      c: ['(str.++ "\\u{5c}" "\\u{0}" (str.from_code 127) "\\u{a}")', '\\\u0000\u007f\n'],
      d: ['"\\u{1f600}:\\u{e9}"', '\u{1f600}:é'],
      e: ['""', ''],
      f: ['"a\\b\\\\c"', 'a\\b\\\\c'],
    } as const;
    const outcome = await pool.solve(modelScript(Object.fromEntries(Object.entries(cases).map(([name, [literal]]) => [name, literal]))), Object.keys(cases));
    expect(outcome).toMatchObject({ status: 'sat', witnesses: Object.values(cases).map(([, value]) => value) });
  });

  it('reports unknown as unknown, with its reason', async () => {
    expect(await pool.solve('(set-logic QF_S)\n(declare-const w String)\n(check-sat-using fail)\n')).toMatchObject({ status: 'unknown', reason: 'fail tactic' });
  });

  it('reports a script that runs out of its time as a timeout, and the worker goes on', async () => {
    expect(await short.solve(HARD)).toMatchObject({ status: 'timeout', reason: 'timeout' });
    expect((await short.solve(UNSAT)).status).toBe('unsat');
  });

  it("reports a script z3 rejects as an error with z3's message", async () => {
    const outcome = await pool.solve('(set-logic QF_S)\n(declare-const w Strin)\n(check-sat)\n', ['w']);
    expect(outcome.status).toBe('error');
    expect(outcome.reason).toMatch(/unknown sort 'Strin'/);
  });

  it('reports a script without check-sat as an error', async () => {
    expect(await pool.solve('(set-logic QF_S)\n')).toMatchObject({ status: 'error', reason: expect.stringMatching(/no answer/) as string });
  });

  it('replaces a process that exits, and reports its script as an error', async () => {
    expect(await short.solve('(exit)\n')).toMatchObject({ status: 'error', reason: expect.stringMatching(/exited/) as string });
    expect((await short.solve(UNSAT)).status).toBe('unsat');
  });
});

describe('NativeSolverPool without a usable solver', () => {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());

  it('refuses to start when the binary is missing, in one line', async () => {
    const started = NativeSolverPool.start({ binary: 'iam-refine-no-such-z3' });
    await expect(started).rejects.toBeInstanceOf(SolverUnavailableError);
    await expect(started).rejects.toThrow(/^iam-refine-no-such-z3: not found on PATH \(install it, e\.g\. apt-get install z3, or use --solver wasm\)$/);
  });

  it('kills a process that never answers once the timeout and the grace are over, reporting a timeout', async () => {
    // A "z3" that names a version, then reads its scripts and never answers.
    const fake = join(folder.path, 'silent-z3');
    writeFileSync(fake, '#!/bin/sh\nif [ "$1" = --version ]; then echo "Z3 version 9.9.9 - fake"; exit 0; fi\nexec cat >/dev/null\n');
    chmodSync(fake, 0o755);
    const silent = await NativeSolverPool.start({ binary: fake, workers: 1, timeoutMs: 50, graceMs: 100 });
    try {
      expect(silent.version).toBe('z3 9.9.9 (native)');
      const outcomes = await Promise.all([silent.solve(UNSAT), silent.solve(UNSAT)]);
      expect(outcomes).toEqual([0, 1].map(() => ({ status: 'timeout', timeMs: 150, reason: 'the solver did not stop at its timeout' })));
    } finally {
      await silent.close();
    }
    await expect(silent.solve(UNSAT)).rejects.toThrow(/closed/);
  });
});
