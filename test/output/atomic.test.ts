import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStaleSiblings, stageFolder, writeFileAtomic } from '../../src/output/atomic.js';
import { temporaryFolder } from '../support.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

let count = 0;
const fresh = (): string => {
  const path = join(folder.path, `case-${++count}`);
  mkdirSync(path);
  return path;
};

describe('writeFileAtomic', () => {
  it('creates or replaces the file, leaving nothing else beside it', () => {
    const parent = fresh();
    const target = join(parent, 'out.json');
    writeFileAtomic(target, 'one');
    writeFileAtomic(target, Buffer.from('two'));
    expect({ files: readdirSync(parent), text: readFileSync(target, 'utf8') }).toEqual({ files: ['out.json'], text: 'two' });
  });

  it('keeps the permissions of the file it replaces', () => {
    const target = join(fresh(), 'private.json');
    writeFileSync(target, 'old', { mode: 0o600 });
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new');
    expect(statSync(target).mode & 0o777).toBe(0o600);
  });

  it('leaves the earlier file whole and nothing beside it when the write fails', () => {
    const parent = fresh();
    const target = join(parent, 'out');
    mkdirSync(target);
    expect(() => writeFileAtomic(target, 'x')).toThrow();
    expect(readdirSync(parent)).toEqual(['out']);
  });
});

describe('stageFolder', () => {
  it('writes a hidden sibling that appears at the target only on commit', () => {
    const parent = fresh();
    const target = join(parent, 'cert');
    const staged = stageFolder(target);
    writeFileSync(join(staged.path, 'a.txt'), 'a');
    expect({ target: existsSync(target), hidden: readdirSync(parent).every((name) => name.startsWith('.cert.iam-refine-new-')) }).toEqual({ target: false, hidden: true });
    staged.commit();
    expect({ files: readdirSync(parent), inside: readdirSync(target) }).toEqual({ files: ['cert'], inside: ['a.txt'] });
  });

  it('replaces an empty folder and an earlier non-empty one, leaving nothing of the earlier', () => {
    const parent = fresh();
    const target = join(parent, 'cert');
    mkdirSync(target);
    for (const name of ['first.txt', 'second.txt']) {
      const staged = stageFolder(target);
      writeFileSync(join(staged.path, name), name);
      staged.commit();
    }
    expect({ files: readdirSync(parent), inside: readdirSync(target) }).toEqual({ files: ['cert'], inside: ['second.txt'] });
  });

  it('discards a staged folder without touching the target', () => {
    const parent = fresh();
    const target = join(parent, 'cert');
    mkdirSync(target);
    writeFileSync(join(target, 'kept.txt'), 'kept');
    const staged = stageFolder(target);
    writeFileSync(join(staged.path, 'new.txt'), 'new');
    staged.discard();
    expect({ files: readdirSync(parent), inside: readdirSync(target) }).toEqual({ files: ['cert'], inside: ['kept.txt'] });
  });
});

describe('removeStaleSiblings', () => {
  it("removes what a finished process left beside the target, and nothing of a running one's or anyone else's", () => {
    const parent = fresh();
    const target = join(parent, 'out');
    // Process ids beyond Linux's pid_max belong to no running process.
    const stale = ['.out.iam-refine-new-99999999-0123abcd', '.out.iam-refine-old-99999999-0123abcd'];
    const kept = [`.out.iam-refine-new-${process.pid}-0123abcd`, '.out.iam-refine-new-99999999-mine', '.other.iam-refine-new-99999999-0123abcd', 'out'];
    for (const name of [...stale, ...kept]) mkdirSync(join(parent, name));
    removeStaleSiblings(target);
    expect(readdirSync(parent).sort()).toEqual([...kept].sort());
  });
});
