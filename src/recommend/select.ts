import type { PrefixTree } from './prefix-tree.js';

/**
 * What a member is to a refinement: `wanted` must end up covered, `forbidden` must not, and
 * `neutral` may go either way (an action another pattern handles, or one already excluded).
 */
export type Mark = 'wanted' | 'forbidden' | 'neutral';

export interface SelectedNode {
  readonly node: number;
  /**
   * `subtree`: a safe node, standing for every member below it. `member`: an unsafe node that is
   * itself a wanted member, which only its own name can cover.
   */
  readonly kind: 'subtree' | 'member';
}

/**
 * Whether a node may stand for its subtree, given the count of forbidden members in a range of
 * members (the node's subtree is the range `tree.ranges[node]`).
 */
export type SafeNodeTest = (tree: PrefixTree, node: number, forbiddenIn: (from: number, to: number) => number) => boolean;

/** A node is safe when no member anywhere below it is forbidden. */
export const coversNoForbidden: SafeNodeTest = (tree, node, forbiddenIn) => forbiddenIn(...tree.ranges[node]!) === 0;

/**
 * The least general generalization: walking down from the root, take every safe node (no
 * forbidden member below it) that has wanted members, and go no deeper there; below an unsafe
 * node, a wanted member equal to the node is taken by name. `expressible` says whether a node's
 * wildcard may stand in the result at all (an `Action` refinement must stay inside the original
 * patterns for every string); a node that is not, but covers a single member, stands as that
 * member's name.
 */
export function shortestSafeNodes(tree: PrefixTree, marks: readonly Mark[], expressible: (node: number) => boolean = () => true, isSafe: SafeNodeTest = coversNoForbidden): SelectedNode[] {
  const wanted = prefixCounts(marks, 'wanted');
  const forbidden = prefixCounts(marks, 'forbidden');
  const forbiddenIn = (from: number, to: number): number => forbidden[to]! - forbidden[from]!;
  const selected: SelectedNode[] = [];
  const visit = (node: number): void => {
    const [from, to] = tree.ranges[node]!;
    if (wanted[to]! - wanted[from]! === 0) return;
    if (isSafe(tree, node, forbiddenIn) && (to - from === 1 || expressible(node))) {
      selected.push({ node, kind: 'subtree' });
      return;
    }
    if (from < marks.length && marks[from] === 'wanted' && isMemberKey(tree, node, from)) selected.push({ node, kind: 'member' });
    for (const child of tree.children[node]!) visit(child);
  };
  visit(0);
  return selected;
}

/** Members sort before their extensions, so a node that is itself a member holds it first. */
function isMemberKey(tree: PrefixTree, node: number, member: number): boolean {
  return tree.members.lower[member] === tree.keys[node];
}

function prefixCounts(marks: readonly Mark[], mark: Mark): number[] {
  const counts = [0];
  for (const current of marks) counts.push(counts[counts.length - 1]! + (current === mark ? 1 : 0));
  return counts;
}

/** A selected node as a pattern: one member's name, or the node's prefix (in catalog spelling) and `*`. */
export function writeSelected(tree: PrefixTree, { node, kind }: SelectedNode): string {
  const [from, to] = tree.ranges[node]!;
  const first = tree.members.spelling[from]!;
  return kind === 'member' || to - from === 1 ? first : `${first.slice(0, tree.keys[node]!.length)}*`;
}
