import { linkSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputFile, checkOutputFolder } from '../../src/output/guard.js';
import { inputErrorOf, temporaryFolder } from '../support.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

const policy = folder.file('policy.json', '{}');
const REFUSAL = 'iam-refine never writes over what it was given';

describe('checkOutputFile', () => {
  it('lets through a new file, standard output and any file that is no input', () => {
    expect(() => checkOutputFile(join(folder.path, 'new.json'), [policy, '-', undefined])).not.toThrow();
    expect(() => checkOutputFile(folder.file('other.json', '{}'), [policy])).not.toThrow();
  });

  it('refuses an input by another spelling of its path, through a symbolic link, or through a hard link', () => {
    const soft = join(folder.path, 'soft.json');
    symlinkSync(policy, soft);
    const hard = join(folder.path, 'hard.json');
    linkSync(policy, hard);
    expect([join(folder.path, 'x', '..', 'policy.json'), soft, hard].map((out) => inputErrorOf(() => checkOutputFile(out, [policy])))).toEqual([
      `${join(folder.path, 'x', '..', 'policy.json')}: --out names one of the inputs; iam-refine never overwrites what it was given`,
      `${soft}: --out names one of the inputs; iam-refine never overwrites what it was given`,
      `${hard}: is the same file as the input ${policy} (a link to it); iam-refine never overwrites what it was given`,
    ]);
  });
});

describe('checkOutputFolder', () => {
  it('lets through a new folder and one that holds no input', () => {
    const out = join(folder.path, 'out');
    mkdirSync(out);
    folder.file('out/mine.json', '{}');
    expect(() => checkOutputFolder(join(folder.path, 'new'), [policy])).not.toThrow();
    expect(() => checkOutputFolder(out, [policy])).not.toThrow();
  });

  it('refuses a folder that is an input, holds one, or holds a hard link to one', () => {
    const holder = join(folder.path, 'holder');
    mkdirSync(join(holder, 'inputs'), { recursive: true });
    const inside = folder.file('holder/inputs/my-policy.json', '{}');
    const linked = join(folder.path, 'linked');
    mkdirSync(join(linked, 'deep'), { recursive: true });
    linkSync(policy, join(linked, 'deep', 'copy.json'));
    expect([
      inputErrorOf(() => checkOutputFolder(holder, [inside])),
      inputErrorOf(() => checkOutputFolder(policy, [policy])),
      inputErrorOf(() => checkOutputFolder(linked, [policy])),
    ]).toEqual([
      `${holder}: holds the input ${inside}; ${REFUSAL}`,
      `${policy}: holds the input ${policy}; ${REFUSAL}`,
      `${linked}: holds ${join(linked, 'deep', 'copy.json')}, the same file as the input ${policy}; ${REFUSAL}`,
    ]);
  });
});
