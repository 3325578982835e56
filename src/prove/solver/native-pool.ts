import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { InputError } from '../../input/input-error.js';
import type { ObligationStatus, Outcome } from '../obligation.js';
import { DEFAULT_TIMEOUT_MS, type SolverPoolOptions } from './pool.js';
import type { Solver } from './solver.js';
import { atomOf, getValueResults, isList, parseSexprs, readScriptOutput, stringOf, type Sexpr } from './smtlib-output.js';

/**
 * How a worker process is fed: `reset` keeps one `z3 -in` per worker and sends `(reset)` before
 * each script (measured fastest, see bench/native.ts); `fresh` starts a new process per script.
 * `(push)`/`(pop)` is not offered: z3 refuses `(set-logic ...)` inside a push, and keeps the
 * previous script's `:status`, so it would not solve the script as given.
 */
export type NativeMode = 'reset' | 'fresh';

export interface NativeSolverOptions extends SolverPoolOptions {
  /** The z3 binary, looked up on PATH; default `z3`. */
  readonly binary?: string;
  readonly mode?: NativeMode;
  /** How long past its timeout a process may run before it is killed; default 5 s. */
  readonly graceMs?: number;
}

/** The native solver cannot be run: the CLI prints this as one line and exits with code 2. */
export class SolverUnavailableError extends InputError {
  constructor(binary: string, problem: string) {
    super(binary, [], problem);
  }
}

const GRACE_MS = 5_000;

interface Job {
  readonly script: string;
  readonly witnesses: readonly string[];
  readonly resolve: (outcome: Outcome) => void;
}

/**
 * Debian's z3 as a `Solver`: one persistent `z3 -in -smt2 -t:N` process per worker, fed one script
 * at a time from one queue. After the script come marker `echo`s, so that the answer, the model
 * and the reason for `unknown` are read from one write and one read, whatever z3 prints in
 * between. A process that overruns its timeout by the grace is killed and replaced, the script
 * reported as a timeout; one that dies is replaced, the script reported as an error.
 */
export class NativeSolverPool implements Solver {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[];
  private closed = false;

  private constructor(
    private readonly binary: string,
    readonly version: string,
    private readonly timeoutMs: number,
    private readonly graceMs: number,
    private readonly mode: NativeMode,
    count: number,
  ) {
    this.slots = Array.from({ length: count }, () => ({ process: this.spawnProcess(), job: undefined }));
  }

  static async start(options: NativeSolverOptions = {}): Promise<NativeSolverPool> {
    const binary = options.binary ?? 'z3';
    const count = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
    return new NativeSolverPool(binary, nativeVersion(binary), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.graceMs ?? GRACE_MS, options.mode ?? 'reset', count);
  }

  get workers(): number {
    return this.slots.length;
  }

  solve(script: string, witnesses: readonly string[] = []): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error('the solver pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ script, witnesses, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const abandoned = { status: 'error', timeMs: 0, reason: 'the solver pool was closed' } as const;
    for (const job of this.queue.splice(0)) job.resolve(abandoned);
    for (const slot of this.slots) {
      slot.job?.resolve(abandoned);
      slot.job = undefined;
    }
    await Promise.all(this.slots.map((slot) => slot.process.stop()));
  }

