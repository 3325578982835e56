import type { Catalog } from '../catalog/catalog.js';
import { tokenBoundaries, type Granularity } from '../catalog/tokenize.js';
import { isUnused, type UnusedSet } from '../findings/unused-set.js';
import type { Glob } from '../glob/glob.js';
import type { PrefixTree } from './prefix-tree.js';
import { coversNoForbidden, writeSelected, type SafeNodeTest, type SelectedNode } from './select.js';

/**
 * The replaceable steps of a refinement. iam-refine's recommender uses `REFINE_PARTS`; the fuzz
 * campaign's mutant recommenders (`src/fuzz/recommender-mutants/`) each swap one part for a
 * subtly wrong one, so that a mutant is the real recommender with exactly one bug.
 */
export interface RefineParts {
  /** The catalog actions a pattern matches: ASCII case-insensitively, `*` any sequence, `?` one character. */
  readonly matching: (catalog: Catalog, glob: Glob) => readonly number[];
  /** Whether an action (lower-cased, with its service prefix) is unused. */
  readonly isUnused: (unused: UnusedSet, lowerAction: string) => boolean;
  /** Where the trie may cut an action name at a granularity. */
  readonly tokenBoundaries: (action: string, granularity: Granularity) => number[];
  /** Whether a trie node may stand for its subtree. */
  readonly isSafeNode: SafeNodeTest;
  /** A selected trie node written as a pattern. */
  readonly writeSelected: (tree: PrefixTree, selected: SelectedNode) => string;
}

export const REFINE_PARTS: RefineParts = {
  matching: (catalog, glob) => catalog.matching(glob),
  isUnused,
  tokenBoundaries,
  isSafeNode: coversNoForbidden,
  writeSelected,
};
