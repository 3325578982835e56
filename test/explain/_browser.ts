/** Debian's Chromium driven by playwright-core, for the page tests and the explain benchmark. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Chromium is: `CHROMIUM_PATH`, or Debian's package (`.ci/run` installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

export interface OpenedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and any request that leaves the page's own file. */
  readonly problems: string[];
  /** From navigation to the first frame drawn after the load event, in milliseconds. */
  readonly loadMs: number;
}

/** Opens a page file in a fresh tab, recording whatever goes wrong. */
export async function openPage(browser: Browser, file: string, viewport = { width: 1280, height: 900 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  // A step that cannot happen fails in seconds, not at the test's timeout.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  const url = `file://${file}`;
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.url() !== url) problems.push(`request: ${request.url()}`);
  });
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  // The page is open when it is drawn: wait for the frame after the load event.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return { page, problems, loadMs: performance.now() - started };
}
