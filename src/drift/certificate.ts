import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import { loadPinnedCatalog, parseCatalog } from '../catalog/load.js';
import type { Granularity } from '../catalog/tokenize.js';
import { InputError } from '../input/input-error.js';
import { isJsonObject, type JsonObject } from '../input/json.js';
import { parseJsonSource, readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { CERTIFICATE_FORMAT, INPUT_FILES } from '../prove/certificate/manifest.js';

/** What drift needs of a certificate: its inputs as they were certified, and the catalog it was made with. */
export interface CertifiedInputs {
  readonly policy: JsonSource;
  readonly unused: JsonSource;
  readonly recommended: JsonSource;
  readonly recommendedBy: string;
  readonly granularity: Granularity;
  readonly catalog: CatalogIdentity;
  /** The certificate's catalog when it is at hand: its copied file, or the pinned package at the same version. */
  readonly catalogThen: Catalog | undefined;
}

/**
 * Reads a certificate folder's manifest and copied inputs, refusing inputs whose sha256 differs
 * from the manifest's (a full re-check of the certificate is `verify-cert`'s job).
 */
export function readCertifiedInputs(directory: string): CertifiedInputs {
  const manifestPath = join(directory, 'manifest.json');
  if (!existsSync(manifestPath)) throw new InputError(directory, [], 'not a certificate: no manifest.json');
  const manifest = parseJsonSource(readSource(manifestPath, SIZE_LIMITS.unused));
  const fail = (path: readonly (string | number)[], problem: string): never => {
    throw new InputError(manifestPath, path, problem);
  };
  if (!isJsonObject(manifest) || manifest.format !== CERTIFICATE_FORMAT) return fail(['format'], `expected "${CERTIFICATE_FORMAT}"`);
  const inputs = isJsonObject(manifest.inputs) ? manifest.inputs : fail(['inputs'], 'expected an object');
  const copy = (key: 'policy' | 'unused' | 'recommended' | 'catalog'): JsonSource => {
    const entry = inputs[key];
    if (!isJsonObject(entry) || entry.file !== INPUT_FILES[key] || typeof entry.sha256 !== 'string') return fail(['inputs', key], `expected {"file": "${INPUT_FILES[key]}", "sha256"}`);
    const source = readSource(join(directory, INPUT_FILES[key]), SIZE_LIMITS.catalog);
    if (source.sha256 !== entry.sha256) throw new InputError(source.name, [], 'changed since it was certified (its sha256 differs from the manifest)');
    return source;
  };
  const granularity = manifest.granularity === 'word' || manifest.granularity === 'char' ? manifest.granularity : fail(['granularity'], 'expected "word" or "char"');
  const catalog = catalogIdentityOf(manifest.catalog, fail);
  const recommendedEntry = inputs.recommended as JsonObject | undefined;
  return {
    policy: copy('policy'),
    unused: copy('unused'),
    recommended: copy('recommended'),
    recommendedBy: typeof recommendedEntry?.by === 'string' ? recommendedEntry.by : 'given',
    granularity,
    catalog,
    catalogThen: catalogThen(catalog, () => copy('catalog')),
  };
}

function catalogIdentityOf(value: unknown, fail: (path: readonly string[], problem: string) => never): CatalogIdentity {
  const catalog = value as JsonObject | undefined;
  if (isJsonObject(catalog ?? null) && catalog!.source === 'file' && typeof catalog!.sha256 === 'string') return { source: 'file', sha256: catalog!.sha256 };
  if (isJsonObject(catalog ?? null) && catalog!.source === 'package' && typeof catalog!.package === 'string' && typeof catalog!.version === 'string') {
    return { source: 'package', package: catalog!.package, version: catalog!.version };
  }
  return fail(['catalog'], 'expected a catalog identity');
}

function catalogThen(identity: CatalogIdentity, copied: () => JsonSource): Catalog | undefined {
  if (identity.source === 'file') {
    const source = copied();
    return parseCatalog(parseJsonSource(source), source.name, source.sha256);
  }
  const pinned = loadPinnedCatalog();
  return pinned.identity.source === 'package' && pinned.identity.version === identity.version ? pinned : undefined;
}
