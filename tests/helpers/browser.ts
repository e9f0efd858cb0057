/**
 * Debian's Chromium driven by playwright-core, headless, with every request
 * that leaves 127.0.0.1 blocked (this machine has no internet, and the site
 * must work without it). There is no skip: a missing browser fails the test.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { serve } from '../../scripts/serve.ts';
import { DIST, requireDist } from './dist.ts';
import { SUB_PATH, subPathBuild } from './build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium's flags on this machine: no sandbox (root), no GPU, and nothing that reaches for the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launches Chromium; throws with the install command when it is missing. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium が ${CHROMIUM} にありません。apt-get install chromium で入れてください（.ci/run が行います）`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** A context that aborts every request not addressed to 127.0.0.1, and records them. */
export async function localOnlyContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; blocked: string[] }> {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  return { context, blocked };
}

/** The built site served on 127.0.0.1 and one Chromium, for the tests of one file. */
export interface SiteInBrowser {
  browser: Browser;
  /** The site's root URL, ending in '/'. */
  url: string;
}

/**
 * Serves dist/ (or $DIST_DIR) and launches Chromium before the file's tests,
 * and closes both after them. Read `site.browser` and `site.url` inside tests.
 */
export function useSiteInBrowser(): SiteInBrowser {
  const site = {} as SiteInBrowser;
  let server: Server | undefined;
  beforeAll(async () => {
    requireDist();
    ({ server, url: site.url } = await serve(DIST));
    site.browser = await launch();
  });
  afterAll(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}

/**
 * The same as useSiteInBrowser, on the deploy build (SITE_URL, REPO_URL and a sub-path: subPathBuild), served under its
 * base: what a reader of the real site gets. The first test file that asks makes the build (a few minutes).
 */
export function useDeploySiteInBrowser(): SiteInBrowser {
  const site = {} as SiteInBrowser;
  let server: Server | undefined;
  beforeAll(async () => {
    const build = await subPathBuild();
    if (build.status !== 0) throw new Error(`the deploy build failed:\n${build.output.slice(-3000)}`);
    ({ server, url: site.url } = await serve(build.outDir, 0, SUB_PATH.base));
    site.browser = await launch();
  }, 900_000);
  afterAll(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}

/**
 * Waits until a loaded page's islands have rendered: its fonts loaded, every custom element upgraded (the search
 * page's and "near me" set up their markup as they connect), and the map, if the page has one, drawn
 * (data-state="ready", set once its markers are clustered and on screen).
 */
export async function islandsRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      document.querySelector(':not(:defined)') === null &&
      [...document.querySelectorAll('coop-map')].every((m) => m.getAttribute('data-state') === 'ready'),
    undefined,
    { timeout: 20_000 },
  );
}
