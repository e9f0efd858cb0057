/**
 * /map/'s filters and the list under it in Chromium: a category or prefecture filter (by mouse, by keyboard or from a
 * shared URL) leaves exactly that category's or prefecture's organisations in the map, the list and the URL; without
 * JavaScript the list shows every organisation (or every prefecture's list) and the map controls stay hidden.
 */
import { describe, expect, test } from 'vitest';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import {
  bodies,
  category,
  expectListed,
  hooks,
  markerCountIs,
  openMap,
  placed,
  placedIds,
  prefecture,
} from '../helpers/map-page.ts';
import { prefectureOf } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit, NO_PREFECTURE } from '../../src/lib/views/lists.ts';

const site = useSiteInBrowser();

describe('with JavaScript', () => {
  test(`a category filter leaves exactly that category's organisations, in the map, the list and the URL`, async () => {
    const { context, page, errors } = await openMap(site);
    await page.selectOption('#coop-map-category', category.cat.id);
    await markerCountIs(page, category.ids.length);
    await hooks.settle(page);
    expect(await hooks.ids(page)).toEqual(category.ids);
    await expectListed(page, category.ids);
    expect(new URL(page.url()).searchParams.get('category')).toBe(category.cat.id);
    expect(await page.locator('[data-map-status]').innerText()).toContain(`${category.ids.length}団体を表示`);
    // Back to all.
    await page.selectOption('#coop-map-category', '');
    await markerCountIs(page, placed.length);
    await expectListed(page, placedIds);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a shared filtered URL opens filtered (category and prefecture together)', async () => {
    const both = category.ids.filter((id) => prefecture.ids.includes(id));
    const { context, page } = await openMap(site, `?category=${category.cat.id}&pref=${prefecture.id}`);
    expect(await page.locator('#coop-map-category').inputValue()).toBe(category.cat.id);
    expect(await page.locator('#coop-map-pref').inputValue()).toBe(prefecture.id);
    expect(await hooks.ids(page)).toEqual(both);
    await expectListed(page, both);
    await context.close();
  });

  test('the prefecture filter is operable by keyboard', async () => {
    const { context, page } = await openMap(site);
    await page.focus('#coop-map-pref');
    const index = await page
      .locator('#coop-map-pref option')
      .evaluateAll((os, id) => os.findIndex((o) => (o as HTMLOptionElement).value === id), prefecture.id);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#coop-map-pref').inputValue()).toBe(prefecture.id);
    await markerCountIs(page, prefecture.ids.length);
    expect(await hooks.ids(page)).toEqual(prefecture.ids);
    await expectListed(page, prefecture.ids);
    expect(new URL(page.url()).searchParams.get('pref')).toBe(prefecture.id);
    await context.close();
  });
});

test('without JavaScript the list shows every organisation with its link (or, past one page, every prefecture list), and the map controls stay hidden', async () => {
  const { context } = await localOnlyContext(site.browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}${paths.map()}?category=${category.cat.id}`);
  const target = placed[0]!;
  expect(await page.locator('[data-no-js]').isVisible()).toBe(true);
  expect(await page.locator('#coop-map-category').isVisible()).toBe(false);
  expect(await page.locator('[data-map-canvas]').isVisible()).toBe(false);
  if (needsSplit(placed.length)) {
    // The rule of src/lib/views/lists.ts: one link per prefecture, each to its list, where the organisation is.
    const prefs = new Set(placed.map((c) => prefectureOf(c, bodies) ?? NO_PREFECTURE));
    expect(await page.locator('[data-map-pref-link]').count()).toBe(prefs.size);
    const pref = prefectureOf(target, bodies) ?? NO_PREFECTURE;
    await Promise.all([
      page.waitForURL(new RegExp(`/${paths.coopsIn(pref)}$`)),
      page.locator(`[data-map-pref-link][data-pref="${pref}"] a`).click(),
    ]);
    await Promise.all([
      page.waitForURL(new RegExp(`/${paths.coop(target.id)}$`)),
      page
        .locator(`a[href$="/${paths.coop(target.id)}"]`)
        .first()
        .click(),
    ]);
  } else {
    const items = page.locator('[data-map-item]');
    expect(await items.count()).toBe(placed.length);
    const visible = await items.evaluateAll((els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => (e as HTMLElement).dataset.id!)
        .sort(),
    );
    expect(visible).toEqual(placedIds);
    await Promise.all([
      page.waitForURL(new RegExp(`/${paths.coop(target.id)}$`)),
      page.locator(`[data-map-item][data-id="${target.id}"] a`).click(),
    ]);
  }
  expect(await page.locator('h1').innerText()).toBe(target.name);
  await context.close();
});
