import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/catalog.js';
import { loadCatalogFile } from '../../src/catalog/load.js';
import { deriveFromSource, derivedUnusedSet, derivedUnusedSource } from '../../src/findings/derive.js';
import { loadUnused, loadUnusedInput } from '../../src/findings/load.js';
import type { UnusedSet } from '../../src/findings/unused-set.js';
import type { JsonObject } from '../../src/input/json.js';
import { textSource } from '../../src/input/read-json.js';
import { allowedActions } from '../../src/policy/allowed.js';
import { loadPolicy } from '../../src/policy/load.js';
import type { Policy } from '../../src/policy/types.js';
import { recommend } from '../../src/recommend/recommend.js';
import { ARTICLE_CATALOG, ARTICLE_LAST_ACCESSED, ARTICLE_POLICY, ARTICLE_UNUSED, ARTICLE_USED } from '../article.js';

/** What a recommendation is, apart from the warnings (they name the input they came from). */
const refinement = (policy: Policy, unused: UnusedSet, catalog: Catalog) => {
  const { policy: recommended, statements, recommendedAction } = recommend(policy, unused, catalog, { granularity: 'word' });
  return { recommended, statements, recommendedAction };
};

describe("the article's example from evidence of use", () => {
  const catalog = loadCatalogFile(ARTICLE_CATALOG);
  const { policy } = loadPolicy(ARTICLE_POLICY);
  const given = loadUnused(ARTICLE_UNUSED, catalog, false).unused;

  it.each([
    ['--last-accessed', { kind: 'last-accessed', file: ARTICLE_LAST_ACCESSED, options: {} }],
    ['--used', { kind: 'used', file: ARTICLE_USED }],
  ] as const)('%s gives exactly the unused set and the refinement of corpus/article/unused.json', (_, input) => {
    const derived = loadUnusedInput(input, policy, catalog, false);
    expect([...derived.unused.actions].sort()).toEqual([...given.actions].sort());
    expect(refinement(policy, derived.unused, catalog)).toEqual(refinement(policy, given, catalog));
  });

  it('reports the 56 allowed actions IAM does not track (GetObject among them) as kept only because untracked', () => {
    const derived = loadUnusedInput({ kind: 'last-accessed', file: ARTICLE_LAST_ACCESSED, options: {} }, policy, catalog, false);
    const kept = derived.evidence!.derivation.services.flatMap((service) => service.untrackedKept);
    expect({ count: kept.length, some: ['lambda:InvokeAsync', 's3:GetObject'].every((action) => kept.includes(action)), warnings: derived.unused.warnings }).toEqual({ count: 56, some: true, warnings: [] });
  });
});

describe('a sample of the corpus from evidence of use', () => {
  const corpus = fileURLToPath(new URL('../../corpus/', import.meta.url));
  const catalog = loadCatalogFile(`${corpus}catalogs/iam-data-0.21.202609261.json`);
  // Every 20th unused set, by name: random, whole-service, empty and all-unused sets of 22 policies.
  const sample = readdirSync(`${corpus}managed/unused`)
    .sort()
    .filter((file, index) => index % 20 === 7 && !file.startsWith('AdministratorAccess.'));

  /** The Access Advisor response a role with this unused set would get: every allowed service listed, every action tracked. */
  const lastAccessedFor = (policy: Policy, unused: UnusedSet): JsonObject => {
    const services = new Map<string, string[]>();
    for (const index of allowedActions(policy, catalog)) {
      const action = catalog.actions[index]!;
      const service = action.slice(0, action.indexOf(':'));
      if (!services.has(service)) {
        const [from, to] = catalog.rangeWithPrefix(`${catalog.lowerActions[index]!.slice(0, service.length)}:`);
        services.set(service, catalog.actions.slice(from, to));
      }
    }
    const entries = [...services].map(([service, actions]): JsonObject => {
      const wholly = actions.every((action) => unused.actions.has(action.toLowerCase()));
      if (wholly) return { ServiceName: service, ServiceNamespace: service, TotalAuthenticatedEntities: 0 };
      const tracked = actions.map((action, position): JsonObject => {
        const name = action.slice(service.length + 1);
        if (!unused.actions.has(action.toLowerCase())) return { ActionName: name, LastAccessedTime: '2024-06-19T00:00:00Z' };
        return position % 2 === 0 ? { ActionName: name } : { ActionName: name, LastAccessedTime: '2023-01-01T00:00:00Z' };
      });
      return { ServiceName: service, ServiceNamespace: service, LastAuthenticated: '2024-06-19T00:00:00Z', TotalAuthenticatedEntities: 1, TrackedActionsLastAccessed: tracked };
    });
    return { JobStatus: 'COMPLETED', JobType: 'ACTION_LEVEL', JobCompletionDate: '2024-06-20T00:00:00Z', IsTruncated: false, ServicesLastAccessed: entries };
  };

  it.each(sample)('%s', (file) => {
    const { policy } = loadPolicy(`${corpus}managed/policies/${file.slice(0, file.indexOf('.'))}.json`);
    const given = loadUnused(`${corpus}managed/unused/${file}`, catalog, false).unused;
    const expected = refinement(policy, given, catalog);
    const derive = (kind: 'last-accessed' | 'used', text: string) => {
      const derivation = deriveFromSource(kind, textSource(kind, text), catalog, policy);
      return derivedUnusedSet(derivation, derivedUnusedSource(derivation, kind), catalog);
    };
    expect(refinement(policy, derive('last-accessed', JSON.stringify(lastAccessedFor(policy, given))), catalog)).toEqual(expected);
    const used = [...allowedActions(policy, catalog)].map((index) => catalog.actions[index]!).filter((action) => !given.actions.has(action.toLowerCase()));
    expect(refinement(policy, derive('used', used.join('\n')), catalog)).toEqual(expected);
  });
});
