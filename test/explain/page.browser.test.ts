/**
 * The explain page in a real headless browser (Debian's Chromium, driven by playwright-core):
 * it loads without a console error or a request, draws the expected nodes, opens and closes
 * subtrees, and stays small for a `*` over the whole catalog. Screenshots and pages are written
 * to test-artifacts/explain/.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readListUnused } from '../../bench/recommend.js';
import { loadPinnedCatalog } from '../../src/catalog/load.js';
import { renderExplanation } from '../../src/explain/render.js';
import { parsePolicy } from '../../src/policy/parse.js';
import { recommend } from '../../src/recommend/recommend.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, openPage } from './_browser.js';
import { articleRecommendedWith, articleRequest, FIGURE } from './_support.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/explain/', import.meta.url));
const FIVE_MB = 5 * 1024 * 1024;

if (!HAS_CHROMIUM) console.warn(`explain page tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

/** Writes a page under test-artifacts/explain/ and returns its path. */
function artifact(name: string, content: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}${name}`, content);
  return `${ARTIFACTS}${name}`;
}

interface DrawnNode {
  readonly id: number;
  readonly label: string;
  readonly classes: string;
  readonly open: string | null;
}

function drawnNodes(page: Page, figure = 0): Promise<DrawnNode[]> {
  return page.$$eval(`figure[data-trie="${figure}"] svg g.node`, (groups) =>
    groups.map((group) => ({ id: Number(group.getAttribute('data-id')), label: group.querySelector('text.label')!.textContent!, classes: group.getAttribute('class')!, open: group.getAttribute('data-open') })),
  );
}

const svgMarkup = (page: Page): Promise<string> => page.$eval('figure[data-trie="0"] svg', (svg) => svg.outerHTML);
const nodeSelector = (id: number): string => `figure[data-trie="0"] svg g.node[data-id="${id}"]`;
/** A node's box: the group itself reaches up to its parent along its edge. */
const boxOf = (id: number): string => `${nodeSelector(id)} > rect`;

describe.skipIf(!HAS_CHROMIUM)('the explain page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the article's trie, opens and closes a subtree, and is written as a screenshot", async () => {
    const { page, problems } = await openPage(browser, artifact('article.html', renderExplanation(articleRequest(), 'html')));
    const nodes = await drawnNodes(page);
    expect(nodes[0]).toMatchObject({ label: 's3:Get', open: '1' });
    const byLabel = new Map(nodes.filter((node) => node.id !== 0).map((node) => [node.label, node]));
    for (const [label, safe] of Object.entries(FIGURE)) expect(byLabel.get(label)?.classes, label).toContain(safe ? 'node safe' : 'node unsafe');
    expect(nodes.filter((node) => node.classes.includes('chosen')).map((node) => node.label)).toEqual(['Access', 'Account', 'Data', 'Job', 'Multi', 'Object', 'Storage']);
    await page.screenshot({ path: `${ARTIFACTS}article.png`, fullPage: true });

    const before = await svgMarkup(page);
    const access = byLabel.get('Access')!;
    expect(access.open).toBe('0');
    await page.click(boxOf(access.id));
    const opened = await drawnNodes(page);
    expect(opened.length).toBe(nodes.length + 12);
    expect(opened.find((node) => node.id === access.id)!.open).toBe('1');
    expect(opened.map((node) => node.label)).toContain('PointPolicyStatusForObjectLambda');
    await page.screenshot({ path: `${ARTIFACTS}article-access-open.png`, fullPage: true });

    // The keyboard closes it again, and the redrawn SVG is the one the server wrote.
    await page.focus(nodeSelector(access.id));
    await page.keyboard.press('Enter');
    expect(await svgMarkup(page)).toBe(before);
    expect(problems).toEqual([]);
    expect(statSync(`${ARTIFACTS}article.png`).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('highlights the nodes a given recommendation chose differently', async () => {
    const request = articleRequest({ given: articleRecommendedWith({ 's3:GetMulti*': 's3:GetMultiRegionAccessPoint*' }) });
    const { page, problems } = await openPage(browser, artifact('article-given.html', renderExplanation(request, 'html')));
    const multi = (await drawnNodes(page)).find((node) => node.label === 'Multi')!;
    expect(multi.classes).toContain('differs');
    // The trie opens down to the given node: Multi, Region, Access, Point.
    const drawn = await drawnNodes(page);
    const at = drawn.findIndex((node) => node.id === multi.id);
    expect(drawn.slice(at, at + 4).map((node) => [node.label, node.open])).toEqual([
      ['Multi', '1'],
      ['Region', '1'],
      ['Access', '1'],
      ['Point', '0'],
    ]);
    expect(drawn.find((node) => node.label === 'Point')!.classes).toBe('node safe given differs act-used');
    await page.screenshot({ path: `${ARTIFACTS}article-given.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the Read+List refinement of * over the whole catalog, under 5 MB, services first', async () => {
    const catalog = loadPinnedCatalog();
    const unused = readListUnused(catalog);
    const original = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'star.json');
    const recommendation = recommend(original, unused, catalog, { granularity: 'word' });
    const html = renderExplanation({ original, unused, catalog, granularity: 'word', recommendation, policyName: 'star.json' }, 'html');
    expect(Buffer.byteLength(html)).toBeLessThan(FIVE_MB);

    const { page, problems, loadMs } = await openPage(browser, artifact('read-list.html', html));
    console.log(`Read+List page: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB, loaded in ${Math.round(loadMs)} ms in headless Chromium`);
    const nodes = await drawnNodes(page);
    const services = nodes.filter((node) => node.id !== 0);
    expect(services.length).toBeGreaterThan(300);
    expect(services.every((node) => node.label.endsWith(':'))).toBe(true);
    const s3 = services.find((node) => node.label === 's3:')!;
    expect(s3).toMatchObject({ open: '0' });
    await page.click(boxOf(s3.id));
    const labels = (await drawnNodes(page)).map((node) => node.label);
    expect(labels).toEqual(expect.arrayContaining(['Get', 'List', 'Put']));
    await page.screenshot({ path: `${ARTIFACTS}read-list.png` });
    expect(problems).toEqual([]);
    await page.close();
  });
});
