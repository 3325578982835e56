import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
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

/** Reads a file (or standard input for `-`) as UTF-8 text, refusing files larger than `maxBytes`. */
export function readSource(path: string, maxBytes: number): JsonSource {
  const name = path === '-' ? '<stdin>' : path;
  if (path !== '-') {
    let size: number;
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) throw new InputError(name, [], 'is a directory, expected a JSON file');
      size = stats.size;
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(name, [], describeFsError(error));
    }
    if (size > maxBytes) throw new InputError(name, [], `file is ${formatBytes(size)}, larger than the ${formatBytes(maxBytes)} limit`);
  }
  let buffer: Buffer;
  try {
    buffer = readFileSync(path === '-' ? 0 : path);
  } catch (error) {
    throw new InputError(name, [], describeFsError(error));
  }
  if (buffer.length > maxBytes) throw new InputError(name, [], `input is larger than the ${formatBytes(maxBytes)} limit`);
  return { name, text: buffer.toString('utf8'), sha256: createHash('sha256').update(buffer).digest('hex') };
}

/** Parses JSON text; a syntax error names its line and column. */
/** A text made here (a printed policy, a joined finding) as a source, hashed like a file's bytes. */
export function textSource(name: string, text: string): JsonSource {
  return { name, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

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
