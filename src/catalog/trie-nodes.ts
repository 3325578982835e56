import type { Catalog } from './catalog.js';
import { tokenBoundaries, type Granularity } from './tokenize.js';
import { lowerAscii } from '../glob/glob.js';

/**
 * The trie's nodes as a set of prefixes, for judging a refinement without building a trie: a
 * prefix is a node when it ends at a token boundary of a member, and its parent is its longest
 * proper prefix that is a node. Members are the catalog actions an `Action` statement allows, or
 * the whole catalog for `NotAction` exclusions (`members` undefined).
 */
export class TrieNodes {
  private readonly nodes: ReadonlySet<string>;

  constructor(
    private readonly catalog: Catalog,
    private readonly granularity: Granularity,
    private readonly members: ReadonlySet<number> | undefined,
  ) {
    this.nodes = members === undefined ? wholeCatalogNodes(catalog, granularity) : nodesOf(catalog, granularity, members);
  }

  isNode(prefix: string): boolean {
    return this.nodes.has(lowerAscii(prefix));
  }

  isMember(index: number): boolean {
    return this.members === undefined || this.members.has(index);
  }

  /** The node one token shorter: the longest proper prefix that is a node, or the empty root. */
  parent(prefix: string): string {
    const lower = lowerAscii(prefix);
    for (let length = lower.length - 1; length > 0; length--) {
      if (this.nodes.has(lower.slice(0, length))) return lower.slice(0, length);
    }
    return '';
  }

  /**
   * A member that makes `prefix` a node: a catalog index whose action has a token boundary right
   * after `prefix` (the fact a certificate states for each node it relies on).
   */
  boundaryOf(prefix: string): number | undefined {
    const lower = lowerAscii(prefix);
    const [from, to] = this.catalog.rangeWithPrefix(lower);
    for (let index = from; index < to; index++) {
      if (this.isMember(index) && tokenBoundaries(this.catalog.actions[index]!, this.granularity).includes(lower.length)) return index;
    }
    return undefined;
  }

  /** How many members start with `prefix`. */
  cover(prefix: string): number {
    const [from, to] = this.catalog.rangeWithPrefix(lowerAscii(prefix));
    let count = 0;
    for (let index = from; index < to; index++) if (this.isMember(index)) count++;
    return count;
  }

  /**
   * The prefix whose wildcard a new pattern must not be shortenable to. For `p*`: the parent of
   * `p`. For a literal action: itself when other members start with it (an unsafe node taken by
   * name), otherwise the parent of the highest node that covers that action alone.
   */
  shorterPrefix(pattern: { readonly literalPrefix: string; readonly hasWildcard: boolean }): string {
    if (pattern.hasWildcard) return this.parent(pattern.literalPrefix);
    const lower = pattern.literalPrefix;
    if (this.cover(lower) > 1) return lower;
    let node = lower;
    for (let up = this.parent(node); up !== '' && this.cover(up) === 1; up = this.parent(node)) node = up;
    return this.parent(node);
  }
}

function nodesOf(catalog: Catalog, granularity: Granularity, members: Iterable<number>): Set<string> {
  const nodes = new Set<string>();
  for (const index of members) {
    const lower = catalog.lowerActions[index]!;
    for (const cut of tokenBoundaries(catalog.actions[index]!, granularity)) nodes.add(lower.slice(0, cut));
  }
  return nodes;
}

/** The whole catalog's nodes, made once per catalog and granularity: every `NotAction` statement asks for them. */
const wholeCatalog = new WeakMap<Catalog, Map<Granularity, ReadonlySet<string>>>();

function wholeCatalogNodes(catalog: Catalog, granularity: Granularity): ReadonlySet<string> {
  const byGranularity = wholeCatalog.get(catalog) ?? new Map<Granularity, ReadonlySet<string>>();
  wholeCatalog.set(catalog, byGranularity);
  let nodes = byGranularity.get(granularity);
  if (nodes === undefined) byGranularity.set(granularity, (nodes = nodesOf(catalog, granularity, catalog.lowerActions.keys())));
  return nodes;
}
