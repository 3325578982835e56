import { describeCatalog } from '../catalog/catalog.js';
import { belowText, choiceText, countsText, differs, hiddenBelow, nodeLabel, statusText, trieTitle } from './describe.js';
import type { Explanation, PatternTrie } from './model.js';

/** ANSI colours for a terminal; `plain` writes none. */
export interface TreeStyle {
  readonly safe: (text: string) => string;
  readonly unsafe: (text: string) => string;
  readonly chosen: (text: string) => string;
  readonly differs: (text: string) => string;
  readonly dim: (text: string) => string;
}

const ansi =
  (code: string) =>
  (text: string): string =>
    `\u001b[${code}m${text}\u001b[0m`;

export const COLOURED: TreeStyle = { safe: ansi('32'), unsafe: ansi('38;5;208'), chosen: ansi('1'), differs: ansi('35'), dim: ansi('2') };
const same = (text: string): string => text;
export const PLAIN: TreeStyle = { safe: same, unsafe: same, chosen: same, differs: same, dim: same };

/**
 * The tries as indented text, in their default view: the nodes some recommendation descends
 * into are open, the others show how many nodes they hide.
 */
export function explanationTree(explanation: Explanation, style: TreeStyle = PLAIN): string {
  const lines = [`catalog: ${describeCatalog(explanation.catalog)}; granularity: ${explanation.granularity}`];
  if (explanation.tries.length === 0) lines.push('', 'no wildcard allows an unused action: nothing to explain');
  for (const trie of explanation.tries) lines.push('', ...trieLines(trie, explanation.given, style));
  for (const { statement, pattern } of explanation.unplaced) lines.push('', style.differs(`statement ${statement}: the given pattern ${pattern} is no node of a trie`));
  return `${lines.join('\n')}\n`;
}

function trieLines(trie: PatternTrie, given: boolean, style: TreeStyle): string[] {
  const lines = [trieTitle(trie)];
  const visit = (id: number, indent: string, branch: string): void => {
    const node = trie.nodes[id]!;
    const colour = node.safe ? style.safe : style.unsafe;
    const hidden = node.children.length > 0 && !node.expanded ? style.dim(` [+${hiddenBelow(trie.nodes, id)}]`) : '';
    const counts = countsText(node);
    const below = belowText(node);
    const choice = choiceText(node, given);
    const marked = choice === '' ? '' : `  ${differs(node, given) ? style.differs(choice) : style.chosen(choice)}`;
    const label = node.chosen !== undefined ? style.chosen(colour(nodeLabel(node))) : colour(nodeLabel(node));
    lines.push(`${indent}${branch}${label}  ${counts === '' ? '' : `${style.dim(counts)}  `}${colour(statusText(node))}${below === '' ? '' : style.dim(`  ${below}`)}${marked}${hidden}`);
    if (!node.expanded) return;
    const childIndent = indent + (branch === '' ? '' : branch === '├─ ' ? '│  ' : '   ');
    node.children.forEach((child, index) => visit(child, childIndent, index === node.children.length - 1 ? '└─ ' : '├─ '));
  };
  visit(0, '', '');
  return lines;
}
