import { parseGlob, type Glob } from '../glob/glob.js';
import { includes } from '../glob/inclusion.js';
import type { Statement } from '../policy/types.js';
import { partsOf, sortedPatterns, type RefineContext } from './context.js';
import { buildPrefixTree, type Members } from './prefix-tree.js';
import { withoutRedundant } from './redundancy.js';
import { statementIdentity as identity, type PatternOutcome, type StatementRefinement } from './refinement.js';
import { shortestSafeNodes, type Mark } from './select.js';

/**
 * Refines an `Allow` statement with `Action`: a literal unused action goes; a pattern that allows
 * no unused action stays byte for byte; a wildcard that allows some is replaced by the shortest
 * safe prefixes of the trie over what the statement allows, rooted at its literal prefix.
 */
export function refineActionStatement(statement: Statement, context: RefineContext): StatementRefinement {
  const { catalog, unused } = context;
  const parts = partsOf(context);
  const globs = statement.patterns.map(parseGlob);
  const matches = globs.map((glob) => parts.matching(catalog, glob));
  const isUnusedIndex = (index: number): boolean => parts.isUnused(unused, catalog.lowerActions[index]!);

  // The trie's members: every catalog action the statement allows, so that its nodes, and
  // a node's parent, are the same whichever pattern a prefix is found for.
  const allowed = [...new Set(matches.flat())].sort((a, b) => a - b);
  const members: Members = {
    lower: allowed.map((index) => catalog.lowerActions[index]!),
    spelling: allowed.map((index) => catalog.actions[index]!),
  };

  const patterns: PatternOutcome[] = globs.map((glob, position) => {
    const unusedMatched = matches[position]!.filter(isUnusedIndex).map((index) => catalog.actions[index]!);
    if (!glob.hasWildcard) {
      const fate = parts.isUnused(unused, glob.lower) ? 'removed' : 'kept';
      return { pattern: glob.text, fate, replacements: [], unusedMatched: fate === 'removed' ? [catalog.canonical(glob.text) ?? glob.text] : [] };
    }
    if (unusedMatched.length === 0) return { pattern: glob.text, fate: 'kept', replacements: [], unusedMatched };
    const own = new Set(matches[position]);
    const marks: Mark[] = allowed.map((index) => (isUnusedIndex(index) ? 'forbidden' : own.has(index) ? 'wanted' : 'neutral'));
    const replacements = generalize(glob, members, marks, context);
    return { pattern: glob.text, fate: replacements.length === 0 ? 'removed' : 'replaced', replacements, unusedMatched };
  });

  if (patterns.every((outcome) => outcome.fate === 'kept')) {
    return { ...identity(statement), outcome: 'unchanged', patterns, addedExclusions: [], redundant: [], result: statement.patterns };
  }
  const candidates = patterns.flatMap((outcome) =>
    outcome.fate === 'kept'
      ? [{ text: outcome.pattern, isNew: false, dropWhen: 'catalog' as const }]
      : outcome.replacements.map((text) => ({ text, isNew: true, dropWhen: 'catalog' as const })),
  );
  const { kept, dropped } = withoutRedundant(candidates, catalog);
  return { ...identity(statement), outcome: kept.length === 0 ? 'dropped' : 'refined', patterns, addedExclusions: [], redundant: dropped, result: kept };
}

/**
 * The shortest safe prefixes that cover the `wanted` members. A node's wildcard `prefix*` may
 * only replace the pattern if the pattern matches every string it matches: always so below a
 * `prefix*` pattern's own root, decided exactly for the others (`cloudformation:*Stack*`
 * admits `cloudformation:ListStack*` but not `cloudformation:List*`).
 */
function generalize(glob: Glob, members: Members, marks: readonly Mark[], context: RefineContext): string[] {
  const parts = partsOf(context);
  const tree = buildPrefixTree(members, glob.literalPrefix, context.granularity, parts.tokenBoundaries);
  const expressible = (node: number): boolean => glob.isPrefixPattern || includes(glob.text, `${tree.keys[node]!}*`);
  return sortedPatterns(shortestSafeNodes(tree, marks, expressible, parts.isSafeNode).map((selected) => parts.writeSelected(tree, selected)));
}