  private spawnProcess(): NativeProcess {
    return new NativeProcess(this.binary, ['-in', '-smt2', `-t:${this.timeoutMs}`]);
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      slot.job = job;
      void this.run(slot, job);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await this.converse(slot, job, started);
    } catch (error) {
      // A dead, killed or confused process is not reused: its next script would read its leftovers.
      const overran = error instanceof Overrun;
      outcome = overran
        ? { status: 'timeout', timeMs: this.timeoutMs + this.graceMs, reason: 'the solver did not stop at its timeout' }
        : { status: 'error', timeMs: elapsed(started), reason: error instanceof Error ? error.message : String(error) };
      void slot.process.stop();
      if (!this.closed) slot.process = this.spawnProcess();
    }
    if (slot.job !== job) return; // closed meanwhile: already settled
    if (this.mode === 'fresh' && !this.closed) {
      void slot.process.stop();
      slot.process = this.spawnProcess();
    }
    slot.job = undefined;
    job.resolve(outcome);
    this.dispatch();
  }

  private async converse(slot: Slot, job: Job, started: number): Promise<Outcome> {
    const deadline = this.timeoutMs + this.graceMs;
    const names = job.witnesses.map(symbol);
    const exchange = await slot.process.exchange(
      [
        // The previous script's declarations and model go now, not after it: the code-point
        // fallback of witnessValues still reads the model once the markers are out.
        '(reset)',
        job.script,
        MARK.answer,
        // Asked whatever the answer: after unsat z3 only objects that there is no model, which is skipped.
        ...(names.length > 0 ? [`(get-value (${names.join(' ')}))`, `(get-value (${names.map((name) => `(str.len ${name})`).join(' ')}))`] : []),
        MARK.model,
        '(get-info :reason-unknown)',
        MARK.end,
      ].join('\n'),
      [MARK.answer, MARK.model, MARK.end].map(markerLine),
      deadline,
    );
    const timeMs = elapsed(started);
    const [scriptText, modelText, reasonText] = exchange;
    const { answer, errors } = readScriptOutput(scriptText!);
    if (errors.length > 0) return { status: 'error', timeMs, reason: errors.join('; ') };
    if (answer === undefined) return { status: 'error', timeMs, reason: 'the solver printed no answer (no check-sat?)' };
    if (answer === 'unsat') return { status: 'unsat', timeMs };
    if (answer === 'unknown') {
      const reason = reasonOf(reasonText!);
      const status: ObligationStatus = /timeout|canceled/.test(reason) ? 'timeout' : 'unknown';
      return { status, timeMs, reason };
    }
    if (names.length === 0) return { status: 'sat', timeMs };
    const witnesses = await this.witnessValues(slot, names, modelText!, deadline);
    return { status: 'sat', timeMs: elapsed(started), witnesses };
  }

  /**
   * The witnesses' values. z3 4.8 prints a backslash unescaped, so a value holding a literal
   * `\u{41}` reads back as `A`: each value's length is asked beside it, and any value whose
   * decoded length differs is asked again code point by code point (from the same model).
   */
  private async witnessValues(slot: Slot, names: readonly string[], modelText: string, deadline: number): Promise<string[]> {
    const exprs = parseSexprs(modelText);
    const errors = exprs.filter((expr) => isList(expr) && atomOf(expr[0]) === 'error').map((expr) => (isList(expr) ? stringOf(expr[1]) : undefined) ?? 'error');
    if (errors.length > 0 || exprs.length !== 2) throw new Error(`get-value: ${errors.join('; ') || 'unexpected answer'}`);
    const values = getValueResults(exprs[0]!).map((value) => {
      const text = stringOf(value);
      if (text === undefined) throw new Error('get-value: a witness is not a string constant');
      return text;
    });
    const lengths = getValueResults(exprs[1]!).map(numeral);
    const ambiguous = values.map((value, index) => ({ value, index })).filter(({ value, index }) => [...value].length !== lengths[index]);
    for (const { index } of ambiguous) {
      const codes = Array.from({ length: lengths[index]! }, (_, at) => `(str.to_code (str.at ${names[index]} ${at}))`);
      const [text] = await slot.process.exchange(codes.length === 0 ? MARK.end : `(get-value (${codes.join(' ')}))\n${MARK.end}`, [markerLine(MARK.end)], deadline);
      values[index] = codes.length === 0 ? '' : String.fromCodePoint(...getValueResults(parseSexprs(text!)[0]!).map(numeral));
    }
    return values;
  }
}

interface Slot {
  process: NativeProcess;
  job: Job | undefined;
}

class Overrun extends Error {}

