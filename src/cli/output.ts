import { realpathSync, statSync, writeFileSync } from 'node:fs';
import { InputError } from '../input/input-error.js';
import { formatJsonPath } from '../input/json-path.js';
import type { Warning } from '../findings/unused-set.js';
import { writeFileAtomic } from '../output/atomic.js';
import { checkOutputFile } from '../output/guard.js';

export { canonicalPath } from '../output/guard.js';

/**
 * Writes a result to `--out` or standard output; never over one of the user's inputs (by path
 * or by file), and atomically: a run killed part-way leaves the earlier file whole.
 */
export function writeResult(text: string, out: string | undefined, inputs: readonly (string | undefined)[]): void {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  checkOutputFile(out, inputs);
  // A device or a pipe (`--out /dev/stdout`) cannot be replaced: it is written to as it is.
  if (!isSpecialFile(out)) return writeFileAtomic(linkTarget(out), text);
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new InputError(out, [], `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** An `--out` that is a symbolic link is written where it points, as a plain write would. */
function linkTarget(out: string): string {
  try {
    return realpathSync(out);
  } catch {
    return out;
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const stats = statSync(path);
    return !stats.isFile() && !stats.isDirectory();
  } catch {
    return false;
  }
}

export function printWarnings(warnings: readonly Warning[]): void {
  for (const warning of warnings) {
    const where = formatJsonPath(warning.path);
    process.stderr.write(`warning: ${warning.source}: ${where === '' ? '' : `${where}: `}${warning.message}\n`);
  }
}
