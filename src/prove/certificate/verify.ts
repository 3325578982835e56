import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCatalog } from '../../catalog/catalog.js';
import { loadPinnedCatalog } from '../../catalog/load.js';
import { InputError } from '../../input/input-error.js';
import { isJsonObject, type Json, type JsonObject } from '../../input/json.js';
import type { JsonPath } from '../../input/json-path.js';
import { readSource, SIZE_LIMITS, type JsonSource } from '../../input/read-json.js';
import { summarize, type ObligationResult } from '../check.js';
import { verdictOf, type Obligation, type Verdict } from '../obligation.js';
import { formatJsonPath } from '../../input/json-path.js';
import { planObligations } from '../plan.js';
import { SolverPool, type SolverPoolOptions } from '../solver/pool.js';
import type { Solver } from '../solver/solver.js';
import { buildManifest, INPUT_FILES, obligationFile, sha256, type Manifest } from './manifest.js';
import { derivationProblems, readDerivationRecord } from './evidence.js';
import { presentObligationFiles, unlistedCertificateFiles } from './files.js';
import { certifiedCatalog, readManifest } from './read.js';
import { checkInputOf, type CertificateSources } from './sources.js';

export interface VerifyResult {
  /** Every mismatch, each naming the file at fault; empty when the certificate holds. */
  readonly problems: readonly string[];
  /** The verdict the certificate records, when it is intact. */
  readonly verdict: Verdict | undefined;
  readonly obligations: number;
}

/**
 * Re-checks a certificate from scratch: re-hashes the copied inputs, re-derives every obligation
 * from them and compares it with the stored file, re-solves every file, and compares each answer
 * and the overall verdict with the manifest. Anything changed is named.
 */
