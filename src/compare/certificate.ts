import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, CatalogIdentity } from '../catalog/catalog.js';
import { describeCatalog } from '../catalog/catalog.js';
import { loadPinnedCatalog, parseCatalog } from '../catalog/load.js';
import { InputError } from '../input/input-error.js';
import { isJsonObject, type Json } from '../input/json.js';
import { lowerAscii } from '../glob/glob.js';
import { parseJsonSource, readSource, SIZE_LIMITS, type JsonSource } from '../input/read-json.js';
import { stageFolder } from '../output/atomic.js';
import { printJson } from '../policy/print.js';
import { parsePolicy } from '../policy/parse.js';
import type { ObligationStatus } from '../prove/obligation.js';
import { presentObligationFiles, unlistedCertificateFiles } from '../prove/certificate/files.js';
import { obligationFile, sha256, type InputEntry } from '../prove/certificate/manifest.js';
import { checkCertificateFolder } from '../prove/certificate/write.js';
import { startSolver, type SolverOptions } from '../prove/solver/start.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { comparisonOf, judge, pinnedScript, type CompareInput, type CompareReport, type CompareVerdict } from './compare.js';
import { directionsOf, pinAR, planComparison, COMPARE_MODES, COMPARE_SCOPES, type CompareMode, type CompareScope, type Direction } from './plan.js';

/** A comparison's certificate: in the certificate family, so that certify and compare replace each other's folders and nothing else. */
export const COMPARE_CERTIFICATE_FORMAT = 'iam-refine-certificate/compare-1';

export const COMPARE_INPUT_FILES = { old: 'inputs/old.json', new: 'inputs/new.json', catalog: 'inputs/catalog.json' } as const;

/** The texts a comparison is about, exactly as read: what its certificate hashes and copies. */
export interface CompareSources {
  readonly old: JsonSource;
  readonly new: JsonSource;
  readonly mode: CompareMode;
  readonly scope: CompareScope;
  readonly catalog: Catalog;
  /** The catalog file's text, for a catalog that is not the pinned package (kept for `--scope catalog`). */
  readonly catalogFile: JsonSource | undefined;
}

export interface CompareManifest {
  readonly format: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly solver: string;
  readonly mode: CompareMode;
  readonly scope: CompareScope;
  /** For `--scope catalog`: the catalog the actions range over. */
  readonly catalog?: CatalogIdentity & { readonly actions: number };
  readonly inputs: { readonly old: InputEntry; readonly new: InputEntry; readonly catalog?: InputEntry };
  readonly verdict: CompareVerdict;
  readonly directions: readonly { readonly direction: Direction; readonly verdict: CompareVerdict }[];
  readonly obligations: readonly {
    readonly id: string;
    readonly direction: Direction;
    readonly statement: number;
    readonly part?: string;
    readonly title: string;
    readonly file: string;
    readonly sha256: string;
    readonly expected: 'unsat';
    readonly actual: ObligationStatus;
    readonly verdict: 'proven' | 'refuted' | 'unknown';
    readonly witnesses?: readonly string[];
    /** The counterexample pinned in the file, `[action, resource]`: the file is then the obligation restricted to that action, in the Boolean encoding, with `(assert (= a ...))`, `(assert (= r ...))`. */
    readonly pinned?: readonly string[];
    readonly note?: string;
    readonly timeMs: number;
  }[];
  readonly timeMs: number;
}

/** Parses a certificate's sources into the comparison they state: the same function for writing and verifying. */
export function compareInputOf(sources: CompareSources): CompareInput {
  return {
    old: parsePolicy(parseJsonSource(sources.old), sources.old.name),
    new: parsePolicy(parseJsonSource(sources.new), sources.new.name),
    oldSource: sources.old.name,
    newSource: sources.new.name,
    mode: sources.mode,
    scope: sources.scope,
    catalog: sources.catalog,
  };
}

export function buildCompareManifest(sources: CompareSources, report: CompareReport): CompareManifest {
  const catalogScope = sources.scope === 'catalog';
  return {
    format: COMPARE_CERTIFICATE_FORMAT,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    solver: report.solver,
    mode: sources.mode,
    scope: sources.scope,
    ...(catalogScope ? { catalog: { ...sources.catalog.identity, actions: sources.catalog.size } } : {}),
    inputs: {
      old: { file: COMPARE_INPUT_FILES.old, sha256: sources.old.sha256 },
      new: { file: COMPARE_INPUT_FILES.new, sha256: sources.new.sha256 },
      ...(catalogScope && sources.catalogFile !== undefined ? { catalog: { file: COMPARE_INPUT_FILES.catalog, sha256: sources.catalogFile.sha256 } } : {}),
    },
    verdict: report.verdict,
    directions: report.directions.map((direction) => ({ direction: direction.direction, verdict: direction.verdict })),
    obligations: report.obligations.map((record) => ({
      id: record.obligation.id,
      direction: record.obligation.direction,
      statement: record.obligation.statement,
      ...(record.obligation.part === undefined ? {} : { part: record.obligation.part }),
      title: record.obligation.title,
      file: obligationFile(record.obligation.id),
      sha256: sha256(record.script),
      expected: 'unsat',
      actual: record.outcome.status,
      verdict: record.verdict,
      ...(record.outcome.witnesses === undefined ? {} : { witnesses: record.outcome.witnesses }),
      ...(record.pinned === undefined ? {} : { pinned: record.pinned }),
      ...(record.note === undefined ? {} : { note: record.note }),
      timeMs: record.outcome.timeMs,
    })),
    timeMs: Math.round(report.timeMs),
  };
}

