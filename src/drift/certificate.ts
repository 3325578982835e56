import { join } from 'node:path';
import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import { InputError } from '../input/input-error.js';
import { readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { INPUT_FILES } from '../prove/certificate/manifest.js';
import { certifiedCatalog, readManifest } from '../prove/certificate/read.js';

/** What drift needs of a certificate: its inputs as they were certified, and the catalog it was made with. */
export interface CertifiedInputs {
  readonly policy: JsonSource;
  readonly unused: JsonSource;
  readonly recommended: JsonSource;
  readonly recommendedBy: string;
  readonly existingPolicyId?: string;
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
  const manifest = readManifest(directory);
  const copy = (key: keyof typeof INPUT_FILES): JsonSource => {
    const source = readSource(join(directory, INPUT_FILES[key]), SIZE_LIMITS.catalog);
    if (source.sha256 !== manifest.inputs[key]?.sha256) throw new InputError(source.name, [], 'changed since it was certified (its sha256 differs from the manifest)');
    return source;
  };
  return {
    policy: copy('policy'),
    unused: copy('unused'),
    recommended: copy('recommended'),
    recommendedBy: manifest.inputs.recommended.by,
    ...(typeof manifest.inputs.recommended.existingPolicyId === 'string' ? { existingPolicyId: manifest.inputs.recommended.existingPolicyId } : {}),
    granularity: manifest.granularity,
    catalog: manifest.catalog,
    catalogThen: certifiedCatalog(manifest, () => copy('catalog')),
  };
}
