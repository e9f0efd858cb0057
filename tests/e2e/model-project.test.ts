/**
 * The model-project and guide pages in Chromium: axe on every one of them
 * (not just one page per type), no script and no request outside the site,
 * the workshop chart drawn and named for assistive technology, citation
 * marks that take keyboard users to their source.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve.ts';
import { DIST, requireDist } from '../helpers/dist.ts';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { attendanceRows } from '../../src/lib/views/model-project.ts';
import { axeViolations } from '../helpers/axe.ts';

const dir = loadContentDirectory();
const ROUTES: string[] = [
  paths.modelProject(),
  ...dir.councils.map((c) => paths.council(c.id)),
  paths.guides(),
  ...dir.guides.map((g) => paths.guide(g.id)),
];

let browser: Browser;
let server: Server;
let url: string;
let context: BrowserContext;
let blocked: string[];

beforeAll(async () => {
  requireDist();
  ({ server, url } = await serve(DIST));
  browser = await launch();
  ({ context, blocked } = await localOnlyContext(browser));
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(route: string): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const page = await context.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(url + route, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return { page, scripts, errors };
}

describe('axe: 0 violations, no script, nothing fetched from outside', () => {
  test.each(ROUTES)('%s', async (route) => {
    const before = blocked.length;
    const { page, scripts, errors } = await open(route);
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    expect(scripts).toEqual([]);
    expect(errors).toEqual([]);
    expect(blocked.slice(before)).toEqual([]);
    await page.close();
  });
});

describe('the workshop chart', () => {
  const withChart = dir.councils.filter((c) => attendanceRows(c).length > 0);
  test('at least one council reports workshop attendance', () => expect(withChart.length).toBeGreaterThan(0));
  test.each(withChart.map((c) => [c.id, c]))(
    '%s: the SVG is drawn, named and as wide as its container',
    async (_id, c) => {
      const { page } = await open(paths.council(c.id));
      const chart = page.locator('svg[data-chart="workshop-chart"]');
      await chart.scrollIntoViewIfNeeded();
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(50);
      const name = await page.evaluate(() => {
        const svg = document.querySelector('svg[data-chart="workshop-chart"]')!;
        return (svg.getAttribute('aria-labelledby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      });
      for (const r of attendanceRows(c)) expect(name).toContain(r.label);
      // Bars are drawn with non-zero size for every reported number.
      const rects = await page.$$eval('svg[data-chart="workshop-chart"] rect', (els) =>
        els.map((e) => (e as SVGRectElement).getBBox().width),
      );
      expect(rects.length).toBe(
        attendanceRows(c).reduce(
          (n, r) => n + (r.capacity !== undefined ? 1 : 0) + (r.participants !== undefined ? 1 : 0),
          0,
        ),
      );
      expect(rects.every((w) => w > 0)).toBe(true);
      await page.close();
    },
  );
  test('on a narrow screen the chart shrinks instead of overflowing', async () => {
    const c = withChart[0]!;
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ja-JP' });
    const page = await narrow.newPage();
    await page.goto(url + paths.council(c.id));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('svg[data-chart="workshop-chart"]').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(360);
    await narrow.close();
  });
});

describe('citation marks', () => {
  test.each(dir.guides.map((g) => [g.id]))(
    '%s: a citation mark is reached by keyboard and takes the reader to its source',
    async (id) => {
      const { page } = await open(paths.guide(id));
      const first = page.locator('sup.cite a').first();
      await first.focus();
      expect(await page.evaluate(() => document.activeElement?.closest('sup')?.className ?? '')).toContain('cite');
      const target = await first.getAttribute('href');
      await page.keyboard.press('Enter');
      await page.waitForFunction((h) => location.hash === h, target);
      const visible = await page.evaluate((h) => {
        const r = document.querySelector(h!)!.getBoundingClientRect();
        return r.top > -2 && r.top < innerHeight; // sub-pixel layout can leave the target a fraction above 0
      }, target);
      expect(visible).toBe(true);
      await page.close();
    },
  );
});
