import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../src/catalog/catalog.js';
import { loadCatalogFile, loadPinnedCatalog } from '../src/catalog/load.js';
import type { Granularity } from '../src/catalog/tokenize.js';
import { explanationOf, renderExplanation, type ExplainRequest } from '../src/explain/render.js';
import { parseUnusedEntries } from '../src/findings/parse.js';
import { resolveUnused } from '../src/findings/resolve.js';
import type { UnusedSet } from '../src/findings/unused-set.js';
import { readJsonFile, SIZE_LIMITS } from '../src/input/read-json.js';
import { parsePolicy } from '../src/policy/parse.js';
import type { Policy } from '../src/policy/types.js';
import { recommend } from '../src/recommend/recommend.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, openPage } from '../test/explain/_browser.js';
import { readListUnused } from './recommend.js';
import { formatTable, milliseconds } from './table.js';

/** Loads of each page in the headless browser; the median is printed. */
const LOADS = 3;

interface Case {
  readonly name: string;
  readonly original: Policy;
  readonly unused: UnusedSet;
  readonly catalog: Catalog;
  readonly granularity: Granularity;
}

/**
 * `iam-refine explain` pages: how big they are, how long they take to build, and how long
 * headless Chromium takes to load them and to open a closed node.
 */
export async function explainBench(): Promise<void> {
  const article = new URL('../corpus/article/', import.meta.url);
  const articleCatalog = loadCatalogFile(new URL('catalog-2024.json', article).pathname);
  const articlePolicy = parsePolicy(readJsonFile(new URL('policy.json', article).pathname, SIZE_LIMITS.policy).value, 'policy.json');
  const articleUnused = resolveUnused(parseUnusedEntries(readJsonFile(new URL('unused.json', article).pathname, SIZE_LIMITS.unused).value, 'unused.json'), articleCatalog, 'unused.json');
  const catalog = loadPinnedCatalog();
  const star = parsePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'star.json');
  const readList = readListUnused(catalog);
  const cases: Case[] = [
    { name: "article (s3:Get*, 2024 catalog)", original: articlePolicy, unused: articleUnused, catalog: articleCatalog, granularity: 'word' },
    { name: 'Read+List (*), word', original: star, unused: readList, catalog, granularity: 'word' },
    { name: 'Read+List (*), char', original: star, unused: readList, catalog, granularity: 'char' },
  ];
  console.log(`explain pages; Read+List: {"Action": "*"} with every action neither Read nor List unused (${readList.actions.size.toLocaleString('en-US')} of ${catalog.size.toLocaleString('en-US')})\n`);
  if (!HAS_CHROMIUM) console.log(`no Chromium at ${CHROMIUM}: load times not measured (apt-get install chromium, or set CHROMIUM_PATH)\n`);

  const folder = mkdtempSync(join(tmpdir(), 'iam-refine-explain-bench-'));
  const browser = HAS_CHROMIUM ? await launchChromium() : undefined;
  try {
    const rows: (string | number)[][] = [];
    for (const [index, each] of cases.entries()) {
      const recommendation = recommend(each.original, each.unused, each.catalog, { granularity: each.granularity });
      const request: ExplainRequest = { original: each.original, unused: each.unused, catalog: each.catalog, granularity: each.granularity, recommendation, policyName: 'policy.json' };
      const started = performance.now();
      const html = renderExplanation(request, 'html');
      const buildMs = milliseconds(started);
      const file = join(folder, `page-${index}.html`);
      writeFileSync(file, html);
      const nodes = explanationOf(request).tries.reduce((sum, trie) => sum + trie.nodes.length, 0);
      const [loadMs, openMs] = browser === undefined ? ['-', '-'] : await measureLoad(browser, file);
      rows.push([each.name, Math.round(Buffer.byteLength(html) / 1024), nodes, Math.round(buildMs), loadMs, openMs]);
    }
    console.log(formatTable(['page', 'KiB', 'nodes carried', 'build ms', `load ms (median of ${LOADS})`, 'open a node ms'], rows));
    console.log('\nbuild: explain() and the HTML, recommendation excluded; load: navigation to the first frame drawn after the load event, in headless Chromium; open: a click on the first closed node, its subtree drawn when it returns.');
  } finally {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measureLoad(browser: Awaited<ReturnType<typeof launchChromium>>, file: string): Promise<[number, number]> {
  const loads: number[] = [];
  let openMs = 0;
  for (let run = 0; run < LOADS; run++) {
    const { page, problems, loadMs } = await openPage(browser, file);
    if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
    loads.push(loadMs);
    if (run === 0) {
      // The click handler redraws synchronously: when the click returns, the subtree is drawn.
      const nodes = page.locator('figure.trie svg g.node');
      const before = await nodes.count();
      const started = performance.now();
      await page.locator('figure.trie svg g.node[data-open="0"] > rect').first().click();
      openMs = milliseconds(started);
      if ((await nodes.count()) <= before || problems.length > 0) throw new Error(`${file}: opening a node drew nothing ${problems.join('; ')}`);
    }
    await page.close();
  }
  loads.sort((a, b) => a - b);
  return [Math.round(loads[Math.floor(LOADS / 2)]!), Math.round(openMs)];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await explainBench();
