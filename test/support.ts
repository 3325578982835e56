/**
 * Small builders shared by the unit tests: hand-made catalogs, policies and unused sets, and a way
 * to read the exact message of an expected error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog } from '../src/catalog/catalog.js';
import type { Granularity } from '../src/catalog/tokenize.js';
import { parseUnusedEntries } from '../src/findings/parse.js';
import { resolveUnused } from '../src/findings/resolve.js';
import type { UnusedSet } from '../src/findings/unused-set.js';
import { InputError } from '../src/input/input-error.js';
import type { Json, JsonObject } from '../src/input/json.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { Policy } from '../src/policy/types.js';
import { recommend } from '../src/recommend/recommend.js';
import type { Recommendation } from '../src/recommend/refinement.js';

/** A catalog from `{"s3": ["GetObject", ...]}`, identified as a file with a fixed digest. */
export function catalogOf(services: Readonly<Record<string, readonly string[]>>, sha256 = 'test-catalog'): Catalog {
  return Catalog.fromServices({ source: 'file', sha256 }, Object.entries(services));
}

/** An `Allow` statement on every resource. */
export function allow(action: string | readonly string[], key: 'Action' | 'NotAction' = 'Action'): JsonObject {
  return { Effect: 'Allow', [key]: action, Resource: '*' };
}

export function deny(action: string | readonly string[]): JsonObject {
  return { Effect: 'Deny', Action: action, Resource: '*' };
}

/** A policy document with the given statements (a list, or one object). */
export function policyOf(statements: Json, source = 'policy.json'): Policy {
  return parsePolicy({ Version: '2012-10-17', Statement: statements }, source);
}

/** Unused actions per service, in the short form; `undefined` stands for the whole service. */
export function unusedOf(catalog: Catalog, services: Readonly<Record<string, readonly string[] | undefined>>, strict = false): UnusedSet {
  const entries: Json = Object.entries(services).map(([service, actions]): Json => (actions === undefined ? { serviceNamespace: service } : { serviceNamespace: service, actions: [...actions] }));
  return resolveUnused(parseUnusedEntries(entries, 'unused.json'), catalog, 'unused.json', { strict });
}

/** Recommends on a policy with the given statements. */
export function recommendOn(catalog: Catalog, statements: Json, unused: Readonly<Record<string, readonly string[] | undefined>>, granularity: Granularity = 'word'): Recommendation {
  return recommend(policyOf(statements), unusedOf(catalog, unused), catalog, { granularity, policySource: 'policy.json' });
}

/** The refined patterns of each statement. */
export function results(recommendation: Recommendation): (readonly string[])[] {
  return recommendation.statements.map((statement) => statement.result);
}

/** The error `run` throws; fails the test when it throws nothing. */
export function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected an error, none was thrown');
}

/** The message of the `InputError` that `run` throws; fails the test on any other outcome. */
export function inputErrorOf(run: () => unknown): string {
  const error = errorOf(run);
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${error.name}: ${error.message}`);
  return error.message;
}

export interface TemporaryFolder {
  readonly path: string;
  /** Writes a file in the folder and returns its path. */
  file(name: string, content: string | Buffer): string;
  remove(): void;
}

/** A fresh temporary folder outside the repository. */
export function temporaryFolder(): TemporaryFolder {
  const path = mkdtempSync(join(tmpdir(), 'iam-refine-test-'));
  return {
    path,
    file: (name, content) => {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