export async function verifyCertificate(directory: string, options: SolverPoolOptions & { readonly pool?: Solver } = {}): Promise<VerifyResult> {
  const manifest = readManifest(directory);
  const problems: string[] = [];
  const read = (file: string): JsonSource => readSource(join(directory, file), SIZE_LIMITS.unused);
  const inputs = [manifest.inputs.policy, manifest.inputs.unused, manifest.inputs.recommended, ...(manifest.inputs.catalog ? [manifest.inputs.catalog] : []), ...(manifest.inputs.evidence ? [manifest.inputs.evidence] : [])];
  for (const entry of inputs) {
    if (!existsSync(join(directory, entry.file))) problems.push(`${entry.file}: missing input`);
    else if (read(entry.file).sha256 !== entry.sha256) problems.push(`${entry.file}: changed input (its sha256 differs from the manifest)`);
  }
  if (problems.length > 0) return { problems, verdict: undefined, obligations: manifest.obligations.length };

  const catalog = certifiedCatalog(manifest, () => read(INPUT_FILES.catalog));
  if (catalog === undefined) {
    throw new InputError(join(directory, 'manifest.json'), ['catalog'], `made with ${describeCatalog(manifest.catalog)}, but this install has ${describeCatalog(loadPinnedCatalog().identity)}`);
  }
  const sources: CertificateSources = {
    policy: read(INPUT_FILES.policy),
    unused: read(INPUT_FILES.unused),
    recommended: read(INPUT_FILES.recommended),
    recommendedBy: manifest.inputs.recommended.by,
    ...(typeof manifest.inputs.recommended.existingPolicyId === 'string' ? { existingPolicyId: manifest.inputs.recommended.existingPolicyId } : {}),
    catalog,
    catalogFile: manifest.inputs.catalog === undefined ? undefined : read(INPUT_FILES.catalog),
    granularity: manifest.granularity,
    ...(manifest.inputs.evidence === undefined
      ? {}
      : { evidence: { source: read(INPUT_FILES.evidence), derivation: readDerivationRecord(manifest.derivation as Json | undefined, join(directory, 'manifest.json')) } }),
  };
  const input = checkInputOf(sources);
  if (sources.evidence !== undefined) problems.push(...derivationProblems(sources.unused, sources.evidence, input.original, catalog));
  const plan = planObligations(input);
  const derived = new Map(plan.obligations.map((obligation) => [obligation.id, obligation]));
  const recorded = new Map(manifest.obligations.map((entry) => [entry.id, entry]));
  for (const id of derived.keys()) if (!recorded.has(id)) problems.push(`${obligationFile(id)}: the inputs call for this obligation, the manifest does not list it`);
  for (const id of recorded.keys()) if (!derived.has(id)) problems.push(`${obligationFile(id)}: listed in the manifest, but the inputs do not call for it`);
  const present = presentObligationFiles(directory);
  problems.push(...unlistedCertificateFiles(directory, manifest));

  const toSolve: { obligation: Obligation; entry: Manifest['obligations'][number]; text: string }[] = [];
  for (const entry of manifest.obligations) {
    const obligation = derived.get(entry.id);
    if (!present.has(entry.file)) {
      problems.push(`${entry.file}: missing`);
      continue;
    }
    const text = readFileSync(join(directory, entry.file), 'utf8');
    if (sha256(text) !== entry.sha256) problems.push(`${entry.file}: changed file (its sha256 differs from the manifest)`);
    else if (obligation !== undefined && obligation.script !== text) problems.push(`${entry.file}: differs from the obligation derived from the inputs`);
    else if (obligation !== undefined) toSolve.push({ obligation, entry, text });
  }

  const wholePlan = problems.length === 0;
  const pool = options.pool ?? (await SolverPool.start(options));
  const results: ObligationResult[] = [];
  try {
    const outcomes = await Promise.all(toSolve.map(({ obligation, text }) => pool.solve(text, obligation.witnesses)));
    toSolve.forEach(({ obligation, entry }, index) => {
      const outcome = outcomes[index]!;
      const result = { obligation, outcome, ...verdictOf(obligation, outcome) };
      results.push(result);
      if (outcome.status !== entry.actual) problems.push(`${entry.file}: the solver now answers ${outcome.status}, the certificate records ${entry.actual}`);
      else if (result.verdict !== entry.verdict) problems.push(`${entry.file}: verdict ${result.verdict}, the certificate records ${entry.verdict}`);
    });
  } finally {
    if (options.pool === undefined) await pool.close();
  }
  if (wholePlan && problems.length === 0) {
    // Everything else the manifest records must be what the inputs and the answers give, to the letter.
    const byId = new Map(results.map((result) => [result.obligation.id, result]));
    const report = summarize(input, plan, plan.obligations.map((obligation) => byId.get(obligation.id)!), { version: manifest.solver, workers: pool.workers }, 0);
    problems.push(...manifestDifferences(manifest, buildManifest(sources, report)));
  }
  return { problems, verdict: problems.length === 0 ? manifest.verdict : undefined, obligations: manifest.obligations.length };
}

/** Where a recorded manifest departs from the re-derived one, times and the solver's build aside. */
function manifestDifferences(recorded: Manifest, derived: Manifest): string[] {
  const differences: string[] = [];
  const compare = (a: Json | undefined, b: Json | undefined, path: JsonPath): void => {
    if (differences.length >= 5) return;
    const last = path[path.length - 1];
    if (last === 'timeMs' || (path.length === 1 && (last === 'solver' || last === 'tool'))) return;
    if (isJsonObject(a ?? null) && isJsonObject(b ?? null)) {
      const objectA = a as JsonObject;
      const objectB = b as JsonObject;
      for (const key of new Set([...Object.keys(objectA), ...Object.keys(objectB)])) compare(objectA[key], objectB[key], [...path, key]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item: Json, index: number) => compare(item, b[index], [...path, index]));
      return;
    }
    // Actions are case-insensitive: a certificate that spells its witnesses in lower case (as before 13) still holds.
    const spelling = last === 'example' || path.includes('witnesses');
    if (spelling && typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase()) return;
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      differences.push(`manifest.json: ${formatJsonPath(path)} records ${JSON.stringify(a) ?? 'nothing'}, the inputs and the solver give ${JSON.stringify(b) ?? 'nothing'}`);
    }
  };
  compare(recorded as unknown as Json, JSON.parse(JSON.stringify(derived)) as Json, []);
  return differences;
}
