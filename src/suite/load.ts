import { existsSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { loadCatalogFile } from '../catalog/load.js';
import { loadUnusedInput } from '../findings/load.js';
import type { UnusedSet } from '../findings/unused-set.js';
import { readJsonFile, SIZE_LIMITS } from '../input/read-json.js';
import { loadPolicy } from '../policy/load.js';
import { parseRecommended, type RecommendedPolicy } from '../policy/recommended.js';
import type { Policy } from '../policy/types.js';
import { parseCase, type ProofCase } from './case.js';
import { snapshotText } from './snapshot.js';

/** A recommendation read from a file, with the text it is compared as. */
export interface RecommendationFile {
  readonly recommended: RecommendedPolicy;
  /** The document printed the way snapshots are written, so that formatting never counts as a change. */
  readonly text: string;
}

/** A case with its inputs read and checked. */
export interface LoadedCase {
  readonly spec: ProofCase;
  readonly policy: Policy;
  readonly unused: UnusedSet;
  readonly catalog: Catalog;
  /** The snapshot or the given recommendation; `undefined` for a snapshot not written yet. */
  readonly recommendation: RecommendationFile | undefined;
}

/** Reads every case and its inputs up front, so that bad input stops the run before any proof; catalogs are read once. */
export function loadCases(files: readonly string[]): LoadedCase[] {
  const catalogs = new Map<string, Catalog>();
  return files.map((file) => {
    const spec = parseCase(readJsonFile(file, SIZE_LIMITS.policy).value, file);
    let catalog = catalogs.get(spec.catalog);
    if (catalog === undefined) {
      catalog = loadCatalogFile(spec.catalog);
      catalogs.set(spec.catalog, catalog);
    }
    const { policy } = loadPolicy(spec.policy);
    const { unused } = loadUnusedInput(spec.unusedInput, policy, catalog, false);
    const missingSnapshot = spec.subject.kind === 'snapshot' && !existsSync(spec.subject.file);
    return { spec, policy, unused, catalog, recommendation: missingSnapshot ? undefined : readRecommendation(spec.subject.file) };
  });
}

export function readRecommendation(file: string): RecommendationFile {
  const { source, value } = readJsonFile(file, SIZE_LIMITS.unused);
  return { recommended: parseRecommended(value, source.name), text: snapshotText(value) };
}
