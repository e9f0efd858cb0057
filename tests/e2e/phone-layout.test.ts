/**
 * Phones, on the deploy build (SITE_URL, REPO_URL, a sub-path: long absolute
 * URLs in citation blocks, print headers and embed snippets): at 390×844 (an
 * iPhone 14's CSS viewport) no page type scrolls sideways — neither the page
 * nor any table box — and every table cell leaves at least four characters
 * of its own font size for its content (tables that do not fit become
 * stacked label–value cards, in CSS only). A table box that does scroll
 * (wider screens) is a labelled region a keyboard can focus.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { islandsRendered, localOnlyContext, useDeploySiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';
import { contentDir } from '../../src/content/files.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { SUB_PATH } from '../helpers/build.ts';

const dir = loadContentDirectory();
/** Guides whose body holds a Markdown table (a row starting with '|'). */
const guidesWithTables = dir.guides.filter((g) =>
  ['.mdx', '.md'].some((ext) => {
    const file = join(contentDir(), 'guides', `${g.id}${ext}`);
    return existsSync(file) && /^\|.*\|\s*$/m.test(readFileSync(file, 'utf8'));
  }),
);
const PAGE_TYPES: Array<[string, string]> = [
  ...pageTypes(dir),
  ...guidesWithTables.map((g): [string, string] => [`guide with a table: ${g.id}`, paths.guide(g.id)]),
  ['404', 'this-page-does-not-exist/'],
];

const site = useDeploySiteInBrowser();
let context: BrowserContext;
beforeAll(async () => {
  ({ context } = await localOnlyContext(site.browser, {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  }));
});

describe('390×844: no sideways scrolling, no table column under four characters', () => {
  test.each(PAGE_TYPES)('%s (%s)', async (name, route) => {
    const page = await context.newPage();
    await page.goto(site.url + route, { waitUntil: 'load' });
    await islandsRendered(page);
    // The deploy build: absolute canonical URLs on the public origin (the 404 page has none).
    if (name !== '404')
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
        `${SUB_PATH.site}${SUB_PATH.base}${route}`,
      );
    const r = await page.evaluate(() => {
      const root = document.documentElement;
      const narrow: string[] = [];
      for (const cell of document.querySelectorAll<HTMLElement>('th, td')) {
        // Cells a reader cannot see are not columns: hidden ones, and the header row kept only for screen readers (clipped).
        if (cell.closest('[hidden], .visually-hidden') || cell.getClientRects().length === 0) continue;
        let clipped = false;
        for (let el: Element | null = cell; el && !clipped; el = el.parentElement)
          clipped = getComputedStyle(el).clipPath !== 'none';
        if (clipped) continue;
        const s = getComputedStyle(cell);
        const content =
          cell.getBoundingClientRect().width -
          parseFloat(s.paddingLeft) -
          parseFloat(s.paddingRight) -
          parseFloat(s.borderLeftWidth) -
          parseFloat(s.borderRightWidth);
        const min = 4 * parseFloat(s.fontSize);
        if (content < min - 0.5)
          narrow.push(
            `${cell.tagName.toLowerCase()} 「${(cell.textContent ?? '').trim().slice(0, 12)}」 ${content.toFixed(0)}px < ${min.toFixed(0)}px`,
          );
      }
      const scrollers = [...document.querySelectorAll<HTMLElement>('.table-wrap, table, pre, dl, ul, ol')]
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && getComputedStyle(el).overflowX !== 'visible',
        )
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, narrow, scrollers };
    });
    expect(r.scrollWidth, `page ${r.scrollWidth}px wide in ${r.clientWidth}px`).toBeLessThanOrEqual(r.clientWidth);
    expect(r.scrollers, 'boxes that scroll sideways').toEqual([]);
    expect(r.narrow, 'table cells narrower than four characters').toEqual([]);
    await page.close();
  });
});

// Between a phone and a table's full width (no cards above 40rem), a wide table scrolls in its own box: that box is a
// labelled region a keyboard can focus (axe's scrollable-region-focusable), and the page itself never scrolls sideways.
describe('768×1024: the page does not scroll sideways; a table box that scrolls is a labelled, focusable region', () => {
  let tablet: BrowserContext;
  beforeAll(async () => {
    ({ context: tablet } = await localOnlyContext(site.browser, { viewport: { width: 768, height: 1024 } }));
  });
  test.each(PAGE_TYPES)('%s (%s)', async (_name, route) => {
    const page = await tablet.newPage();
    await page.goto(site.url + route, { waitUntil: 'load' });
    const r = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      unlabelled: [...document.querySelectorAll<HTMLElement>('.table-wrap, pre')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        .filter((el) => el.getAttribute('role') !== 'region' || !el.getAttribute('aria-label') || el.tabIndex !== 0)
        .map((el) => el.outerHTML.slice(0, 80)),
    }));
    expect(r.scrollWidth, `page ${r.scrollWidth}px wide in ${r.clientWidth}px`).toBeLessThanOrEqual(r.clientWidth);
    expect(r.unlabelled, 'boxes that scroll but are not a labelled, focusable region').toEqual([]);
    await page.close();
  });
});
