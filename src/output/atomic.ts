import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../input/input-error.js';

/**
 * Every file and folder iam-refine writes appears atomically: it is written beside its target
 * under a hidden name and renamed into place, so a run killed at any moment leaves the previous
 * state or the complete result, never half of one. A kill can leave a hidden
 * `.<name>.iam-refine-new-<pid>-<hex>` (or `-old-`) sibling behind; nothing ever reads it, and
 * the next write of the same target removes it once its process is gone.
 */

/** A hidden sibling name for `target`, unique to this process and call. */
export function siblingName(target: string, role: 'new' | 'old'): string {
  return join(dirname(target), `.${basename(target)}.iam-refine-${role}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Removes what a killed earlier write of `target` left beside it: siblings named as `siblingName`
 * names them, by a process that no longer runs. Those names are iam-refine's own signature.
 */
export function removeStaleSiblings(target: string): void {
  const prefix = `.${basename(target)}.iam-refine-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target)).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const match = /^(?:new|old)-([0-9]+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (match !== null && !isRunning(Number(match[1]))) rmSync(join(dirname(target), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes `data` to `target` atomically: a temporary file beside it, flushed, then renamed over it. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  removeStaleSiblings(target);
  const temporary = siblingName(target, 'new');
  try {
    const fd = openSync(temporary, 'wx', 0o666);
    try {
      // A file replaced keeps its permissions, as one written in place would.
      const mode = existingMode(target);
      if (mode !== undefined) fchmodSync(fd, mode);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      // On disk before the rename, so that even a power cut shows the old file or the whole new one.
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(target, error);
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/** A failed write as bad input: one line naming the target and the system's reason. */
function cannotWrite(target: string, error: unknown): InputError {
  return new InputError(target, [], `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
}

/** Runs a write step, reporting a failure as `cannotWrite`. */
function writing<T>(target: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw cannotWrite(target, error);
  }
}

/** A folder being written under a hidden name beside its target, and put in place by `commit`. */
export interface StagedFolder {
  /** Where to write the folder's contents meanwhile. */
  readonly path: string;
  /** Puts the folder in place at once; an earlier folder there (checked as ours by the caller) is replaced. */
  commit(): void;
  /** Removes the staged folder (after a failure). */
  discard(): void;
}

/**
 * Starts writing a folder that will replace `target`. The caller must have established that
 * `target` is absent, an empty folder, or a folder iam-refine wrote: `commit` replaces it.
 */
export function stageFolder(target: string): StagedFolder {
  const path = siblingName(target, 'new');
  // The folder's parents are made as a plain write would; they hold nothing to lose.
  writing(target, () => mkdirSync(dirname(path), { recursive: true }));
  removeStaleSiblings(target);
  writing(target, () => mkdirSync(path));
  return {
    path,
    commit: () => writing(target, () => replaceWithFolder(path, target)),
    discard: () => rmSync(path, { recursive: true, force: true }),
  };
}

/**
 * Renames the finished folder `from` to `target`. An absent target or an empty folder is replaced
 * by one rename. A non-empty earlier folder is first renamed aside (no rename replaces a
 * non-empty folder), then removed: killed between the two renames, the earlier folder survives
 * whole under its hidden name and the new one under its own; neither is ever half-written.
 */
function replaceWithFolder(from: string, target: string): void {
  try {
    renameSync(from, target);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
  const aside = siblingName(target, 'old');
  renameSync(target, aside);
  renameSync(from, target);
  rmSync(aside, { recursive: true, force: true });
}
