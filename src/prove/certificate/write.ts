import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printJson } from '../../policy/print.js';
import { stageFolder } from '../../output/atomic.js';
import { checkOwnedFolder } from '../../output/owned-folder.js';
import type { CheckReport } from '../check.js';
import { CERTIFICATE_FOLDER } from './files.js';
import { buildManifest, INPUT_FILES, obligationFile, type Manifest } from './manifest.js';
import type { CertificateSources } from './sources.js';

/**
 * Writes a certificate folder: `manifest.json`, copies of the inputs, one `.smt2` file per
 * obligation. The folder is written beside its target and renamed into place, so it appears
 * whole or not at all; it replaces only an empty folder or an earlier certificate holding
 * nothing its manifest does not list, never anything else.
 */
export function writeCertificate(directory: string, sources: CertificateSources, report: CheckReport): Manifest {
  checkCertificateFolder(directory);
  const manifest = buildManifest(sources, report);
  const staged = stageFolder(directory);
  try {
    const write = (file: string, text: string): void => writeFileSync(join(staged.path, file), text);
    mkdirSync(join(staged.path, 'inputs'));
    mkdirSync(join(staged.path, 'obligations'));
    write(INPUT_FILES.policy, sources.policy.text);
    write(INPUT_FILES.unused, sources.unused.text);
    write(INPUT_FILES.recommended, sources.recommended.text);
    if (sources.catalogFile !== undefined) write(INPUT_FILES.catalog, sources.catalogFile.text);
    if (sources.evidence !== undefined) write(INPUT_FILES.evidence, sources.evidence.source.text);
    for (const { obligation } of report.obligations) write(obligationFile(obligation.id), obligation.script);
    write('manifest.json', printJson(manifest as never));
    staged.commit();
  } catch (error) {
    staged.discard();
    throw error;
  }
  return manifest;
}

/**
 * Refuses, before any work, a folder a certificate may not be written to: anything that exists
 * and is neither an empty folder nor an earlier certificate holding only what it lists.
 */
export function checkCertificateFolder(directory: string): void {
  checkOwnedFolder(directory, CERTIFICATE_FOLDER);
}
