import { parseGlob } from '../glob/glob.js';
import type { Statement } from '../policy/types.js';
import { partsOf, sortedPatterns, type RefineContext } from './context.js';
import { buildPrefixTree } from './prefix-tree.js';
import { withoutRedundant } from './redundancy.js';
import { statementIdentity as identity, type StatementRefinement } from './refinement.js';
import { shortestSafeNodes, type Mark } from './select.js';

/**
 * Refines an `Allow` statement with `NotAction`: it allows every action its exclusions do not
 * match, so the unused actions it allows are excluded too. The added exclusions are compressed
 * with the same trie, over the whole catalog, where safe means "excludes no used action".
 */
export function refineNotActionStatement(statement: Statement, context: RefineContext): StatementRefinement {
  const { catalog, unused } = context;
  const parts = partsOf(context);
  const excluded = new Set(statement.patterns.flatMap((pattern) => parts.matching(catalog, parseGlob(pattern))));
  const marks: Mark[] = catalog.lowerActions.map((lower, index) => (excluded.has(index) ? 'neutral' : parts.isUnused(unused, lower) ? 'wanted' : 'forbidden'));
  const base = { ...identity(statement), patterns: [] };

  if (!marks.includes('wanted')) return { ...base, outcome: 'unchanged', addedExclusions: [], redundant: [], result: statement.patterns };
  if (!marks.includes('forbidden')) return { ...base, outcome: 'dropped', addedExclusions: [], redundant: [], result: [] };

  const tree = buildPrefixTree({ lower: catalog.lowerActions, spelling: catalog.actions }, '', context.granularity, parts.tokenBoundaries);
  const additions = sortedPatterns(shortestSafeNodes(tree, marks, undefined, parts.isSafeNode).map((selected) => parts.writeSelected(tree, selected)));
  const { kept, dropped } = withoutRedundant(
    [
      ...statement.patterns.map((text) => ({ text, isNew: false, dropWhen: 'strings' as const })),
      ...additions.map((text) => ({ text, isNew: true, dropWhen: 'catalog' as const })),
    ],
    catalog,
  );
  return { ...base, outcome: 'refined', addedExclusions: additions, redundant: dropped, result: kept };
}
