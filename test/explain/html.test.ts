import { describe, expect, it } from 'vitest';
import { explanationPage, escapeHtml } from '../../src/explain/html.js';
import { explain } from '../../src/explain/model.js';
import { renderExplanation } from '../../src/explain/render.js';
import { trieRows, type RowNode } from '../../src/explain/svg-rows.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { articleRequest, FIGURE } from './_support.js';

/** The drawn nodes of a page's first trie: label, classes and the text beside it. */
function drawnNodes(page: string): { label: string; classes: string; info: string }[] {
  const start = page.indexOf('<figure class="trie"');
  const svg = page.slice(start, page.indexOf('</svg>', start));
  return [...svg.matchAll(/<g class="node ([^"]*)"[^>]*>.*?<text class="label"[^>]*>([^<]*)<\/text><text class="info"[^>]*>([^<]*)<\/text><\/g>/g)].map((match) => ({ classes: match[1]!, label: match[2]!, info: match[3]! }));
}

describe('the page', () => {
  const page = renderExplanation(articleRequest(), 'html');

  it("draws the article's trie as SVG: root s3:Get, the figure's safe and unsafe children", () => {
    const nodes = drawnNodes(page);
    expect(nodes[0]).toMatchObject({ label: 's3:Get', classes: 'unsafe' });
    const byLabel = new Map(nodes.map((node) => [node.label, node]));
    for (const [label, safe] of Object.entries(FIGURE)) expect(byLabel.get(label)?.classes.split(' ')[0], label).toBe(safe ? 'safe' : 'unsafe');
    expect(nodes.filter((node) => node.classes.includes('chosen')).map((node) => node.label)).toEqual(['Access', 'Account', 'Data', 'Job', 'Multi', 'Object', 'Storage']);
    expect(byLabel.get('Access')!.info).toBe('\u25b8 12 used · 0 unused · safe · chosen: s3:GetAccess*');
    expect(byLabel.get('Policy')).toMatchObject({ classes: 'unsafe act-unused', info: 'unused action s3:GetBucketPolicy' });
    expect(byLabel.get('Job')).toMatchObject({ classes: 'safe chosen act-used', info: 'safe, used action · chosen: s3:GetJobTagging' });
  });

  it('carries every node for the script, the closed subtrees too', () => {
    const data = JSON.parse(page.slice(page.indexOf('<script type="application/json" class="trie-data">') + 50, page.indexOf('</script></figure>'))) as { nodes: RowNode[]; open: number[] };
    const explanation = explain(articleRequest());
    expect(data.nodes).toHaveLength(explanation.tries[0]!.nodes.length);
    const object = data.nodes.findIndex((node) => node[1] === 'Object');
    expect(data.nodes.filter((node) => node[0] === object).map((node) => node[1])).toContain('Acl');
    expect(data.open).toEqual(explanation.tries[0]!.nodes.flatMap((node, id) => (node.expanded ? [id] : [])));
  });

  it('is self-contained: no address outside the page, a policy forbidding the network, the catalog named', () => {
    expect(page).not.toMatch(/\b(src|href)=/);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    expect(page).toContain(`default-src 'none'`);
    expect(page).toMatch(/<code id="catalog">catalog file sha256:[0-9a-f]{64}<\/code>/);
  });

  it('shows both policies side by side', () => {
    expect(page).toContain('<td class="del">        "s3:Get*",</td><td class="add">        "s3:GetAccess*",</td>');
  });

  it('escapes what the user wrote, in the policy and in the trie data', () => {
    const request = articleRequest();
    const raw = { ...request.original.raw, Id: '</script><script>alert(1)</script><b onmouseover="x">' };
    const hostile = { ...request, original: parsePolicy(raw, 'policy.json'), policyName: '<i>policy</i>.json' };
    const html = renderExplanation(hostile, 'html');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<i>policy');
    expect(html.match(/<script/g)).toHaveLength(2);
    const data = explanationPage({ explanation: { ...explain(request), tries: [] }, before: '', after: '', beforeName: 'a', afterName: 'b', summary: { judged: 'x', lines: ['explained: x', 'actions: none'] } });
    expect(data).toContain('No wildcard allows an unused action');
  });

  it('escapes the labels it draws', () => {
    const { svg } = trieRows([[-1, 'a<b>&"c', 'safe', 'x<y']], [false]);
    expect(svg).toContain('>a&lt;b&gt;&amp;&quot;c</text>');
    expect(svg).toContain('>x&lt;y</text>');
    expect(escapeHtml(`<'&">`)).toBe('&lt;&#39;&amp;&quot;&gt;');
  });
});
