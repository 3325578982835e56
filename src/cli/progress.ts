/** Where progress goes: standard error, or a stand-in in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** How many items there will be, when known. */
  readonly total?: number;
  /** What an item is called: "cases", "policies", "principals". */
  readonly noun: string;
  readonly stream?: ProgressStream;
  /** Without a terminal, a status line at most this often when items bring no line of their own. */
  readonly intervalMs?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

export interface Progress {
  /** One item is done; `line` (if any) is printed as its own line. */
  advance(item?: { readonly failed?: boolean; readonly line?: string }): void;
  /** Clears the bar and prints nothing else: the caller prints its summary. */
  finish(): void;
}

const BAR_WIDTH = 24;

/**
 * Progress on stderr for long runs: a bar redrawn in place on a terminal (items done, items per
 * second, failures so far); elsewhere (CI logs, pipes) each item's line, or a status line every
 * few seconds, never a carriage return.
 */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const interactive = stream.isTTY === true;
  const intervalMs = options.intervalMs ?? 5000;
  const started = now();
  let done = 0;
  let failed = 0;
  let lastStatus = started;
  let drawn = false;

  const status = (): string => {
    const seconds = Math.max((now() - started) / 1000, 1e-3);
    const count = options.total === undefined ? `${done} ${options.noun}` : `${done}/${options.total} ${options.noun}`;
    return `${count} · ${(done / seconds).toFixed(1)}/s · ${failed} failed`;
  };
  const bar = (): string => {
    if (options.total === undefined || options.total === 0) return '';
    const filled = Math.round((BAR_WIDTH * done) / options.total);
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] `;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };

  return {
    advance(item = {}) {
      done += 1;
      if (item.failed === true) failed += 1;
      if (interactive) {
        clear();
        if (item.line !== undefined) stream.write(`${item.line}\n`);
        stream.write(`${bar()}${status()}`);
        drawn = true;
        return;
      }
      if (item.line !== undefined) {
        stream.write(`${item.line}\n`);
      } else if (now() - lastStatus >= intervalMs) {
        stream.write(`${status()}\n`);
        lastStatus = now();
      }
    },
    finish() {
      if (interactive) clear();
    },
  };
}
