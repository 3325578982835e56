import { prefixRange } from '../catalog/prefix-range.js';
import { tokenBoundaries, type Granularity } from '../catalog/tokenize.js';

/** A set of actions, sorted by lower-cased name, with their canonical spellings. */
export interface Members {
  readonly lower: readonly string[];
  readonly spelling: readonly string[];
}

/**
 * The trie of the article, over token prefixes: its nodes are the lower-cased prefixes of the
 * members that end at a token boundary and are longer than the root. A node's parent is its
 * longest proper prefix that is also a node, and its subtree is every member starting with it.
 * Defining the tree by string prefixes, not by token paths, makes a node's subtree exactly what
 * its wildcard matches: `DescribeDashboards*` also matches `DescribeDashboardSnapshotJob`, so
 * that action sits below the node `DescribeDashboards`, not beside it.
 */
export interface PrefixTree {
  readonly members: Members;
  /** Node keys in sorted order; node 0 is the root. */
  readonly keys: readonly string[];
  readonly parents: readonly number[];
  readonly children: readonly (readonly number[])[];
  /** For each node, the half-open range of members that start with its key. */
  readonly ranges: readonly (readonly [number, number])[];
}

export function buildPrefixTree(members: Members, root: string, granularity: Granularity, boundaries = tokenBoundaries): PrefixTree {
  const keySet = new Set<string>();
  members.lower.forEach((lower, index) => {
    if (!lower.startsWith(root)) return;
    for (const cut of boundaries(members.spelling[index]!, granularity)) {
      if (cut > root.length) keySet.add(lower.slice(0, cut));
    }
  });
  const keys = [root, ...[...keySet].sort()];
  const parents: number[] = [-1];
  const children: number[][] = keys.map(() => []);
  const stack = [0];
  for (let node = 1; node < keys.length; node++) {
    while (!keys[node]!.startsWith(keys[stack[stack.length - 1]!]!)) stack.pop();
    const parent = stack[stack.length - 1]!;
    parents.push(parent);
    children[parent]!.push(node);
    stack.push(node);
  }
  const ranges = keys.map((key) => prefixRange(members.lower, key));
  return { members, keys, parents, children, ranges };
}
