/**
 * Accessibility in Chromium: axe-core (WCAG 2.x A/AA rules) on every page
 * type, and a keyboard walk of the header. Target: JIS X 8341-3:2016 AA /
 * WCAG 2.2 AA. Every request leaving 127.0.0.1 is blocked, so map tiles fail
 * to load here on purpose and the page must still pass.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { islandsRendered, localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';
import { axeViolations } from '../helpers/axe.ts';

const dir = loadContentDirectory();
/** One page of every type (derived from content/), plus the 404 page. */
const PAGE_TYPES: Array<[string, string]> = [...pageTypes(dir), ['404', 'this-page-does-not-exist/']];

const site = useSiteInBrowser();
let context: BrowserContext;
beforeAll(async () => {
  ({ context } = await localOnlyContext(site.browser));
});

describe('axe: 0 violations and no CSP violation on every page type', () => {
  test.each(PAGE_TYPES)('%s (%s)', async (_name, route) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The Content-Security-Policy meta tag is in force here; any violation is a defect.
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
    });
    const res = await page.goto(site.url + route, { waitUntil: 'load' });
    expect(res?.status()).toBe(route.startsWith('this-page') ? 404 : 200);
    await islandsRendered(page);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keyboard', () => {
  test('the header is walked in order with a visible focus ring on every stop', async () => {
    const page = await context.newPage();
    await page.goto(site.url + paths.coops());
    const stops: Array<{ text: string; outline: string; inHeader: boolean }> = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          text: (
            el.textContent ||
            el.getAttribute('aria-label') ||
            (el as HTMLInputElement).placeholder ||
            el.tagName
          ).trim(),
          outline: style.outlineStyle,
          inHeader: !!el.closest('header') || el.classList.contains('skip-link'),
        };
      });
      if (!stop.inHeader) break;
      stops.push(stop);
    }
    expect(stops[0]!.text).toBe('本文へ移動');
    expect(stops.map((s) => s.text)).toContain('組合をさがす');
    expect(stops.filter((s) => s.outline === 'none')).toEqual([]);
    await page.close();
  });
  test('the skip link moves focus to the main content', async () => {
    const page = await context.newPage();
    await page.goto(site.url);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});
