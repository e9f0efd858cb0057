/**
 * The citation block in Chromium on the deploy build (SITE_URL and a sub-path, the shared build of
 * tests/helpers/build.ts): the APA/BibTeX block, closed on screen, is open on paper, and on a 390 px phone the
 * block's long absolute URLs wrap instead of widening the page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { SUB_PATH, subPathBuild } from '../helpers/build.ts';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { serveInChild } from '../helpers/search-server.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { enPaths } from '../../src/lib/views/i18n.ts';

const dir = loadContentDirectory();
let browser: Browser;
let server: { url: string; stop: () => void };

beforeAll(async () => {
  const build = await subPathBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  server = await serveInChild(build.outDir, SUB_PATH.base);
  browser = await launch();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

// The longest paths of each kind of page with a citation block (the longest URL is the hardest to fit).
const longest = (list: string[]) => [...list].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0]!;
const routes = [
  longest(dir.bodies.map((b) => paths.body(b.id))),
  longest(dir.coops.map((c) => paths.coop(c.id))),
  longest(dir.coops.map((c) => enPaths.coop(c.id))),
  longest(dir.guides.map((g) => paths.guide(g.id))),
];

describe('citation block', () => {
  test('the APA/BibTeX block is closed on screen and open in print', async () => {
    const { context } = await localOnlyContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}${routes[1]}`);
    const pre = page.locator('.cite-this details pre').first();
    expect(await pre.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await pre.isVisible()).toBe(true);
    await expect(pre.innerText()).resolves.toContain('Retrieved ');
    await context.close();
  });
  test.each(routes)('%s: at 390 px the block, opened, fits the screen', async (route) => {
    const { context } = await localOnlyContext(browser, { viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${route}`);
    await page.locator('.cite-this summary').click();
    await page.locator('.cite-this details pre').first().waitFor();
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.cite-this, .cite-this *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName}: ${e.textContent?.slice(0, 40)}`),
    );
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
