import { afterAll, describe, expect, it } from 'vitest';
import { checkOneStdin, loadCatalog, loadPolicy, loadUnused } from '../../src/cli/inputs.js';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import { catalogOf, inputErrorOf, temporaryFolder } from '../support.js';
import { ARTICLE_CATALOG, ARTICLE_CATALOG_SHA256, ARTICLE_POLICY } from '../article.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe('loadCatalog', () => {
  it('loads the pinned package catalog when no file is given', () => {
    expect(loadCatalog(undefined)).toEqual({ catalog: loadPinnedCatalog(), source: undefined });
  });

  it('loads a catalog file when one is given', () => {
    const { catalog, source } = loadCatalog(ARTICLE_CATALOG);
    expect(catalog.identity).toEqual({ source: 'file', sha256: ARTICLE_CATALOG_SHA256 });
    expect(source?.sha256).toBe(ARTICLE_CATALOG_SHA256);
  });
});

describe('loadPolicy', () => {
  it('reads and parses a policy file, keeping its source', () => {
    const { policy, source } = loadPolicy(ARTICLE_POLICY);
    expect({ name: source.name, statements: policy.statements.length }).toEqual({ name: ARTICLE_POLICY, statements: 2 });
  });

  it('names the file in grammar errors', () => {
    const path = folder.file('no-statement.json', '{"Version": "2012-10-17"}');
    expect(inputErrorOf(() => loadPolicy(path))).toBe(`${path}: missing "Statement"`);
  });
});

describe('loadUnused', () => {
  const catalog = catalogOf({ s3: ['GetObject'] }, 'cafe');

  it('reads, parses and resolves the unused permissions against the catalog', () => {
    const path = folder.file('unused.json', '[{"serviceNamespace": "s3", "actions": ["getobject", "Nothing"]}]');
    const { unused, source } = loadUnused(path, catalog, false);
    expect({ name: source.name, actions: [...unused.actions], unknown: [...unused.unknown], warnings: unused.warnings.length }).toEqual({ name: path, actions: ['s3:getobject'], unknown: ['s3:nothing'], warnings: 1 });
  });

  it('refuses unknown actions when strict', () => {
    const path = folder.file('strict.json', '[{"serviceNamespace": "s3", "actions": ["Nothing"]}]');
    expect(inputErrorOf(() => loadUnused(path, catalog, true))).toBe(`${path}: [0].actions[0]: unknown action "s3:Nothing" in catalog file sha256:cafe; --strict refuses it (without --strict: a warning)`);
  });
});

describe('checkOneStdin', () => {
  it('allows at most one input to be standard input', () => {
    expect(() => checkOneStdin(['-', 'unused.json', undefined])).not.toThrow();
    expect(inputErrorOf(() => checkOneStdin(['-', 'unused.json', '-']))).toBe('<stdin>: only one input can be read from standard input');
  });
});
