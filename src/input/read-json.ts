import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from './input-error.js';
import type { Json } from './json.js';
import { JsonSyntaxError, parseJson } from './parse-json.js';

export interface JsonSource {
  /** The name used in messages: the path as the user wrote it, or `<stdin>`. */
  readonly name: string;
  readonly text: string;
  /** Hex sha256 of the bytes as read: the identity certificates record. */
  readonly sha256: string;
}

const MIB = 1024 * 1024;

/**
 * Reads a file (or standard input for `-`) as UTF-8 text, refusing more than `maxBytes`. The bound
 * holds for anything that can be named: a regular file larger than the limit is refused before a
 * byte is read, and a device, a pipe or standard input (whose size nobody knows beforehand) is
 * read in chunks and refused as soon as it goes past the limit, without reading the rest.
 */
export function readSource(path: string, maxBytes: number): JsonSource {
  const name = path === '-' ? '<stdin>' : path;
  const fail = (error: unknown): never => {
    throw new InputError(name, [], describeFsError(error));
  };
  let fd: number;
  try {
    fd = path === '-' ? 0 : openSync(path, 'r');
  } catch (error) {
    return fail(error);
  }
  try {
    let stats: Stats;
    try {
      stats = fstatSync(fd);
    } catch (error) {
      return fail(error);
    }
    if (stats.isDirectory()) throw new InputError(name, [], 'is a directory, expected a JSON file');
    if (stats.isFile() && stats.size > maxBytes) throw new InputError(name, [], `file is ${formatBytes(stats.size)}, larger than the ${formatBytes(maxBytes)} limit`);
    const buffer = readAtMost(fd, maxBytes + 1, fail);
    if (buffer.length > maxBytes) throw new InputError(name, [], `input is larger than the ${formatBytes(maxBytes)} limit; stopped reading there`);
    return { name, text: buffer.toString('utf8'), sha256: createHash('sha256').update(buffer).digest('hex') };
  } finally {
    if (path !== '-') closeSync(fd);
  }
}

const CHUNK = 64 * 1024;

/** Reads from `fd` until its end or `limit` bytes, whichever comes first. */
function readAtMost(fd: number, limit: number, fail: (error: unknown) => never): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit - total));
    let count: number;
    try {
      count = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing yet: wait a moment and read again.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      return fail(error);
    }
    if (count === 0) break;
    chunks.push(count === chunk.length ? chunk : chunk.subarray(0, count));
    total += count;
  }
  return Buffer.concat(chunks, total);
}

/** A text made here (a printed policy, a joined finding) as a source, hashed like a file's bytes. */
export function textSource(name: string, text: string): JsonSource {
  return { name, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** Parses JSON text; a syntax error names its line and column. */
export function parseJsonSource(source: JsonSource): Json {
  const text = source.text.charCodeAt(0) === 0xfeff ? source.text.slice(1) : source.text;
  if (text.trim() === '') throw new InputError(source.name, [], 'empty file, expected JSON');
  try {
    return parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new InputError(source.name, error.path, `not valid JSON: ${error.message}`);
  }
}

export function readJsonFile(path: string, maxBytes: number): { source: JsonSource; value: Json } {
  const source = readSource(path, maxBytes);
  return { source, value: parseJsonSource(source) };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, expected a JSON file';
  return error instanceof Error ? error.message : String(error);
}

function formatBytes(bytes: number): string {
  return bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`;
}

export const SIZE_LIMITS = {
  policy: 1 * MIB,
  unused: 64 * MIB,
  catalog: 64 * MIB,
} as const;
