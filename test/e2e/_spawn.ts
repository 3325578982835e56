/** The real program as a child process, for the tests that kill it or time it. */
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KILL_AT = fileURLToPath(new URL('./kill-at.mjs', import.meta.url));

/**
 * Compiles the sources under test into `dist-e2e/`, a build of its own: test files run in
 * parallel, and rewriting `dist/` under another test's feet would make it flaky. (One folder
 * below the root, like `dist/`, so that the package's own package.json is found.)
 */
export const E2E_DIST = 'dist-e2e';

export function buildDist(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', E2E_DIST], { cwd: ROOT, stdio: 'pipe' });
}

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface RunOptions {
  /** Kill with SIGKILL just before the n-th write to the file system (see kill-at.mjs). */
  readonly killAtWrite?: number;
  /** Kill with SIGKILL after this long. */
  readonly killAfterMs?: number;
  /** Write the number of file system writes the run made to this file. */
  readonly countTo?: string;
  /** Kill and fail after this long: nothing may hang. */
  readonly timeoutMs?: number;
}

/** `node dist-e2e/cli/bin.js ...argv` from the repository root, with the write counter preloaded. */
export function runDist(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.IAM_REFINE_DEBUG;
  if (options.killAtWrite !== undefined) env.IAM_REFINE_KILL_AT = String(options.killAtWrite);
  if (options.countTo !== undefined) env.IAM_REFINE_COUNT_TO = options.countTo;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', KILL_AT, `${E2E_DIST}/cli/bin.js`, ...argv], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const timers = [
    options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs),
    setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000),
  ];
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started });
    });
  });
}

/** The project's seeded generator (mulberry32): the same seed, the same kill points. */
export { seededRandom } from '../../src/fuzz/_internals/random.js';
