import { statementName } from '../report/statement-names.js';
import type { ExplainedNode, PatternTrie } from './model.js';

/** The words every renderer shows for a node, so that the picture and the terminal say the same. */

/** The root's label: the pattern's literal prefix, `*` for a pattern that starts with a wildcard. */
export function nodeLabel(node: ExplainedNode): string {
  return node.parent < 0 && node.label === '' ? '*' : node.label;
}

/** A node of one action at a leaf: its action says what the counts would (`1 used · 0 unused`). */
function isLeafAction(node: ExplainedNode): boolean {
  return node.action !== undefined && node.children.length === 0;
}

/** `12 used · 3 unused` (and `· 2 other` for used actions other patterns allow); nothing for a leaf action. */
export function countsText(node: ExplainedNode): string {
  if (isLeafAction(node)) return '';
  return `${node.used} used · ${node.unused} unused${node.other > 0 ? ` · ${node.other} other` : ''}`;
}

/**
 * Safe or unsafe, and the action the node stands for: `unused action s3:GetBucketAcl` at a leaf
 * nothing chose, `safe, used action s3:GetObject` above others; a chosen pattern that names
 * the action already says its name (a `*` over the catalog has thousands of them).
 */
export function statusText(node: ExplainedNode): string {
  const safety = node.safe ? 'safe' : 'unsafe';
  if (node.action === undefined) return safety;
  const { kind, name } = node.action;
  if (!isLeafAction(node)) return `${safety}, ${kind} action ${name}`;
  if (node.chosen === undefined && node.given === undefined) return `${kind} action ${name}`;
  return node.chosen?.pattern === name || node.given?.pattern === name ? `${safety}, ${kind} action` : `${safety}, ${kind} action ${name}`;
}

/** `5 chosen below`, for a node some recommendation descends into; `6 given below (iam-refine: 5)` where the two differ. */
export function belowText(node: ExplainedNode): string {
  if (node.givenBelow === undefined || node.givenBelow === node.chosenBelow) return node.chosenBelow > 0 ? `${node.chosenBelow} chosen below` : '';
  return `${node.givenBelow} given below (iam-refine: ${node.chosenBelow})`;
}

/** The pattern iam-refine writes for the node, and the given recommendation's when they differ. */
export function choiceText(node: ExplainedNode, given: boolean): string {
  const parts: string[] = [];
  if (node.chosen !== undefined) parts.push(`chosen: ${node.chosen.pattern}`);
  if (given && node.chosen?.pattern !== node.given?.pattern) {
    parts.push(node.given === undefined ? 'not in the given recommendation' : `given: ${node.given.pattern}${node.chosen === undefined ? ' (iam-refine: not chosen)' : ''}`);
  }
  if (node.witness !== undefined) parts.push(`minimality witness: ${node.witness}`);
  return parts.join('; ');
}

/** Whether the two recommendations treat the node differently. */
export function differs(node: ExplainedNode, given: boolean): boolean {
  return given && node.chosen?.pattern !== node.given?.pattern;
}

/**
 * `statement 1 (Read), s3:Get*: replaced by 7 patterns`; with a given recommendation, what it does, and
 * iam-refine's count beside it when they differ, as the nodes' counts say it.
 */
export function trieTitle(trie: PatternTrie): string {
  const given = trie.givenReplacements;
  const beside = given !== undefined && given.length !== trie.replacements.length ? ` (iam-refine: ${trie.replacements.length})` : '';
  const count = given?.length ?? trie.replacements.length;
  // A given pattern that is no node of the trie is counted in the title, not below the root: say so.
  const root = trie.nodes[0];
  const placed = (root?.givenBelow ?? 0) + (root?.given === undefined ? 0 : 1);
  const offTrie = given === undefined || placed >= given.length ? '' : `, ${given.length - placed} of them no node of this trie`;
  const by = given === undefined ? '' : ` in the given recommendation${offTrie}`;
  if (trie.key === 'NotAction') return `${statementName({ index: trie.statement, sid: trie.sid })}, NotAction: ${plural(count, 'exclusion')} added${by}${beside} (a safe node excludes no used action)`;
  const what = given === undefined && trie.fate === 'removed' ? 'removed (every action it allows is unused)' : count === 0 ? `removed${by}${beside}` : `replaced by ${plural(count, 'pattern')}${by}${beside}`;
  return `${statementName({ index: trie.statement, sid: trie.sid })}, ${trie.pattern}: ${what}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** How many nodes are hidden below a collapsed node. */
export function hiddenBelow(nodes: readonly ExplainedNode[], id: number): number {
  let count = 0;
  const stack = [...nodes[id]!.children];
  while (stack.length > 0) {
    count++;
    stack.push(...nodes[stack.pop()!]!.children);
  }
  return count;
}
