/**
 * One drawn node, as compact as the page carries it: its parent, label, CSS classes and the text
 * beside it. A `*` over the catalog has tens of thousands of them.
 */
export type RowNode = readonly [parent: number, label: string, classes: string, info: string];

export interface Rows {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The visible rows of a trie as SVG elements: an indented tree, one row per node, each node a
 * box labelled by its token with an elbow from its parent, a closed node marked ▸, an open one ▾. This
 * function is self-contained on purpose: the page's script is its own source
 * (`trieRows.toString()`), so the drawing the server writes and the one a click redraws are the
 * same code. Keep it free of imports and outer names.
 */
export function trieRows(nodes: readonly RowNode[], open: readonly boolean[]): Rows {
  const ROW = 24;
  const INDENT = 24;
  const CHAR = 7.3;
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const children: number[][] = nodes.map(() => []);
  nodes.forEach((node, id) => {
    if (node[0] >= 0) children[node[0]]!.push(id);
  });
  const parts: string[] = [];
  const ys: number[] = [];
  let width = 0;
  let row = 0;
  const visit = (id: number, depth: number): void => {
    const [parent, label, classes, info] = nodes[id]!;
    const x = 8 + depth * INDENT;
    const y = 16 + row * ROW;
    ys[id] = y;
    row++;
    const box = Math.ceil(label.length * CHAR) + 12;
    const closable = children[id]!.length > 0;
    const mark = closable ? (open[id] ? '\u25be ' : '\u25b8 ') : '';
    const edge = parent < 0 ? '' : `<path class="edge" d="M${8 - INDENT},${ys[parent]! + 9 - y}V0H0"/>`;
    const toggle = closable ? ` data-open="${open[id] ? 1 : 0}" tabindex="0" role="button"` : '';
    parts.push(
      `<g class="node ${classes}" data-id="${id}" transform="translate(${x},${y})"${toggle}>${edge}<rect y="-9" width="${box}" height="18" rx="4"/><text class="label" x="6" y="4">${escape(label)}</text><text class="info" x="${box + 6}" y="4">${mark}${escape(info)}</text></g>`,
    );
    width = Math.max(width, x + box + 12 + Math.ceil((mark.length + info.length) * CHAR * 0.95));
    if (open[id]) for (const child of children[id]!) visit(child, depth + 1);
  };
  if (nodes.length > 0) visit(0, 0);
  return { svg: parts.join(''), width, height: 8 + row * ROW };
}
