/** Runs the CLI in-process with standard output and error captured. */
import { run } from '../../src/cli/main.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Calls `body` with `process.stdout.write` and `process.stderr.write` captured, then puts them back.
 * Progress is off (`IAM_REFINE_QUIET=1`) unless asked for: a status line every few seconds would
 * make what a slow, busy machine prints differ from a fast one's; `stderrTTY` makes stderr a terminal.
 */
export async function captured(body: () => Promise<number> | number, options: { readonly progress?: boolean; readonly stderrTTY?: boolean } = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const { write: writeOut } = process.stdout;
  const { write: writeErr } = process.stderr;
  const into = (chunks: string[]): typeof process.stdout.write =>
    ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = into(out);
  process.stderr.write = into(err);
  const quiet = process.env.IAM_REFINE_QUIET;
  const tty = process.stderr.isTTY;
  if (options.progress === true) delete process.env.IAM_REFINE_QUIET;
  else process.env.IAM_REFINE_QUIET = '1';
  if (options.stderrTTY !== undefined) process.stderr.isTTY = options.stderrTTY;
  try {
    const code = await body();
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    if (quiet === undefined) delete process.env.IAM_REFINE_QUIET;
    else process.env.IAM_REFINE_QUIET = quiet;
    process.stderr.isTTY = tty;
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
}

/** `iam-refine ...argv`, in-process. */
export function runCli(...argv: string[]): Promise<Captured> {
  return captured(() => run(argv));
}

/** `iam-refine ...argv`, in-process, with its progress on the captured stderr (`stderrTTY`: as on a terminal). */
export function runCliWithProgress(options: { readonly stderrTTY?: boolean }, ...argv: string[]): Promise<Captured> {
  return captured(() => run(argv), { progress: true, ...options });
}

/** Lines of stderr that are not progress status lines (`check: 412/1,206 obligations, 8.1 s`). */
export function withoutStatusLines(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^[a-z-]+(?: --[a-z]+)?: (?:starting|[\d,]+(?:\/[\d,]+)? [a-z]+)[^\n]* [\d.]+ s(?:, [\d,]+ failed)?$/.test(line))
    .join('\n');
}
