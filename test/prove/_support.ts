/**
 * Shared by the checker's unit tests: a small hand-made catalog, check inputs built from
 * statements, one solver pool per file, and reports made without the solver (answers given by
 * hand, summed up by the checker's own `summarize`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { catalogFromSource, loadPinnedCatalog } from '../../src/catalog/load.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import type { Json } from '../../src/input/json.js';
import { readSource, SIZE_LIMITS, type JsonSource } from '../../src/input/read-json.js';
import { check, summarize, type CheckReport, type ObligationResult } from '../../src/prove/check.js';
import type { Manifest } from '../../src/prove/certificate/manifest.js';
import { writeCertificate } from '../../src/prove/certificate/write.js';
import type { CheckInput } from '../../src/prove/context.js';
import { verdictOf, type Obligation, type Outcome, type Verdict } from '../../src/prove/obligation.js';
import { planObligations } from '../../src/prove/plan.js';
import { checkInputOf, type CertificateSources } from '../../src/prove/certificate/sources.js';
import { SolverPool } from '../../src/prove/solver/pool.js';
import { statementCases, type StatementCase } from '../../src/prove/statement-case.js';
import { ARTICLE, ARTICLE_CATALOG } from '../article.js';
import { allow, catalogOf, deny, policyOf, unusedOf, type TemporaryFolder } from '../support.js';

/** Services and actions of the small catalog most checker tests use. */
export const SERVICES = {
  s3: ['GetObject', 'GetObjectAcl', 'GetObjectTagging', 'GetBucketAcl', 'GetBucketPolicy', 'PutObject', 'ListBucket'],
  iam: ['GetUser', 'ListUsers'],
  ec2: ['DescribeInstances'],
} as const;

export const CATALOG = catalogOf(SERVICES);

/** `count` filler action names, `Do000`, `Do001`, ... */
export const fillerActions = (count: number): string[] => Array.from({ length: count }, (_, index) => `Do${String(index).padStart(3, '0')}`);

/**
 * The small catalog with two filler services, so that its catalog parts are several: `ec2`,
 * `fis` (500 actions, a part of its own), `iam`, `kms` and `kms.2` (600 actions, sliced), `s3`.
 * (The small catalog alone is one shared part, `ec2..s3`.)
 */
export const PARTED_CATALOG = catalogOf({ ...SERVICES, fis: fillerActions(500), kms: fillerActions(600) });

/** The unused actions of most tests: two s3 `GetBucket...` actions and `iam:ListUsers`. */
export const UNUSED = { s3: ['GetBucketAcl', 'GetBucketPolicy'], iam: ['ListUsers'] } as const;

export interface InputOptions {
  readonly catalog?: Catalog;
  readonly unused?: Readonly<Record<string, readonly string[] | undefined>>;
  readonly granularity?: Granularity;
}

/** A check input from the original and recommended statements (`undefined`: DETACH_POLICY). */
export function inputOf(original: Json, recommended: Json | undefined, options: InputOptions = {}): CheckInput {
  const catalog = options.catalog ?? CATALOG;
  return {
    original: policyOf(original),
    unused: unusedOf(catalog, options.unused ?? UNUSED),
    catalog,
    recommended: recommended === undefined ? undefined : policyOf(recommended, 'recommended.json'),
    granularity: options.granularity ?? 'word',
  };
}

/** The statement case of original statement `index`. */
export function caseOf(input: CheckInput, index = 0): StatementCase {
  const found = statementCases(input).cases.find((statement) => statement.index === index);
  if (found === undefined) throw new Error(`no Allow statement ${index}`);
  return found;
}

/** One solver pool for the whole test file, closed after it: call at the top level of the file. */
export function sharedPool(workers = 1): () => SolverPool {
  let pool: SolverPool | undefined;
  beforeAll(async () => {
    pool = await SolverPool.start({ workers });
  });
  afterAll(async () => {
    await pool?.close();
  });
  return () => {
    if (pool === undefined) throw new Error('the pool is not started yet');
    return pool;
  };
}

/** What solving one obligation gave, in a form to compare whole. */
export interface Solved {
  readonly id: string;
  readonly status: string;
  readonly verdict: Verdict;
  readonly witnesses?: readonly string[];
  /** For a refutation: the counterexample and what the checker says about it. */
  readonly example?: string;
  readonly explanation?: string;
}

/** Solves obligations and replays their witnesses, as the checker does. */
export async function solveAll(pool: SolverPool, obligations: readonly Obligation[]): Promise<Solved[]> {
  return Promise.all(
    obligations.map(async (obligation) => {
      const outcome = await pool.solve(obligation.script, obligation.witnesses);
      const { verdict } = verdictOf(obligation, outcome);
      return {
        id: obligation.id,
        status: outcome.status,
        verdict,
        ...(outcome.witnesses === undefined ? {} : { witnesses: outcome.witnesses }),
        ...(verdict === 'refuted' ? obligation.refutation(outcome.witnesses ?? []) : {}),
      };
    }),
  );
}

/** The `(head ...)` terms of a script's disjunction, one per line, each cut where its parentheses close. */
export function termsOf(script: string, head: string): string[] {
  return script.split('\n').flatMap((line) => {
    const start = line.indexOf(`(${head} `);
    if (start === -1 || line.startsWith('(define-fun')) return [];
    let depth = 0;
    let quoted = false;
    for (let at = start; at < line.length; at++) {
      const char = line[at]!;
      if (char === '"') quoted = !quoted;
      else if (!quoted && char === '(') depth++;
      else if (!quoted && char === ')' && --depth === 0) return [line.slice(start, at + 1)];
    }
    return [line.slice(start)];
  });
}

/** The ids of obligations, in order. */
export const idsOf = (obligations: readonly { readonly id: string }[]): string[] => obligations.map((obligation) => obligation.id);