/** Writes the certificate folder atomically: manifest, the inputs, one self-contained `.smt2` file per obligation. */
export function writeCompareCertificate(directory: string, sources: CompareSources, report: CompareReport): CompareManifest {
  checkCertificateFolder(directory);
  const manifest = buildCompareManifest(sources, report);
  const staged = stageFolder(directory);
  try {
    const write = (file: string, text: string): void => writeFileSync(join(staged.path, file), text);
    mkdirSync(join(staged.path, 'inputs'));
    mkdirSync(join(staged.path, 'obligations'));
    write(COMPARE_INPUT_FILES.old, sources.old.text);
    write(COMPARE_INPUT_FILES.new, sources.new.text);
    if (manifest.inputs.catalog !== undefined) write(COMPARE_INPUT_FILES.catalog, sources.catalogFile!.text);
    for (const { obligation, script } of report.obligations) write(obligationFile(obligation.id), script);
    write('manifest.json', printJson(manifest as unknown as Json));
    staged.commit();
  } catch (error) {
    staged.discard();
    throw error;
  }
  return manifest;
}

/** Whether a folder's manifest is a comparison's certificate (verify-cert's dispatch). */
export function isCompareCertificate(directory: string): boolean {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path)) return false;
  const value = parseJsonSource(readSource(path, SIZE_LIMITS.unused));
  return isJsonObject(value) && value.format === COMPARE_CERTIFICATE_FORMAT;
}

export function readCompareManifest(directory: string): CompareManifest {
  const path = join(directory, 'manifest.json');
  if (!existsSync(path)) throw new InputError(directory, [], 'not a certificate: no manifest.json');
  const value = parseJsonSource(readSource(path, SIZE_LIMITS.unused));
  const fail = (where: (string | number)[], problem: string): never => {
    throw new InputError(path, where, problem);
  };
  if (!isJsonObject(value) || value.format !== COMPARE_CERTIFICATE_FORMAT) return fail(['format'], `expected "${COMPARE_CERTIFICATE_FORMAT}"`);
  if (!COMPARE_MODES.includes(value.mode as CompareMode)) fail(['mode'], `expected one of ${COMPARE_MODES.join(', ')}`);
  if (!COMPARE_SCOPES.includes(value.scope as CompareScope)) fail(['scope'], `expected one of ${COMPARE_SCOPES.join(', ')}`);
  const inputs = isJsonObject(value.inputs) ? value.inputs : fail(['inputs'], 'expected an object');
  for (const key of ['old', 'new'] as const) {
    const entry = inputs[key];
    if (!isJsonObject(entry) || typeof entry.file !== 'string' || typeof entry.sha256 !== 'string') fail(['inputs', key], 'expected {"file", "sha256"}');
  }
  const obligations = Array.isArray(value.obligations) ? value.obligations : fail(['obligations'], 'expected a list');
  obligations.forEach((entry: Json, index: number) => {
    if (!isJsonObject(entry)) return fail(['obligations', index], 'expected an object');
    for (const key of ['id', 'file', 'sha256', 'actual', 'verdict']) if (typeof entry[key] !== 'string') fail(['obligations', index, key], 'expected a string');
    const pinned = entry.pinned;
    if (pinned !== undefined && !(Array.isArray(pinned) && pinned.length === 2 && pinned.every((item: Json) => typeof item === 'string'))) fail(['obligations', index, 'pinned'], 'expected [action, resource]');
  });
  return value as unknown as CompareManifest;
}

export interface CompareVerifyResult {
  readonly problems: readonly string[];
  readonly verdict: CompareVerdict | undefined;
  readonly obligations: number;
}

/**
 * Re-checks a comparison's certificate: re-hashes the copied inputs, re-derives every obligation
 * from them and compares it with the stored file byte for byte, re-solves each file, replays
 * every counterexample, and compares each answer, each verdict and the overall verdict with the
 * manifest.
 */
