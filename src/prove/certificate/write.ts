import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../input/input-error.js';
import { printJson } from '../../policy/print.js';
import type { CheckReport } from '../check.js';
import { buildManifest, INPUT_FILES, obligationFile, type Manifest } from './manifest.js';
import type { CertificateSources } from './sources.js';

/**
 * Writes a certificate folder: `manifest.json`, copies of the inputs, one `.smt2` file per
 * obligation. A folder that holds anything but an earlier certificate is refused, never cleared.
 */
export function writeCertificate(directory: string, sources: CertificateSources, report: CheckReport): Manifest {
  checkCertificateFolder(directory);
  rmSync(join(directory, 'inputs'), { recursive: true, force: true });
  rmSync(join(directory, 'obligations'), { recursive: true, force: true });
  const manifest = buildManifest(sources, report);
  mkdirSync(join(directory, 'inputs'), { recursive: true });
  mkdirSync(join(directory, 'obligations'), { recursive: true });
  writeFileSync(join(directory, INPUT_FILES.policy), sources.policy.text);
  writeFileSync(join(directory, INPUT_FILES.unused), sources.unused.text);
  writeFileSync(join(directory, INPUT_FILES.recommended), sources.recommended.text);
  if (sources.catalogFile !== undefined) writeFileSync(join(directory, INPUT_FILES.catalog), sources.catalogFile.text);
  if (sources.evidence !== undefined) writeFileSync(join(directory, INPUT_FILES.evidence), sources.evidence.source.text);
  for (const { obligation } of report.obligations) writeFileSync(join(directory, obligationFile(obligation.id)), obligation.script);
  writeFileSync(join(directory, 'manifest.json'), printJson(manifest as never));
  return manifest;
}

/**
 * Refuses, before any work, a folder a certificate may not be written to: anything that exists
 * and is neither an empty folder nor an earlier certificate.
 */
export function checkCertificateFolder(directory: string): void {
  if (!existsSync(directory)) return;
  const entries = statSync(directory).isDirectory() ? readdirSync(directory) : undefined;
  if (entries === undefined || (entries.length > 0 && (!entries.includes('manifest.json') || entries.some((entry) => !['manifest.json', 'inputs', 'obligations'].includes(entry))))) {
    throw new InputError(directory, [], 'exists and is not an iam-refine certificate; choose a new or empty folder');
  }
}
