/**
 * Phones: at 390×844 (an iPhone 14's CSS viewport) no page type scrolls
 * sideways — neither the page nor any table box — and every table cell
 * leaves at least four characters of its own font size for its content
 * (tables that do not fit become stacked label–value cards, in CSS only).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { islandsRendered, localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';

const dir = loadContentDirectory();
const PAGE_TYPES: Array<[string, string]> = [...pageTypes(dir), ['404', 'this-page-does-not-exist/']];

const site = useSiteInBrowser();
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
  test.each(PAGE_TYPES)('%s (%s)', async (_name, route) => {
    const page = await context.newPage();
    await page.goto(site.url + route, { waitUntil: 'load' });
    await islandsRendered(page);
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
