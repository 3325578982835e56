/** The package as npm packs and installs it: a built dist/, and nothing that runs at install time. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_spawn.js';

interface PackageJson {
  readonly bin: Record<string, string>;
  readonly main: string;
  readonly files: readonly string[];
  readonly scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as PackageJson;
/** The lifecycle scripts npm runs when a package (or a tarball, or a git dependency) is installed. */
const INSTALL_TIME = ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare'];

describe('package.json', () => {
  it('has no install-time script: installing the packed tarball runs nothing', () => {
    expect(Object.keys(manifest.scripts).filter((name) => INSTALL_TIME.includes(name))).toEqual([]);
  });

  it('builds dist/ when it is packed, ships it, and points its bin and main into it', () => {
    expect({ prepack: manifest.scripts.prepack, build: manifest.scripts.build, ships: manifest.files.includes('dist'), bin: manifest.bin['iam-refine'], main: manifest.main }).toEqual({
      prepack: 'npm run --silent build',
      build: 'tsc -p tsconfig.build.json',
      ships: true,
      bin: 'dist/cli/bin.js',
      main: 'dist/index.js',
    });
  });

  it('builds before every script that runs dist/ (npm start, prove, fuzz, bench)', () => {
    const runsDist = Object.entries(manifest.scripts).filter(([, script]) => script.includes('dist/') || script.includes('bench/'));
    expect(runsDist.filter(([name, script]) => !script.startsWith('npm run --silent build') && manifest.scripts[`pre${name}`] !== 'npm run --silent build').map(([name]) => name)).toEqual([]);
  });
});
