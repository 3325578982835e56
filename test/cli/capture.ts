/** Runs the CLI in-process with standard output and error captured. */
import { run } from '../../src/cli/main.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Calls `body` with `process.stdout.write` and `process.stderr.write` captured, then puts them back. */
export async function captured(body: () => Promise<number> | number): Promise<Captured> {
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
  try {
    const code = await body();
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    process.exitCode = undefined;
  }
}

/** `iam-refine ...argv`, in-process. */
export function runCli(...argv: string[]): Promise<Captured> {
  return captured(() => run(argv));
}
