import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCaseFiles } from '../../src/suite/discover.js';
import { inputErrorOf, temporaryFolder } from '../support.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());
const root = folder.path;
for (const path of ['b/two', 'a/one', 'a/one/nested', 'a/.hidden', 'empty']) mkdirSync(join(root, path), { recursive: true });
for (const path of ['b/two', 'a/one', 'a/one/nested', 'a/.hidden']) writeFileSync(join(root, path, 'case.json'), '{}');
writeFileSync(join(root, 'a', 'notes.json'), '{}');

describe('findCaseFiles', () => {
  it('walks folders in name order, a folder before its subfolders, skipping hidden ones', () => {
    expect(findCaseFiles([root]).map((file) => file.slice(root.length + 1))).toEqual(['a/one/case.json', 'a/one/nested/case.json', 'b/two/case.json']);
  });

  it('takes case folders and case files, each case once, in the order given', () => {
    const files = findCaseFiles([join(root, 'b'), join(root, 'a', 'one', 'case.json'), join(root, 'b', 'two')]);
    expect(files.map((file) => file.slice(root.length + 1))).toEqual(['b/two/case.json', 'a/one/case.json']);
  });

  it('refuses a missing path, another file, and a folder without cases, naming the path', () => {
    expect(inputErrorOf(() => findCaseFiles([join(root, 'missing')]))).toBe(`${join(root, 'missing')}: no such file or folder`);
    expect(inputErrorOf(() => findCaseFiles([join(root, 'a', 'notes.json')]))).toBe(`${join(root, 'a', 'notes.json')}: expected a suite folder or a case.json file`);
    expect(inputErrorOf(() => findCaseFiles([join(root, 'empty')]))).toBe(`${join(root, 'empty')}: holds no case.json`);
  });
});
