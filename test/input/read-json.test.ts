import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonSource, readJsonFile, readSource, SIZE_LIMITS, textSource, type JsonSource } from '../../src/input/read-json.js';
import { inputErrorOf, temporaryFolder } from '../support.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

function sourceOf(text: string, name = 'policy.json'): JsonSource {
  return { name, text, sha256: 'unused-here' };
}

describe('readSource', () => {
  it('reads a file as UTF-8 text under the name the user wrote, with the sha256 of its bytes', () => {
    const bytes = Buffer.from('{"Sid": "é"}\n', 'utf8');
    const path = folder.file('policy.json', bytes);
    expect(readSource(path, 1000)).toEqual({ name: path, text: '{"Sid": "é"}\n', sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('says "no such file" for a missing file', () => {
    const path = join(folder.path, 'missing.json');
    expect(inputErrorOf(() => readSource(path, 1000))).toBe(`${path}: no such file`);
  });

  it('refuses a directory with a clear message', () => {
    const path = join(folder.path, 'a-folder');
    mkdirSync(path);
    expect(inputErrorOf(() => readSource(path, 1000))).toBe(`${path}: is a directory, expected a JSON file`);
  });

  it('refuses a file larger than the limit before reading it, in bytes below one MiB', () => {
    const path = folder.file('big.json', 'x'.repeat(1001));
    expect(inputErrorOf(() => readSource(path, 1000))).toBe(`${path}: file is 1001 bytes, larger than the 1000 bytes limit`);
  });

  it('states sizes of a MiB or more in MiB', () => {
    const path = folder.file('huge.json', Buffer.alloc(SIZE_LIMITS.policy + 1, 0x20));
    expect(inputErrorOf(() => readSource(path, SIZE_LIMITS.policy))).toBe(`${path}: file is 1.0 MiB, larger than the 1.0 MiB limit`);
  });

  // Regression (was a bug): the size came from stat, which says 0 for a device, and the whole input was read before it was measured.
  it('stops reading a device at the limit and refuses it', () => {
    expect(inputErrorOf(() => readSource('/dev/zero', 1000))).toBe('/dev/zero: input is larger than the 1000 bytes limit; stopped reading there');
  });

  it('reads a pipe to its end under the limit, and stops at the limit on an endless one', () => {
    const fifo = join(folder.path, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    // The writer runs apart: one short text, then an endless stream that must not be read whole.
    const short = spawn('sh', ['-c', `printf '[1]' > ${fifo}`]);
    expect(readSource(fifo, 1000).text).toBe('[1]');
    short.kill();
    const endless = spawn('sh', ['-c', `cat /dev/zero > ${fifo}`]);
    try {
      expect(inputErrorOf(() => readSource(fifo, 100_000))).toBe(`${fifo}: input is larger than the 100000 bytes limit; stopped reading there`);
    } finally {
      endless.kill();
    }
  });

  it('accepts a file of exactly the limit', () => {
    const path = folder.file('exact.json', 'x'.repeat(1000));
    expect(readSource(path, 1000).text).toHaveLength(1000);
  });
});

describe('textSource', () => {
  it('is the source a file with the same text would be, under the given name', () => {
    const text = '{"Statement": "ünïcode"}\n';
    const read = readSource(folder.file('same.json', text), SIZE_LIMITS.policy);
    expect(textSource('made.json', text)).toEqual({ ...read, name: 'made.json' });
  });
});

describe('parseJsonSource', () => {
  it('parses the text of a source', () => {
    expect(parseJsonSource(sourceOf('{"Version": "2012-10-17"}'))).toEqual({ Version: '2012-10-17' });
  });

  it('skips a leading byte order mark', () => {
    expect(parseJsonSource(sourceOf('\uFEFF[1]'))).toEqual([1]);
  });

  it('refuses an empty file, or one with only whitespace or a byte order mark, with its own message', () => {
    for (const text of ['', ' \n\t', '\uFEFF']) expect(inputErrorOf(() => parseJsonSource(sourceOf(text)))).toBe('policy.json: empty file, expected JSON');
  });

  it('names the file, the line and the column of a syntax error', () => {
    expect(inputErrorOf(() => parseJsonSource(sourceOf('{"Statement": [', 'unused.json')))).toBe('unused.json: not valid JSON: unexpected end of input at line 1, column 16');
  });

  it('names the JSON path of the object that repeats a key', () => {
    expect(inputErrorOf(() => parseJsonSource(sourceOf('{"Statement":[{"Action":"a","Action":"b"}]}')))).toBe('policy.json: Statement[0]: not valid JSON: duplicate key "Action" at line 1, column 29');
  });
});

describe('readJsonFile', () => {
  it('returns the source read and the value parsed', () => {
    const path = folder.file('list.json', '[true]');
    const { source, value } = readJsonFile(path, 100);
    expect({ name: source.name, text: source.text, value }).toEqual({ name: path, text: '[true]', value: [true] });
  });
});

describe('SIZE_LIMITS', () => {
  it('allows 1 MiB for a policy and 64 MiB for unused permissions and catalogs', () => {
    expect(SIZE_LIMITS).toEqual({ policy: 1_048_576, unused: 67_108_864, catalog: 67_108_864 });
  });
});
