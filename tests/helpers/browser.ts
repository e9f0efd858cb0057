/**
 * Debian's Chromium driven by playwright-core, headless, with every request
 * that leaves 127.0.0.1 blocked (this machine has no internet, and the site
 * must work without it). There is no skip: a missing browser fails the test.
 */
import type { Browser, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { serve } from '../../scripts/serve.ts';
import { DIST, requireDist } from './dist.ts';
import { SUB_PATH, subPathBuild } from './build.ts';
import { launch } from './chromium.ts';

export { CHROMIUM, CHROMIUM_ARGS, launch, localOnlyContext } from './chromium.ts';

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
 * (data-state="ready", set once its markers are clustered and on screen). A map loads when its canvas nears the
 * viewport (below the first screen on a phone), so each canvas is scrolled to first and the page scrolled back after.
 */
export async function islandsRendered(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  const maps = page.locator('coop-map [data-map-canvas]');
  if ((await maps.count()) > 0) {
    const scroll = await page.evaluate(() => [scrollX, scrollY] as const);
    for (const canvas of await maps.all()) {
      await canvas.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        (c) => ['drawn', 'ready', 'error'].includes(c.closest('coop-map')?.getAttribute('data-state') ?? ''),
        await canvas.elementHandle(),
        { timeout: 20_000 },
      );
    }
    await page.evaluate(([x, y]) => scrollTo(x, y), scroll);
  }
  await page.waitForFunction(
    () =>
      document.fonts.status === 'loaded' &&
      document.querySelector(':not(:defined)') === null &&
      [...document.querySelectorAll('coop-map')].every((m) => m.getAttribute('data-state') === 'ready'),
    undefined,
    { timeout: 20_000 },
  );
}
