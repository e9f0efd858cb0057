/**
 * /map/ in Chromium, shared by the map's browser tests: the organisations content/ places (and a category and a
 * prefecture to filter by), opening the page until its markers are drawn, the island's test hooks, and the list under
 * the map as the rule of src/lib/views/lists.ts writes it.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { localOnlyContext, type SiteInBrowser } from './browser.ts';
import { loadContentDirectory } from './content.ts';
import { indexById, placeOf, prefectureOf } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit, NO_PREFECTURE } from '../../src/lib/views/lists.ts';

/** The content directory the expectations come from. */
export const dir = loadContentDirectory();
/** Public bodies by id. */
export const bodies = indexById(dir.bodies);
/** Every organisation placeOf() can place: one marker each. */
export const placed = dir.coops.filter((c) => placeOf(c, bodies) !== undefined);
/** Their ids, sorted. */
export const placedIds = placed.map((c) => c.id).sort();
/** The category with the most placed organisations that still leaves some out, so the filter visibly narrows. */
export const category = dir.categories
  .map((cat) => ({
    cat,
    ids: placed
      .filter((c) => c.categories.includes(cat.id))
      .map((c) => c.id)
      .sort(),
  }))
  .filter((x) => x.ids.length > 0 && x.ids.length < placed.length)
  .sort((a, b) => b.ids.length - a.ids.length)[0]!;
/** The prefecture with the most placed organisations, with their ids. */
export const prefecture = [...new Set(placed.map((c) => prefectureOf(c, bodies)).filter((p): p is string => !!p))]
  .map((id) => ({
    id,
    ids: placed
      .filter((c) => prefectureOf(c, bodies) === id)
      .map((c) => c.id)
      .sort(),
  }))
  .sort((a, b) => b.ids.length - a.ids.length)[0]!;

/** The test hooks of the <coop-map> island (src/map/browser/coop-map.ts). */
export interface MapHooks extends HTMLElement {
  markerCount(): number;
  shownIds(): string[];
  whenReady(): Promise<void>;
  view(): { zoom: number; japanZoom: number; inside: number; total: number };
}

/** Waits until the map island says its markers are clustered and drawn. */
export async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
    undefined,
    { timeout: 20_000 },
  );
}

/** Opens the map (with an optional query) in a 1100×900 local-only context and waits until its markers are drawn. */
export async function openMap(site: SiteInBrowser, query = '', options: Parameters<typeof localOnlyContext>[1] = {}) {
  const { context, blocked } = await localOnlyContext(site.browser, {
    viewport: { width: 1100, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url() + (r.postData() ?? '')));
  await page.goto(`${site.url}${paths.map()}${query}`);
  await mapReady(page);
  return { context, page, errors, blocked, requests };
}

/** Reads the island's hooks and the list under the map. */
export const hooks = {
  count: (page: Page) => page.evaluate(() => (document.querySelector('coop-map') as MapHooks).markerCount()),
  ids: (page: Page) => page.evaluate(() => (document.querySelector('coop-map') as MapHooks).shownIds().sort()),
  settle: (page: Page) => page.evaluate(() => (document.querySelector('coop-map') as MapHooks).whenReady()),
  listed: (page: Page) =>
    page.$$eval('[data-map-item]:not([hidden])', (items) =>
      items
        .filter((i) => !i.closest('[hidden]'))
        .map((i) => (i as HTMLElement).dataset.id!)
        .sort(),
    ),
};

/** Waits until the map shows `n` organisations (after a filter changes). */
export async function markerCountIs(page: Page, n: number): Promise<void> {
  await page.waitForFunction((n) => (document.querySelector('coop-map') as MapHooks).markerCount() === n, n);
}

/**
 * The list under the map shows exactly these organisations: each item while they fit on one list page, else (the rule of
 * src/lib/views/lists.ts) each prefecture's link with the number of them it holds.
 */
export async function expectListed(page: Page, ids: string[]): Promise<void> {
  if (!needsSplit(placed.length)) {
    expect(await hooks.listed(page)).toEqual(ids);
    return;
  }
  const expected = new Map<string, number>();
  for (const c of placed.filter((x) => ids.includes(x.id))) {
    const pref = prefectureOf(c, bodies) ?? NO_PREFECTURE;
    expected.set(pref, (expected.get(pref) ?? 0) + 1);
  }
  const shown = await page.$$eval('[data-map-pref-link]:not([hidden])', (lis) =>
    lis.map(
      (li) =>
        [(li as HTMLElement).dataset.pref!, Number(li.querySelector('[data-count]')?.textContent)] as [string, number],
    ),
  );
  expect(new Map(shown)).toEqual(expected);
}