const MARK = { answer: '(echo "@@iam-refine:answer")', model: '(echo "@@iam-refine:model")', end: '(echo "@@iam-refine:end")' } as const;
const markerLine = (echo: string): string => /"(.*)"/.exec(echo)![1]!;

/** One solver process and its output, read as sections that end at marker lines. */
class NativeProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = '';
  private stderr = '';
  private exited: string | undefined;
  private waiter: (() => void) | undefined;

  constructor(binary: string, args: readonly string[]) {
    this.child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiter?.();
    });
    this.child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-2_000);
    });
    // A write to a process that died is reported by its exit, not by an unhandled EPIPE.
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (error) => this.exit(error.message));
    this.child.on('exit', (code, signal) => this.exit(`the solver exited (${signal ?? `code ${code}`})${this.stderr.trim() === '' ? '' : `: ${this.stderr.trim().split('\n')[0]}`}`));
  }

  /** Sends text and reads the output up to each marker line in turn. */
  async exchange(text: string, markers: readonly string[], deadlineMs: number): Promise<string[]> {
    if (this.exited !== undefined) throw new Error(this.exited);
    this.child.stdin.write(`${text}\n`);
    const sections: string[] = [];
    const deadline = performance.now() + deadlineMs;
    for (const marker of markers) {
      for (;;) {
        const found = this.take(marker);
        if (found !== undefined) {
          sections.push(found);
          break;
        }
        if (this.exited !== undefined) throw new Error(this.exited);
        if (!(await this.more(deadline - performance.now()))) throw new Overrun();
      }
    }
    return sections;
  }

  stop(): Promise<void> {
    if (this.exited !== undefined) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  private take(marker: string): string | undefined {
    const line = `${marker}\n`;
    const at = this.buffer.startsWith(line) ? 0 : this.buffer.indexOf(`\n${line}`);
    if (at < 0) return undefined;
    const start = at === 0 ? 0 : at + 1;
    const section = this.buffer.slice(0, start);
    this.buffer = this.buffer.slice(start + line.length);
    return section;
  }

  /** Waits for more output, an exit, or the deadline (false). */
  private more(remainingMs: number): Promise<boolean> {
    if (remainingMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(false);
      }, remainingMs);
      this.waiter = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(true);
      };
    });
  }

  private exit(reason: string): void {
    this.exited ??= reason;
    this.waiter?.();
  }
}

/**
 * `z3 4.8.12 (native)` from `Z3 version 4.8.12 - 64 bit` (`cvc5 1.0.3 (native)` likewise); a
 * missing binary is a usage error, one line at the CLI.
 */
export function nativeVersion(binary: string, name: 'z3' | 'cvc5' = 'z3'): string {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (result.error !== undefined) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SolverUnavailableError(binary, missing ? `not found on PATH (install it, e.g. apt-get install ${name}${name === 'z3' ? ', or use --solver wasm' : ''})` : `cannot be run: ${result.error.message}`);
  }
  const version = /(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
  if (result.status !== 0 || version === undefined) throw new SolverUnavailableError(binary, `--version did not name a version: ${JSON.stringify(result.stdout.trim().split('\n')[0] ?? '')}`);
  return `${name} ${version} (native)`;
}

/** A constant's name as an SMT-LIB symbol: `|...|` unless it is a simple symbol. */
function symbol(name: string): string {
  return /^[A-Za-z~!@$%^&*_+=<>.?/-][0-9A-Za-z~!@$%^&*_+=<>.?/-]*$/.test(name) ? name : `|${name}|`;
}

function numeral(expr: Sexpr): number {
  const value = Number(atomOf(expr));
  if (!Number.isInteger(value)) throw new Error('get-value: expected a numeral');
  return value;
}

function reasonOf(text: string): string {
  const info = parseSexprs(text).find(isList);
  return (info !== undefined && stringOf(info[1])) || atomOf(info?.[1]) || 'unknown';
}

const elapsed = (started: number): number => Math.round((performance.now() - started) * 10) / 10;
