/** Where progress goes: standard error, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Calls `tick` every `ms` until stopped; the real one never keeps the process alive. */
export type ProgressTimer = (ms: number, tick: () => void) => () => void;

export interface ProgressOptions {
  /** How many items there will be, when known; `expect` adds to it as more become known. */
  readonly total?: number;
  /** What an item is called: "cases", "policies", "obligations". */
  readonly noun: string;
  /** The command, at the start of each status line: `check: 412/1,206 obligations, 8.1 s`. */
  readonly label?: string;
  /** What a step inside the items is called ("obligations" solved inside fuzz cases); shown once there is one. */
  readonly stepNoun?: string;
  /** `--quiet`: nothing at all (so is `IAM_REFINE_QUIET=1` in the environment). */
  readonly quiet?: boolean;
  readonly stream?: ProgressStream;
  /** Without a terminal, a status line at most this often, and at least this often while work goes on. */
  readonly intervalMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
  /** The heartbeat, for tests. */
  readonly timer?: ProgressTimer;
}

export interface Progress {
  /** One item is done; `line` (if any) is printed as its own line. */
  advance(item?: { readonly failed?: boolean; readonly line?: string }): void;
  /** `count` more items are known to come (a solver queue grows as the checker plans). */
  expect(count: number): void;
  /** One step of work inside the current item is done (an obligation inside a fuzz case). */
  step(): void;
  /** Stops the heartbeat and clears the bar, printing nothing else: the caller prints its summary. */
  finish(): void;
}

const BAR_WIDTH = 24;
const DEFAULT_INTERVAL_MS = 3000;

const realTimer: ProgressTimer = (ms, tick) => {
  const handle = setInterval(tick, ms);
  handle.unref();
  return () => clearInterval(handle);
};

const SILENT: Progress = { advance() {}, expect() {}, step() {}, finish() {} };

/**
 * Progress on stderr for long runs: a bar redrawn in place on a terminal (items done, time,
 * failures so far); elsewhere (CI logs, pipes) each item's line, and a status line every few
 * seconds while the work goes on, never a carriage return. Nothing ever goes to standard output.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet === true || process.env.IAM_REFINE_QUIET === '1') return SILENT;
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const interactive = stream.isTTY === true;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const started = now();
  let total = options.total;
  let done = 0;
  let failed = 0;
  let steps = 0;
  let lastLine = started;
  let drawn = false;
  let finished = false;

  const status = (): string => {
    // Nothing counted and nothing expected yet: still starting (a solver, a plan).
    const count = total === undefined ? (done === 0 ? 'starting' : `${count_(done)} ${options.noun}`) : `${count_(done)}/${count_(total)} ${options.noun}`;
    const inside = options.stepNoun !== undefined && steps > 0 ? `, ${count_(steps)} ${options.stepNoun}` : '';
    const failures = failed > 0 ? `, ${count_(failed)} failed` : '';
    return `${options.label === undefined ? '' : `${options.label}: `}${count}${inside}, ${((now() - started) / 1000).toFixed(1)} s${failures}`;
  };
  const bar = (): string => {
    if (total === undefined || total === 0) return '';
    const filled = Math.min(BAR_WIDTH, Math.round((BAR_WIDTH * done) / total));
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = (line?: string): void => {
    clear();
    if (line !== undefined) stream.write(`${line}\n`);
    stream.write(`${bar()}${status()}`);
    drawn = true;
  };
  const statusLine = (): void => {
    stream.write(`${status()}\n`);
    lastLine = now();
  };
  const stop = (options.timer ?? realTimer)(interactive ? 1000 : intervalMs, () => {
    if (finished) return;
    if (interactive) draw();
    else if (now() - lastLine >= intervalMs) statusLine();
  });

  return {
    advance(item = {}) {
      done += 1;
      if (item.failed === true) failed += 1;
      if (interactive) return draw(item.line);
      if (item.line !== undefined) {
        stream.write(`${item.line}\n`);
        lastLine = now();
      } else if (now() - lastLine >= intervalMs) {
        statusLine();
      }
    },
    expect(count) {
      total = (total ?? 0) + count;
    },
    step() {
      steps += 1;
    },
    finish() {
      finished = true;
      stop();
      if (interactive) clear();
    },
  };
}

function count_(value: number): string {
  return value.toLocaleString('en-US');
}