export async function verifyCompareCertificate(directory: string, options: SolverOptions = {}): Promise<CompareVerifyResult> {
  const manifest = readCompareManifest(directory);
  const problems: string[] = [];
  const read = (file: string): JsonSource => readSource(join(directory, file), SIZE_LIMITS.catalog);
  const entries = [manifest.inputs.old, manifest.inputs.new, ...(manifest.inputs.catalog === undefined ? [] : [manifest.inputs.catalog])];
  for (const entry of entries) {
    if (!existsSync(join(directory, entry.file))) problems.push(`${entry.file}: missing input`);
    else if (read(entry.file).sha256 !== entry.sha256) problems.push(`${entry.file}: changed input (its sha256 differs from the manifest)`);
  }
  if (problems.length > 0) return { problems, verdict: undefined, obligations: manifest.obligations.length };
  const catalog = certifiedCatalog(manifest, directory, read);
  const sources: CompareSources = {
    old: read(manifest.inputs.old.file),
    new: read(manifest.inputs.new.file),
    mode: manifest.mode,
    scope: manifest.scope,
    catalog,
    catalogFile: manifest.inputs.catalog === undefined ? undefined : read(manifest.inputs.catalog.file),
  };
  const comparison = comparisonOf(compareInputOf(sources));
  const derived = new Map(planComparison(comparison).map((obligation) => [obligation.id, obligation]));
  const recorded = new Map(manifest.obligations.map((entry) => [entry.id, entry]));
  for (const id of derived.keys()) if (!recorded.has(id)) problems.push(`${obligationFile(id)}: the inputs call for this obligation, the manifest does not list it`);
  for (const id of recorded.keys()) if (!derived.has(id)) problems.push(`${obligationFile(id)}: listed in the manifest, but the inputs do not call for it`);
  problems.push(...unlistedCertificateFiles(directory, manifest as never));
  const present = presentObligationFiles(directory);
  const toSolve: { entry: CompareManifest['obligations'][number]; text: string }[] = [];
  for (const entry of manifest.obligations) {
    const obligation = derived.get(entry.id);
    if (entry.file !== obligationFile(entry.id)) problems.push(`${entry.file}: not the file of obligation ${entry.id}`);
    else if (!present.has(entry.file)) problems.push(`${entry.file}: missing`);
    else {
      const text = readFileSync(join(directory, entry.file), 'utf8');
      if (sha256(text) !== entry.sha256) problems.push(`${entry.file}: changed file (its sha256 differs from the manifest)`);
      else if (obligation !== undefined && (entry.pinned === undefined ? obligation.script : pinnedScript(obligation.groundScript(lowerAscii(entry.pinned[0] ?? '')), pinAR(entry.pinned[0] ?? '', entry.pinned[1] ?? ''))) !== text) problems.push(`${entry.file}: differs from the obligation derived from the inputs`);
      else if (obligation !== undefined) toSolve.push({ entry, text });
    }
  }
  const pairs = directionsOf(comparison);
  const pool = await startSolver(options);
  const verdicts: { direction: Direction; verdict: 'proven' | 'refuted' | 'unknown' }[] = [];
  try {
    const outcomes = await Promise.all(toSolve.map(({ entry, text }) => pool.solve(text, entry.pinned === undefined ? derived.get(entry.id)!.witnesses : ['a', 'r'])));
    toSolve.forEach(({ entry }, index) => {
      const obligation = derived.get(entry.id)!;
      const record = judge(obligation, outcomes[index]!, pairs.find((pair) => pair.direction === obligation.direction)!, toSolve[index]!.text, entry.pinned);
      verdicts.push({ direction: obligation.direction, verdict: record.verdict });
      if (record.outcome.status !== entry.actual) problems.push(`${entry.file}: the solver now answers ${record.outcome.status}, the certificate records ${entry.actual}`);
      else if (record.verdict !== entry.verdict) problems.push(`${entry.file}: verdict ${record.verdict}, the certificate records ${entry.verdict}`);
    });
  } finally {
    await pool.close();
  }
  if (problems.length === 0) {
    const overall = (list: readonly { verdict: string }[]): CompareVerdict => (list.some((item) => item.verdict === 'refuted') ? 'fail' : list.some((item) => item.verdict === 'unknown') ? 'unknown' : 'pass');
    for (const direction of manifest.directions) {
      const derivedVerdict = overall(verdicts.filter((item) => item.direction === direction.direction));
      if (derivedVerdict !== direction.verdict) problems.push(`manifest.json: directions: ${direction.direction} records ${direction.verdict}, the inputs and the solver give ${derivedVerdict}`);
    }
    const derivedOverall = overall(verdicts);
    if (derivedOverall !== manifest.verdict) problems.push(`manifest.json: verdict records ${manifest.verdict}, the inputs and the solver give ${derivedOverall}`);
  }
  return { problems, verdict: problems.length === 0 ? manifest.verdict : undefined, obligations: manifest.obligations.length };
}

function certifiedCatalog(manifest: CompareManifest, directory: string, read: (file: string) => JsonSource): Catalog {
  if (manifest.catalog === undefined) return loadPinnedCatalog();
  if (manifest.catalog.source === 'file') {
    const entry = manifest.inputs.catalog;
    if (entry === undefined || entry.sha256 !== manifest.catalog.sha256) throw new InputError(join(directory, 'manifest.json'), ['inputs', 'catalog'], 'the copied catalog is not the one the certificate names');
    const source = read(entry.file);
    return parseCatalog(parseJsonSource(source), source.name, source.sha256);
  }
  const pinned = loadPinnedCatalog();
  if (pinned.identity.source === 'package' && pinned.identity.version === manifest.catalog.version) return pinned;
  throw new InputError(join(directory, 'manifest.json'), ['catalog'], `made with ${describeCatalog(manifest.catalog)}, but this install has ${describeCatalog(pinned.identity)}`);
}
