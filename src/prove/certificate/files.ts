import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type Json, type JsonObject } from '../../input/json.js';
import { isSafeRelativePath, MANIFEST_FILE, unlistedFiles, type OwnedFolderKind } from '../../output/owned-folder.js';
import { CERTIFICATE_FORMAT, type Manifest } from './manifest.js';

/**
 * The files a certificate consists of, as its manifest lists them: `manifest.json`, and every
 * `file` the manifest names, in whatever section (inputs, obligations, ...), plus the `inputs/`
 * and `obligations/` folders, which may be empty. `undefined` when a named file is not a plain
 * relative path inside the folder: no certificate iam-refine writes names one.
 */
export function certificateFiles(manifest: JsonObject): string[] | undefined {
  const files = new Set<string>([MANIFEST_FILE, 'inputs/', 'obligations/']);
  let safe = true;
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isJsonObject(value)) {
      for (const [key, field] of Object.entries(value)) {
        if (key === 'file' && typeof field === 'string') {
          if (isSafeRelativePath(field) && !field.endsWith('/')) files.add(field);
          else safe = false;
        } else visit(field);
      }
    }
  };
  visit(manifest);
  return safe ? [...files] : undefined;
}

const FORMAT_FAMILY = CERTIFICATE_FORMAT.slice(0, CERTIFICATE_FORMAT.lastIndexOf('/') + 1);

/** A certificate folder as an owned output folder: certify and account replace only these. */
export const CERTIFICATE_FOLDER: OwnedFolderKind = {
  noun: 'an iam-refine certificate',
  isFormat: (format) => format.startsWith(FORMAT_FAMILY),
  listed: certificateFiles,
};

/** What `verify-cert` reports about files the manifest does not list: one problem per file. */
export function unlistedCertificateFiles(directory: string, manifest: Manifest): string[] {
  const listed = certificateFiles(manifest as unknown as JsonObject);
  if (listed === undefined) return [`${MANIFEST_FILE}: names a file that is not a plain relative path inside the certificate`];
  return unlistedFiles(directory, listed).map((file) => `${file}: not part of the certificate (the manifest does not list it)`);
}

/** The obligation files a certificate folder holds, as the manifest names them (`obligations/<id>.smt2`). */
export function presentObligationFiles(directory: string): Set<string> {
  const folder = join(directory, 'obligations');
  return new Set(existsSync(folder) ? readdirSync(folder).map((file) => `obligations/${file}`) : []);
}
