import type { Catalog } from '../src/catalog/catalog.js';
import { loadPinnedCatalog, pinnedActions } from '../src/catalog/load.js';
import { GRANULARITIES, type Granularity } from '../src/catalog/tokenize.js';
import type { UnusedSet } from '../src/findings/unused-set.js';
import { loadManagedPolicies, refineManagedPolicy, type ManagedPolicy } from '../src/fuzz/managed-policies.js';
import { resolveShortForm, type ShortFormEntry } from '../src/fuzz/_internals/short-form.js';
import type { JsonObject } from '../src/input/json.js';
import { parsePolicy } from '../src/policy/parse.js';
import { policySize } from '../src/policy/size.js';
import { recommend } from '../src/recommend/recommend.js';
import { buildPrefixTree } from '../src/recommend/prefix-tree.js';
import { refineActionStatement } from '../src/recommend/refine-action.js';
import { shortestSafeNodes, type Mark } from '../src/recommend/select.js';
import { formatTable, milliseconds } from './table.js';

/** The seed of every unused set drawn here: fixed, so that runs compare. */
const BENCH_SEED = 20_240_620;

/** facts.md: compressing the Read and List actions of an older catalog (21,788 actions, 9,460 Read or List). */
const REFERENCE = { char: { patterns: 1_544, characters: 27_312 }, word: { patterns: 1_709, characters: 36_529 } } as const;

export async function recommendBench(): Promise<void> {
  const catalog = loadPinnedCatalog();
  const loading = performance.now();
  const managed = loadManagedPolicies();
  console.log(`(a) every AWS managed policy (${managed.length}, read in ${formatMs(milliseconds(loading))}), a seeded unused set each (seed ${BENCH_SEED}); times are recommend() alone, self-check included\n`);
  const rows = GRANULARITIES.map((granularity) => managedPolicyRow(managed, catalog, granularity));
  console.log(formatTable(['granularity', 'policies', 'errors', 'total ms', 'median ms', 'p95 ms', 'max ms', 'slowest'], rows.map((row) => row.cells)));
  for (const { cells, failed } of rows) if (failed.length > 0) console.log(`${cells[0]} errors: ${failed.join('; ')}`);

  const unused = readListUnused(catalog);
  console.log(`\n(b) {"Action": "*"} with every action that is neither Read nor List unused (${unused.actions.size.toLocaleString('en-US')} of ${catalog.size.toLocaleString('en-US')}; ${(catalog.size - unused.actions.size).toLocaleString('en-US')} used)\n`);
  console.log(
    formatTable(
      ['granularity', 'refine ms', 'recommend ms', 'patterns', 'literals', 'list chars', 'policy chars', 'list chars, no literals', 'ref. patterns', 'ref. chars', 'invalid patterns'],
      GRANULARITIES.map((granularity) => starPolicyRow(catalog, unused, granularity)),
    ),
  );
  console.log(
    [
      '',
      'literals: nodes that cover one action, written as that action (issue 2) rather than as a shorter wildcard.',
      'list chars, no literals: the same nodes all written as wildcards, as the reference figures were measured.',
      'list chars: the compact JSON list of patterns, as facts.md counts; policy chars: policySize() of the whole policy.',
      'ref.: facts.md, older catalog (21,788 actions, 9,460 Read or List).',
    ].join('\n'),
  );
}

function managedPolicyRow(managed: readonly ManagedPolicy[], catalog: Catalog, granularity: Granularity): { cells: (string | number)[]; failed: string[] } {
  const runs = managed.map((policy) => refineManagedPolicy(policy, catalog, BENCH_SEED, granularity));
  const times = runs.map((run) => run.milliseconds).sort((a, b) => a - b);
  const slowest = runs.reduce((worst, run) => (run.milliseconds > worst.milliseconds ? run : worst));
  const percentile = (share: number): number => times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
  const failed = runs.flatMap((run) => ('error' in run.outcome ? [`${run.name} (${run.outcome.error.message.slice(0, 100)})`] : []));
  return { cells: [granularity, runs.length, failed.length, round(times.reduce((sum, time) => sum + time, 0)), percentile(0.5), percentile(0.95), round(slowest.milliseconds), slowest.name], failed };
}

/** Every action whose access levels ("Tagging, Write", ...) include neither Read nor List is unused. */
export function readListUnused(catalog: Catalog): UnusedSet {
  const byService = new Map<string, string[]>();
  for (const { action, accessLevel } of pinnedActions()) {
    const levels = accessLevel.split(',').map((level) => level.trim());
    if (levels.includes('Read') || levels.includes('List')) continue;
    const [service, name] = action.split(':') as [string, string];
    byService.set(service, [...(byService.get(service) ?? []), name]);
  }
  const entries: ShortFormEntry[] = [...byService].map(([serviceNamespace, actions]) => ({ serviceNamespace, actions }));
  return resolveShortForm(entries, catalog, 'not-read-or-list');
}

/**
 * The refinement of `*` timed alone and through `recommend()`. When `recommend()` refuses (its
 * self-check rejects the output), the figures are those of the refinement it refused.
 */
function starPolicyRow(catalog: Catalog, unused: UnusedSet, granularity: Granularity): (string | number)[] {
  const policy = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'star.json');
  let started = performance.now();
  const refinement = refineActionStatement(policy.statements[0]!, { catalog, unused, granularity });
  const refineMs = milliseconds(started);
  started = performance.now();
  let recommendMs: string;
  try {
    recommend(policy, unused, catalog, { granularity });
    recommendMs = formatMs(milliseconds(started));
  } catch (error) {
    recommendMs = `refused (${error instanceof Error ? error.name : 'error'})`;
  }
  const patterns = refinement.result;
  const document: JsonObject = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...patterns], Resource: '*' }] };
  const invalid = patterns.filter((pattern) => pattern !== '*' && !pattern.includes(':'));
  const literals = patterns.filter((pattern) => !/[*?]/.test(pattern)).length;
  return [granularity, round(refineMs), recommendMs, patterns.length, literals, JSON.stringify(patterns).length, policySize(document), JSON.stringify(nodesAsWildcards(catalog, unused, granularity)).length, REFERENCE[granularity].patterns, REFERENCE[granularity].characters, invalid.length === 0 ? 'none' : `${invalid.length} (${invalid.slice(0, 3).join(', ')}, ...)`];
}

/** The selected trie nodes of the `*` refinement, every one written `prefix*`, even one that covers a single action. */
function nodesAsWildcards(catalog: Catalog, unused: UnusedSet, granularity: Granularity): string[] {
  const tree = buildPrefixTree({ lower: catalog.lowerActions, spelling: catalog.actions }, '', granularity);
  const marks: Mark[] = catalog.lowerActions.map((lower) => (unused.actions.has(lower) ? 'forbidden' : 'wanted'));
  return shortestSafeNodes(tree, marks).map(({ node, kind }) => {
    const first = catalog.actions[tree.ranges[node]![0]]!;
    return kind === 'member' ? first : `${first.slice(0, tree.keys[node]!.length)}*`;
  });
}

function round(value: number): number {
  return Math.round(value);
}

function formatMs(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} ms`;
}
