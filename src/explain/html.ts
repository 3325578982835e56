import type { ExplanationSummary } from './summary.js';
import { describeCatalog } from '../catalog/catalog.js';
import { TOOL_VERSION } from '../version.js';
import { belowText, choiceText, countsText, differs, nodeLabel, statusText, trieTitle } from './describe.js';
import type { ExplainedNode, Explanation, PatternTrie } from './model.js';
import type { ProofSummary } from './proof.js';
import { sideBySide } from './side-by-side.js';
import { trieRows, type RowNode } from './svg-rows.js';

export interface PageInput {
  readonly explanation: Explanation;
  /** The original policy and the explained recommendation as printed JSON (`''` for detach). */
  readonly before: string;
  readonly after: string;
  /** The names shown above the two columns. */
  readonly beforeName: string;
  readonly afterName: string;
  /** What is explained, and what it does (actions removed, size against the quota). */
  readonly summary: ExplanationSummary;
  readonly proof?: ProofSummary;
}

/** Escapes text for HTML attribute values: policy text is user input. */
export function escapeHtml(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text between tags, where quotes are harmless (a policy's lines are full of them). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON inside `<script type="application/json">`: no `<` can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The explanation as one self-contained HTML page: no network (a Content-Security-Policy forbids
 * it), system fonts, inline style and one small inline script that opens and closes subtrees.
 */
export function explanationPage(input: PageInput): string {
  const { explanation } = input;
  const title = `iam-refine explain: ${input.beforeName}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeText(title)}</h1>`,
    `<p class="meta">${explanation.catalog.source === 'package' ? 'catalog ' : ''}<code id="catalog">${escapeHtml(describeCatalog(explanation.catalog))}</code> · granularity <code>${explanation.granularity}</code> · explained: ${escapeHtml(input.summary.judged)} · iam-refine ${escapeHtml(TOOL_VERSION)}</p>`,
    `<p class="summary" id="summary">${escapeText(input.summary.lines[1]!)}</p>`,
    LEGEND,
    input.proof === undefined ? '' : proofSection(input.proof),
    diffSection(input),
    ...explanation.tries.map((trie, index) => trieSection(trie, index, explanation.given)),
    explanation.tries.length === 0 ? '<p>No wildcard allows an unused action: there is no trie to draw.</p>' : '',
    unplacedSection(explanation),
    `<script>${pageScript()}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function diffSection(input: PageInput): string {
  const cell = (side: { text: string; changed: boolean } | undefined, mark: string): string =>
    side === undefined ? '<td class="empty"></td>' : `<td${side.changed ? ` class="${mark === '-' ? 'del' : 'add'}"` : ''}>${escapeText(side.text)}</td>`;
  const rows = sideBySide(input.before, input.after).map((row) => `<tr>${cell(row.left, '-')}${cell(row.right, '+')}</tr>`);
  return [
    `<section id="diff"><h2>Policy</h2><details${rows.length > LONG_DIFF ? '' : ' open'}><summary>side by side, ${rows.length} lines</summary>`,
    `<table class="diff"><thead><tr><th>${escapeHtml(input.beforeName)}</th><th>${escapeHtml(input.afterName)}</th></tr></thead><tbody>`,
    ...rows,
    '</tbody></table></details></section>',
  ].join('\n');
}

function trieSection(trie: PatternTrie, index: number, given: boolean): string {
  const nodes = trie.nodes.map((node): RowNode => [node.parent, nodeLabel(node), classesOf(node, given), infoOf(node, given)]);
  const open = trie.nodes.map((node) => node.expanded);
  const rows = trieRows(nodes, open);
  const data = { nodes, open: trie.nodes.flatMap((node, id) => (node.expanded ? [id] : [])) };
  const differences = trie.differences > 0 ? ` · <span class="differs-note">${trie.differences} node${trie.differences === 1 ? '' : 's'} chosen differently</span>` : '';
  return [
    `<section class="pattern" id="trie-${index}"><h2>${escapeHtml(trieTitle(trie))}</h2>`,
    patternList('iam-refine', trie.replacements, ''),
    trie.givenReplacements === undefined ? '' : patternList('given', trie.givenReplacements, differences),
    `<figure class="trie" data-trie="${index}"><svg xmlns="http://www.w3.org/2000/svg" width="${rows.width}" height="${rows.height}" viewBox="0 0 ${rows.width} ${rows.height}" role="img" aria-label="${escapeHtml(`trie of ${trie.pattern}`)}">${rows.svg}</svg>`,
    `<script type="application/json" class="trie-data">${scriptJson(data)}</script></figure>`,
    '</section>',
  ].join('\n');
}

/** A list of patterns; a long one (a `*` refined) folds away. */
function patternList(whose: string, patterns: readonly string[], note: string): string {
  const codes = patterns.length === 0 ? 'nothing' : patterns.map((pattern) => `<code>${escapeText(pattern)}</code>`).join(' ');
  if (patterns.length <= LONG_LIST) return `<p>${whose}: ${codes}${note}</p>`;
  return `<details><summary>${whose}: ${patterns.length} patterns${note}</summary><p>${codes}</p></details>`;
}

/** Beyond this many patterns or diff lines, a list starts folded. */
const LONG_LIST = 40;
const LONG_DIFF = 400;

function classesOf(node: ExplainedNode, given: boolean): string {
  return [node.safe ? 'safe' : 'unsafe', node.chosen === undefined ? '' : 'chosen', node.given === undefined ? '' : 'given', differs(node, given) ? 'differs' : '', node.action === undefined ? '' : `act-${node.action.kind}`]
    .filter((name) => name !== '')
    .join(' ');
}

function infoOf(node: ExplainedNode, given: boolean): string {
  return [countsText(node), statusText(node), belowText(node), choiceText(node, given)].filter((part) => part !== '').join(' · ');
}

function proofSection(proof: ProofSummary): string {
  const rows = proof.claims.map(
    (claim) =>
      `<tr class="${claim.verdict}"><td>${claim.statement}</td><td>${escapeHtml(claim.claim)}</td><td>${claim.verdict}</td><td>${claim.obligations}</td><td>${claim.example === undefined ? '' : `<code>${escapeHtml(claim.example)}</code>`}</td><td>${escapeHtml(claim.explanation)}</td></tr>`,
  );
  return [
    `<section id="proof"><h2>Proof: <span class="${proof.verdict}">${proof.verdict}</span></h2>`,
    `<p class="meta">${escapeHtml(proof.solver)} · ${Math.round(proof.timeMs)} ms</p>`,
    '<table class="claims"><thead><tr><th>stmt</th><th>claim</th><th>verdict</th><th>obligations</th><th>witness / counterexample</th><th>explanation</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table></section>',
  ].join('\n');
}

function unplacedSection(explanation: Explanation): string {
  if (explanation.unplaced.length === 0) return '';
  const items = explanation.unplaced.map(({ statement, pattern }) => `<li>statement ${statement}: <code>${escapeHtml(pattern)}</code></li>`);
  return ['<section id="unplaced"><h2>Given patterns that are no trie node</h2>', '<p class="differs-note">Not a prefix of the trie a refined wildcard has: not a shortest safe prefix.</p>', `<ul>${items.join('')}</ul>`, '</section>'].join('\n');
}

/** Opens and closes subtrees: redraws a trie's rows with the very function that drew them. */
function pageScript(): string {
  // Run from TypeScript through esbuild (tsx), a function's source calls esbuild's `__name`.
  return `(function () {
'use strict';
var __name = function (target) { return target; };
var trieRows = ${trieRows.toString()};
document.querySelectorAll('figure.trie').forEach(function (figure) {
  var data = JSON.parse(figure.querySelector('script.trie-data').textContent);
  var open = data.nodes.map(function () { return false; });
  data.open.forEach(function (id) { open[id] = true; });
  var svg = figure.querySelector('svg');
  var toggle = function (target) {
    var node = target.closest('g[data-open]');
    if (node === null) return;
    var id = Number(node.getAttribute('data-id'));
    open[id] = !open[id];
    var rows = trieRows(data.nodes, open);
    svg.innerHTML = rows.svg;
    svg.setAttribute('width', rows.width);
    svg.setAttribute('height', rows.height);
    svg.setAttribute('viewBox', '0 0 ' + rows.width + ' ' + rows.height);
    var again = svg.querySelector('g[data-id="' + id + '"]');
    if (again !== null) again.focus();
  };
  svg.addEventListener('click', function (event) { toggle(event.target); });
  svg.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(event.target); }
  });
});
})();`;
}

const LEGEND = `<p class="legend"><svg width="560" height="22" role="img" aria-label="legend">
<g class="node safe" transform="translate(4,11)"><rect y="-9" width="44" height="18" rx="4"/><text class="label" x="6" y="4">safe</text></g>
<g class="node unsafe" transform="translate(56,11)"><rect y="-9" width="58" height="18" rx="4"/><text class="label" x="6" y="4">unsafe</text></g>
<g class="node safe chosen" transform="translate(122,11)"><rect y="-9" width="58" height="18" rx="4"/><text class="label" x="6" y="4">chosen</text></g>
<g class="node safe differs" transform="translate(188,11)"><rect y="-9" width="180" height="18" rx="4"/><text class="label" x="6" y="4">chosen differently</text></g>
<g class="node unsafe act-unused" transform="translate(376,11)"><rect y="-9" width="110" height="18" rx="4"/><text class="label" x="6" y="4">unused action</text></g>
</svg><br>A safe node has no unused action below it; iam-refine chooses the shortest safe prefixes. Click a node marked ▸ to open it, ▾ to close it.</p>`;

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1a1a1a; }
code, .diff td, svg text { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
.meta { color: #555; }
table { border-collapse: collapse; }
.diff td { white-space: pre; padding: 0 .8em; font-size: 12px; vertical-align: top; }
.diff th { text-align: left; padding: .2em .8em; }
.diff td.del { background: #fde2e1; } .diff td.add { background: #dcf5dd; } .diff td.empty { background: #f4f4f4; }
.claims td, .claims th { border: 1px solid #ddd; padding: .2em .5em; text-align: left; }
.proven { color: #1b6e20; } .refuted { color: #b3261e; } .unknown { color: #8a5a00; }
figure.trie { margin: .5em 0; overflow-x: auto; }
svg text { font-size: 12px; }
.node rect { stroke-width: 1.2; }
.node.safe rect { fill: #c8e6c9; stroke: #2e7d32; }
.node.unsafe rect { fill: #ffe0b2; stroke: #ef6c00; }
.node.chosen rect { stroke-width: 3; }
.node.chosen .label { font-weight: bold; }
.node.differs rect { stroke: #8e24aa; stroke-width: 3; stroke-dasharray: 5 3; }
.node.act-unused .label { fill: #b34700; }
.node .info { fill: #444; font-size: 11px; }
.node[data-open] { cursor: pointer; }
.node[data-open]:focus { outline: none; } .node[data-open]:focus rect { stroke: #1565c0; }
.edge { fill: none; stroke: #999; }
.differs-note { color: #8e24aa; }
`;
