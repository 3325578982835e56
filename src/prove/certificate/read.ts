import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../catalog/catalog.js';
import { loadPinnedCatalog, parseCatalog } from '../../catalog/load.js';
import { InputError } from '../../input/input-error.js';
import { isJsonObject, type Json } from '../../input/json.js';
import type { JsonPath } from '../../input/json-path.js';
import { parseJsonSource, readSource, SIZE_LIMITS, type JsonSource } from '../../input/read-json.js';
import type { ObligationStatus } from '../obligation.js';
import { CERTIFICATE_FOLDER } from './files.js';
import { CERTIFICATE_FORMAT, type Manifest } from './manifest.js';

/** A certificate folder's manifest, with the fields that verification and drift rely on checked. */
export function readManifest(directory: string): Manifest {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path)) throw new InputError(directory, [], 'not a certificate: no manifest.json');
  const value = parseJsonSource(readSource(path, SIZE_LIMITS.unused));
  const fail = (where: JsonPath, problem: string): never => {
    throw new InputError(path, where, problem);
  };
  if (!isJsonObject(value) || value.format !== CERTIFICATE_FORMAT) return fail(['format'], `expected "${CERTIFICATE_FORMAT}"`);
  // Only the fields verification relies on are checked; the rest is reported as it is.
  const inputs = isJsonObject(value.inputs) ? value.inputs : fail(['inputs'], 'expected an object');
  for (const key of ['policy', 'unused', 'recommended'] as const) {
    const entry = inputs[key];
    if (!isJsonObject(entry) || typeof entry.file !== 'string' || typeof entry.sha256 !== 'string') fail(['inputs', key], 'expected {"file", "sha256"}');
  }
  if (value.granularity !== 'word' && value.granularity !== 'char') fail(['granularity'], 'expected "word" or "char"');
  if (!isJsonObject(value.catalog)) fail(['catalog'], 'expected an object');
  if (!Array.isArray(value.structural)) fail(['structural'], 'expected a list');
  const obligations = Array.isArray(value.obligations) ? value.obligations : fail(['obligations'], 'expected a list');
  obligations.forEach((entry: Json, index: number) => {
    if (!isJsonObject(entry)) return fail(['obligations', index], 'expected an object');
    for (const key of ['id', 'file', 'sha256', 'actual', 'verdict']) if (typeof entry[key] !== 'string') fail(['obligations', index, key], 'expected a string');
  });
  return value as unknown as Manifest;
}

/**
 * The catalog the certificate was made with, when it is at hand: its copied file (read by
 * `copiedCatalog`, checked against the manifest), or the pinned package if this install has the
 * same version; `undefined` otherwise.
 */
export function certifiedCatalog(manifest: Manifest, copiedCatalog: () => JsonSource): Catalog | undefined {
  if (manifest.catalog.source === 'file') {
    const source = copiedCatalog();
    if (manifest.inputs.catalog?.sha256 !== manifest.catalog.sha256 || source.sha256 !== manifest.catalog.sha256) {
      throw new InputError(source.name, [], 'the copied catalog is not the one the certificate names');
    }
    return parseCatalog(parseJsonSource(source), source.name, source.sha256);
  }
  const pinned = loadPinnedCatalog();
  return pinned.identity.source === 'package' && pinned.identity.version === manifest.catalog.version ? pinned : undefined;
}

/** What the independent re-check reads of any certificate of the family (a refinement's, a comparison's): its obligation files and recorded answers. */
export interface RecheckableManifest {
  readonly obligations: readonly { readonly file: string; readonly sha256: string; readonly actual: ObligationStatus }[];
}

export function readRecheckableManifest(directory: string): RecheckableManifest {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path)) throw new InputError(directory, [], 'not a certificate: no manifest.json');
  const value = parseJsonSource(readSource(path, SIZE_LIMITS.unused));
  if (value === null || !isJsonObject(value) || typeof value.format !== 'string' || !CERTIFICATE_FOLDER.isFormat(value.format)) {
    throw new InputError(path, ['format'], `expected "${CERTIFICATE_FORMAT}" or another iam-refine certificate format`);
  }
  if (value.format === CERTIFICATE_FORMAT) return readManifest(directory);
  const obligations = Array.isArray(value.obligations) ? value.obligations : [];
  if (!Array.isArray(value.obligations)) throw new InputError(path, ['obligations'], 'expected a list');
  obligations.forEach((entry: Json, index: number) => {
    if (!isJsonObject(entry)) throw new InputError(path, ['obligations', index], 'expected an object');
    for (const key of ['file', 'sha256', 'actual']) if (typeof entry[key] !== 'string') throw new InputError(path, ['obligations', index, key], 'expected a string');
  });
  return value as unknown as RecheckableManifest;
}