/**
 * A report made without the solver: each obligation gets the answer it expects (for `sat`, each
 * witness constant the first candidate its script names), unless `answers` says otherwise.
 */
export function reportWithout(input: CheckInput, answers: Readonly<Record<string, Outcome>> = {}, pool = { version: 'Z3 test', workers: 2 }, timeMs = 1234): CheckReport {
  const plan = planObligations(input);
  // An answer for an obligation the plan does not have would silently be no answer at all.
  const planned = new Set(plan.obligations.map((obligation) => obligation.id));
  for (const id of Object.keys(answers)) if (!planned.has(id)) throw new Error(`reportWithout: the plan has no obligation ${id} (it has ${[...planned].join(', ')})`);
  const results: ObligationResult[] = plan.obligations.map((obligation) => {
    const outcome = answers[obligation.id] ?? expectedOutcome(obligation);
    return { obligation, outcome, ...verdictOf(obligation, outcome) };
  });
  return summarize(input, plan, results, pool, timeMs);
}

/** The expected answer; for `sat`, the first string each witness constant is equated with in the script. */
function expectedOutcome(obligation: Obligation): Outcome {
  if (obligation.expected === 'unsat') return { status: 'unsat', timeMs: 1 };
  const witnesses = obligation.witnesses.map((name) => {
    const named = new RegExp(`\\(= ${name} "([^"]*)"\\)`).exec(obligation.script)?.[1];
    if (named === undefined) throw new Error(`${obligation.id}: the script names no candidate for ${name}`);
    return named;
  });
  return { status: 'sat', timeMs: 1, witnesses };
}

/** A source as read from a file: its name, text and sha256. */
export function sourceOf(name: string, value: Json): JsonSource {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  return { name, text, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
}

/** The small catalog as a catalog file source, and the catalog it reads as. */
export function catalogFileOf(services: Readonly<Record<string, readonly string[]>> = SERVICES): { catalogFile: JsonSource; catalog: Catalog } {
  const catalogFile = sourceOf('catalog.json', services as unknown as Json);
  return { catalogFile, catalog: catalogFromSource(catalogFile) };
}

/** The unused list of UNUSED in the short form, as a file holds it. */
export const UNUSED_ENTRIES: Json = Object.entries(UNUSED).map(([serviceNamespace, actions]): Json => ({ serviceNamespace, actions: [...actions] }));

/** A policy document with these statements. */
export const documentOf = (statements: Json): Json => ({ Version: '2012-10-17', Statement: statements });

/** A small certificate's sources: the small catalog as a file, a policy with an Allow and a Deny statement. */
export function smallSources(recommended: Json = documentOf([allow(['s3:GetObject*', 'iam:GetUser']), deny('ec2:*')]), recommendedBy = 'given'): CertificateSources {
  return {
    policy: sourceOf('policy.json', documentOf([allow(['s3:Get*', 'iam:*']), deny('ec2:*')])),
    unused: sourceOf('unused.json', UNUSED_ENTRIES),
    recommended: sourceOf('recommended.json', recommended),
    recommendedBy,
    ...catalogFileOf(),
    granularity: 'word',
  };
}

export interface InputFiles {
  readonly policy: string;
  readonly unused: string;
  readonly recommended: string;
  readonly catalog: string;
}

/** Writes the small certificate's inputs as files (names prefixed by `tag`); returns their paths. */
export function writeSmallInputs(folder: TemporaryFolder, tag: string, recommended?: Json): InputFiles {
  const sources = smallSources(recommended);
  return {
    policy: folder.file(`${tag}-policy.json`, sources.policy.text),
    unused: folder.file(`${tag}-unused.json`, sources.unused.text),
    recommended: folder.file(`${tag}-recommended.json`, sources.recommended.text),
    catalog: folder.file(`${tag}-catalog.json`, sources.catalogFile!.text),
  };
}

/** The article's inputs and recommended policy, with the reconstructed 2024 catalog or today's pinned one. */
export function articleSources(catalog: '2024' | 'pinned'): CertificateSources {
  const read = (name: string): JsonSource => readSource(`${ARTICLE}${name}`, SIZE_LIMITS.policy);
  const catalogFile = catalog === '2024' ? readSource(ARTICLE_CATALOG, SIZE_LIMITS.catalog) : undefined;
  return {
    policy: read('policy.json'),
    unused: read('unused.json'),
    recommended: read('recommended.json'),
    recommendedBy: 'given',
    catalog: catalogFile === undefined ? loadPinnedCatalog() : catalogFromSource(catalogFile),
    catalogFile,
    granularity: 'word',
  };
}

/** `certify` through the library: checks the sources on `pool` and writes the certificate into `directory`. */
export async function certifyInto(directory: string, sources: CertificateSources, pool: SolverPool): Promise<Manifest> {
  return writeCertificate(directory, sources, await check(checkInputOf(sources), { pool }));
}

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
export type EditableManifest = Mutable<Manifest>;

export function readManifest(directory: string): EditableManifest {
  return JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as EditableManifest;
}

/** Rewrites a certificate's manifest after `edit`. */
export function editManifest(directory: string, edit: (manifest: EditableManifest) => void): void {
  const manifest = readManifest(directory);
  edit(manifest);
  writeFileSync(join(directory, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The well-known slow script: a conjunction Z3 takes seconds to refute (measured ~3 s). */
export const SLOW_SCRIPT = [
  '(set-logic QF_S)',
  '(declare-const w String)',
  '(assert (str.in_re w (re.++ (str.to_re "s3:getobject") re.allchar)))',
  '(assert (not (str.in_re w (re.++ (str.to_re "s3:getobject") re.all))))',
  '(check-sat)',
  '',
].join('\n');
