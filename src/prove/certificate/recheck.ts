import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { ObligationStatus } from '../obligation.js';
import { nativeVersion } from '../solver/native-pool.js';
import type { SolveObserver } from '../solver/solver.js';
import { DEFAULT_TIMEOUT_MS } from '../solver/pool.js';
import { readScriptOutput } from '../solver/smtlib-output.js';
import { presentObligationFiles } from './files.js';
import { readRecheckableManifest } from './read.js';

/** The external solvers a certificate's files can be re-checked with. */
export const RECHECK_SOLVERS = ['z3-native', 'cvc5'] as const;
export type RecheckSolver = (typeof RECHECK_SOLVERS)[number];

export interface RecheckOptions {
  readonly solver: RecheckSolver;
  /** Files solved at once (one process each); default: the cores, at most 4. */
  readonly workers?: number;
  /** Per file; the solver's own soft limit, and a kill 5 s later. */
  readonly timeoutMs?: number;
  /** The binary to run instead of `z3` or `cvc5` from PATH (tests). */
  readonly binary?: string;
  /** Told of each file as it is queued and as it is answered, for progress. */
  readonly observer?: SolveObserver;
}

/** What the external solver made of one file, beside what the manifest records. */
export interface FileRecheck {
  readonly file: string;
  readonly recorded: ObligationStatus;
  /** `error`: the solver refused the file (a construct it does not support, a parse error). */
  readonly answer: 'sat' | 'unsat' | 'unknown' | 'timeout' | 'error';
  readonly detail?: string;
  readonly timeMs: number;
}

export interface RecheckReport {
  readonly certificate: string;
  readonly solver: string;
  /** Problems with the files themselves (missing, changed, unlisted); any of them fails the re-check. */
  readonly problems: readonly string[];
  readonly files: readonly FileRecheck[];
  /** Files the solver answered sat or unsat for. */
  readonly decided: number;
  /** Of those, the ones whose answer is the manifest's recorded `actual`. */
  readonly agree: number;
  readonly disagreements: readonly FileRecheck[];
  /** Unknown, timeout, refused, or recorded undecided by the certificate itself. */
  readonly undecided: readonly FileRecheck[];
}

const GRACE_MS = 5_000;
const SOLVER_FILE = /^obligations\/[A-Za-z0-9._-]+\.smt2$/;

/**
 * The independent re-check: every `.smt2` file the manifest lists is solved, as stored, by an
 * external binary (`z3 FILE`, `cvc5 --lang smt2 FILE`), and its answer compared with the status
 * the manifest records. Nothing of iam-refine's encoder runs: what is trusted is the solver and
 * the files, whose sha256 must be the manifest's, with no file in `obligations/` it does not list.
 */
export async function recheckCertificate(directory: string, options: RecheckOptions): Promise<RecheckReport> {
  const manifest = readRecheckableManifest(directory);
  const binary = options.binary ?? (options.solver === 'cvc5' ? 'cvc5' : 'z3');
  const version = nativeVersion(binary, options.solver === 'cvc5' ? 'cvc5' : 'z3');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const problems: string[] = [];
  const listed = new Set(manifest.obligations.map((entry) => entry.file));
  const present = [...presentObligationFiles(directory)];
  for (const file of present) if (!listed.has(file)) problems.push(`${file}: not part of the certificate`);

  const toSolve: { file: string; recorded: ObligationStatus }[] = [];
  for (const entry of manifest.obligations) {
    // The path goes to another program: only plain file names inside obligations/.
    if (!SOLVER_FILE.test(entry.file)) problems.push(`${entry.file}: not a file name inside obligations/`);
    else if (!present.includes(entry.file)) problems.push(`${entry.file}: missing`);
    else if (createHash('sha256').update(readFileSync(join(directory, entry.file))).digest('hex') !== entry.sha256) problems.push(`${entry.file}: changed file (its sha256 differs from the manifest)`);
    else toSolve.push({ file: entry.file, recorded: entry.actual });
  }

  const args = (path: string): string[] => (options.solver === 'cvc5' ? ['--lang', 'smt2', `--tlimit-per=${timeoutMs}`, path] : [`-t:${timeoutMs}`, path]);
  const files: FileRecheck[] = new Array<FileRecheck>(toSolve.length);
  for (let queued = 0; queued < toSolve.length; queued++) options.observer?.onQueued?.();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < toSolve.length) {
      const index = next++;
      const { file, recorded } = toSolve[index]!;
      files[index] = { file, recorded, ...(await solveFile(binary, args(join(directory, file)), timeoutMs)) };
      options.observer?.onSettled?.({ status: files[index].answer, timeMs: files[index].timeMs });
    }
  };
  const workers = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
  await Promise.all(Array.from({ length: Math.min(workers, toSolve.length) }, lane));

  const decided = files.filter((result) => result.answer === 'sat' || result.answer === 'unsat');
  const recordedDecided = (result: FileRecheck): boolean => result.recorded === 'sat' || result.recorded === 'unsat';
  return {
    certificate: directory,
    solver: version,
    problems,
    files,
    decided: decided.length,
    agree: decided.filter((result) => result.answer === result.recorded).length,
    disagreements: decided.filter((result) => recordedDecided(result) && result.answer !== result.recorded),
    undecided: files.filter((result) => !decided.includes(result) || !recordedDecided(result)),
  };
}

/** 0 all decided and agreeing; 1 a disagreement or a file problem; 3 something undecided. */
export function recheckExitCode(report: RecheckReport): 0 | 1 | 3 {
  if (report.problems.length > 0 || report.disagreements.length > 0) return 1;
  return report.undecided.length > 0 ? 3 : 0;
}

/**
 * One process per file. z3 prints the answer first, then objects if it is not the file's
 * `:status` (which holds the expected status, so a refuted obligation's file always gets the
 * objection); cvc5 aborts instead, with `Expected result unsat but got sat` on stderr.
 */
function solveFile(binary: string, args: readonly string[], timeoutMs: number): Promise<Omit<FileRecheck, 'file' | 'recorded'>> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs + GRACE_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ answer: 'error', detail: error.message, timeMs: elapsed(started) });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const timeMs = elapsed(started);
      if (killed) return resolve({ answer: 'timeout', detail: 'the solver did not stop at its timeout', timeMs });
      const objection = /Expected result (sat|unsat|unknown) but got (sat|unsat|unknown)/.exec(stderr);
      if (objection !== null) return resolve({ answer: objection[2] as 'sat' | 'unsat' | 'unknown', timeMs });
      let output: ReturnType<typeof readScriptOutput>;
      try {
        output = readScriptOutput(stdout);
      } catch (error) {
        return resolve({ answer: 'error', detail: `unreadable output: ${error instanceof Error ? error.message : String(error)}`, timeMs });
      }
      // An exit code says something only when the solver printed no error and no :status objection.
      const failure = output.errors.length > 0 ? output.errors : code !== 0 && !output.statusMismatch ? [firstLine(stderr) || `exit ${signal ?? code}`] : [];
      if (failure.length > 0) return resolve({ answer: 'error', detail: failure.join('; '), timeMs });
      if (output.answer === undefined) return resolve({ answer: 'error', detail: 'no answer', timeMs });
      // A file has no way to ask why: an unknown that took the whole timeout is the timeout.
      if (output.answer === 'unknown' && timeMs >= timeoutMs) return resolve({ answer: 'timeout', timeMs });
      return resolve({ answer: output.answer, timeMs });
    });
  });
}

const firstLine = (text: string): string => text.trim().split('\n')[0] ?? '';
const elapsed = (started: number): number => Math.round(performance.now() - started);
