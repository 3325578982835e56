import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Outcome } from '../obligation.js';
import type { SolvedMessage, WorkerMessage, WorkerRequest } from './protocol.js';

export interface SolverPoolOptions {
  /** How many solver threads; default: the machine's cores, at most 4. */
  readonly workers?: number;
  /** Per-obligation solver timeout. */
  readonly timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
/** The worker is stopped this long after its solver should have given up. */
const GRACE_MS = 5_000;

interface Job {
  readonly id: number;
  readonly script: string;
  readonly witnesses: readonly string[];
  readonly resolve: (outcome: Outcome) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Z3 in `worker_threads`, one WebAssembly instance per thread, fed from one queue: obligations
 * solve in parallel on a multi-core machine. A worker that overruns its timeout is terminated
 * and replaced, its obligation reported as a timeout. `close()` stops every thread so that Node
 * can exit.
 */
export class SolverPool {
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;

  private constructor(
    private readonly slots: Slot[],
    readonly version: string,
    private readonly timeoutMs: number,
  ) {
    for (const slot of slots) this.listen(slot);
  }

  static async start(options: SolverPoolOptions = {}): Promise<SolverPool> {
    const count = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
    const started = await Promise.all(Array.from({ length: count }, () => spawn()));
    return new SolverPool(
      started.map(({ worker }) => ({ worker, job: undefined, timer: undefined })),
      started[0]!.version,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
  }

  get workers(): number {
    return this.slots.length;
  }

  /** Solves one script; the witness constants are read back for a `sat` answer. */
  solve(script: string, witnesses: readonly string[] = []): Promise<Outcome> {
    if (this.closed) return Promise.reject(new Error('the solver pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, script, witnesses, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; a solve still running or queued settles as an `error` outcome. */
  async close(): Promise<void> {
    this.closed = true;
    const abandoned = { status: 'error', timeMs: 0, reason: 'the solver pool was closed' } as const;
    for (const job of this.queue.splice(0)) job.resolve(abandoned);
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.job?.resolve(abandoned);
      slot.job = undefined;
    }
    await Promise.all(this.slots.map((slot) => stop(slot.worker)));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) return;
      slot.job = job;
      slot.timer = setTimeout(() => void this.overrun(slot), this.timeoutMs + GRACE_MS);
      const request: WorkerRequest = { kind: 'solve', job: job.id, script: job.script, timeoutMs: this.timeoutMs, witnesses: job.witnesses };
      slot.worker.postMessage(request);
    }
  }

  private listen(slot: Slot): void {
    slot.worker.on('message', (message: WorkerMessage) => {
      if (message.kind !== 'solved' || slot.job?.id !== message.job) return;
      this.finish(slot, outcomeOf(message));
    });
    slot.worker.on('error', (error) => {
      if (slot.job !== undefined) this.finish(slot, { status: 'error', timeMs: 0, reason: error.message });
    });
  }

  private finish(slot: Slot, outcome: Outcome): void {
    clearTimeout(slot.timer);
    const job = slot.job!;
    slot.job = undefined;
    job.resolve(outcome);
    this.dispatch();
  }

  /** The solver ignored its timeout: replace the worker, report the obligation as timed out. */
  private async overrun(slot: Slot): Promise<void> {
    const job = slot.job;
    if (job === undefined) return;
    // A caller that kept the main thread busy makes the timer fire late, its answer still waiting
    // in the port behind it: let pending messages in first (they come before `setImmediate`).
    await new Promise((resolve) => setImmediate(resolve));
    if (slot.job !== job) return;
    const old = slot.worker;
    slot.job = undefined;
    job.resolve({ status: 'timeout', timeMs: this.timeoutMs + GRACE_MS, reason: 'the solver did not stop at its timeout' });
    await old.terminate();
    if (this.closed) return;
    slot.worker = (await spawn()).worker;
    this.listen(slot);
    this.dispatch();
  }
}

function outcomeOf(message: SolvedMessage): Outcome {
  const timeMs = Math.round(message.timeMs * 10) / 10;
  if (message.answer === 'unsat') return { status: 'unsat', timeMs };
  if (message.answer === 'sat') return { status: 'sat', timeMs, witnesses: message.values };
  if (message.answer === 'unknown') return { status: /timeout|canceled/.test(message.detail) ? 'timeout' : 'unknown', timeMs, reason: message.detail };
  return { status: 'error', timeMs, reason: message.detail };
}

/**
 * Compiled, the worker is `worker.js`. Run from sources (tests, tsx), it is `worker.ts`, and the
 * thread first registers tsx's loader: loader flags do not reach worker threads on Node 20.
 */
function spawn(): Promise<{ worker: Worker; version: string }> {
  const fromSources = import.meta.url.endsWith('.ts');
  const worker = fromSources
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); });`, { eval: true })
    : new Worker(new URL('./worker.js', import.meta.url));
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message: WorkerMessage) => {
      worker.off('error', reject);
      if (message.kind === 'ready') resolve({ worker, version: message.version });
    });
  });
}

async function stop(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const request: WorkerRequest = { kind: 'close' };
  worker.postMessage(request);
  const timer = setTimeout(() => void worker.terminate(), 3_000);
  await exited;
  clearTimeout(timer);
}
