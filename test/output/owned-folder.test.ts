import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/input/json.js';
import { checkOwnedFolder, folderEntries, isSafeRelativePath, unlistedFiles, type OwnedFolderKind } from '../../src/output/owned-folder.js';
import { inputErrorOf, temporaryFolder } from '../support.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** A kind whose manifest lists its files in `files`. */
const KIND: OwnedFolderKind = {
  noun: 'a test output',
  isFormat: (format) => format.startsWith('test-output/'),
  listed: (manifest: JsonObject) => (Array.isArray(manifest.files) ? ['manifest.json', ...(manifest.files as string[])] : undefined),
};

let count = 0;
/** A folder holding these files (a name ending in `/` is an empty folder). */
function folderWith(files: Record<string, string>): string {
  const path = join(folder.path, `case-${++count}`);
  mkdirSync(path);
  for (const [file, content] of Object.entries(files)) {
    if (file.endsWith('/')) mkdirSync(join(path, file), { recursive: true });
    else {
      mkdirSync(join(path, file, '..'), { recursive: true });
      writeFileSync(join(path, file), content);
    }
  }
  return path;
}

const manifest = (files: readonly string[], format = 'test-output/1'): string => JSON.stringify({ format, files });

describe('checkOwnedFolder', () => {
  it('says absent, empty or owned for the folders it may replace', () => {
    expect([
      checkOwnedFolder(join(folder.path, 'nothing-here'), KIND),
      checkOwnedFolder(folderWith({}), KIND),
      checkOwnedFolder(folderWith({ 'manifest.json': manifest(['a.txt', 'sub/b.txt']), 'a.txt': 'a', 'sub/b.txt': 'b' }), KIND),
      checkOwnedFolder(folderWith({ 'manifest.json': manifest(['a.txt']) }), KIND),
    ]).toEqual(['absent', 'empty', 'owned', 'owned']);
  });

  it.each([
    ['no manifest', { 'notes.txt': 'mine' }, 'exists and is not a test output'],
    ['a manifest without the marker', { 'manifest.json': '{"name": "my web app"}' }, 'exists and is not a test output'],
    ['a manifest of another kind', { 'manifest.json': manifest([], 'iam-refine-certificate/1') }, 'exists and is not a test output'],
    ['a manifest that is not JSON', { 'manifest.json': '{' }, 'exists and is not a test output'],
    ['a manifest listing nothing readable', { 'manifest.json': '{"format": "test-output/1"}' }, "exists and is not a test output (its manifest.json names files outside it)"],
    ['a file the manifest does not list', { 'manifest.json': manifest(['a.txt']), 'a.txt': 'a', 'inputs/notes.txt': 'mine' }, 'holds inputs/notes.txt, which is not part of a test output (its manifest.json does not list it)'],
    ['an empty folder the manifest does not list', { 'manifest.json': manifest([]), 'mine/': '' }, 'holds mine/, which is not part of a test output (its manifest.json does not list it)'],
  ])('refuses a folder with %s, in one line', (_, files: Record<string, string>, reason) => {
    const path = folderWith(files);
    expect(inputErrorOf(() => checkOwnedFolder(path, KIND))).toBe(`${path}: ${reason}; choose a new or empty folder`);
  });

  it('refuses a file and a symbolic link', () => {
    const file = folder.file('a-file', 'mine');
    const link = join(folder.path, 'a-link');
    symlinkSync(folderWith({}), link);
    expect([inputErrorOf(() => checkOwnedFolder(file, KIND)), inputErrorOf(() => checkOwnedFolder(link, KIND))]).toEqual([
      `${file}: exists and is not a folder; choose a new or empty folder`,
      `${link}: is a symbolic link; choose a new or empty folder`,
    ]);
  });
});

describe('folderEntries and unlistedFiles', () => {
  it('lists files by relative path and empty folders with a trailing slash, in name order', () => {
    const path = folderWith({ 'b.txt': '', 'a/c.txt': '', 'a/empty/': '' });
    expect({ entries: folderEntries(path), unlisted: unlistedFiles(path, ['b.txt', 'a/empty/']) }).toEqual({ entries: ['a/c.txt', 'a/empty/', 'b.txt'], unlisted: ['a/c.txt'] });
  });
});

describe('isSafeRelativePath', () => {
  it('takes plain relative paths only', () => {
    expect(['a.json', 'inputs/a.json', 'obligations/', '../a', 'a/../b', '/etc/passwd', 'a\\\\b', '', 'a//b', './a'].map(isSafeRelativePath)).toEqual([
      true, true, true, false, false, false, false, false, false, false,
    ]);
  });
});
