/**
 * /map/ in Chromium, with every request that leaves 127.0.0.1 blocked (so
 * no 地理院タイル loads): one marker per placed organisation in the cluster
 * layer, popups that link to the right page, filters that leave exactly the
 * organisations of a category or prefecture (in the map, the list and the
 * URL), prefecture outlines drawn without tiles, keyboard use without a
 * trap, axe, and the list with JavaScript disabled. Expectations come from
 * content/.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { DIST } from '../helpers/dist.ts';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { indexById, placeOf, prefectureOf } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit, NO_PREFECTURE } from '../../src/lib/views/lists.ts';
import { axeViolations } from '../helpers/axe.ts';
import { formatKm, haversineKm } from '../../src/lib/places/nearest.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const placed = dir.coops.filter((c) => placeOf(c, bodies) !== undefined);
const placedIds = placed.map((c) => c.id).sort();
/** The category with the most placed organisations that still leaves some out, so the filter visibly narrows. */
const category = dir.categories
  .map((cat) => ({
    cat,
    ids: placed
      .filter((c) => c.categories.includes(cat.id))
      .map((c) => c.id)
      .sort(),
  }))
  .filter((x) => x.ids.length > 0 && x.ids.length < placed.length)
  .sort((a, b) => b.ids.length - a.ids.length)[0]!;
const prefecture = [...new Set(placed.map((c) => prefectureOf(c, bodies)).filter((p): p is string => !!p))]
  .map((id) => ({
    id,
    ids: placed
      .filter((c) => prefectureOf(c, bodies) === id)
      .map((c) => c.id)
      .sort(),
  }))
  .sort((a, b) => b.ids.length - a.ids.length)[0]!;

const site = useSiteInBrowser();

interface MapHooks extends HTMLElement {
  markerCount(): number;
  shownIds(): string[];
  whenReady(): Promise<void>;
}

/** Opens the map (with an optional query) and waits until its markers are clustered and drawn. */
async function openMap(query = '') {
  const { context, blocked } = await localOnlyContext(site.browser, { viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.url}${paths.map()}${query}`);
  await page.waitForFunction(
    () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
    undefined,
    { timeout: 20_000 },
  );
  return { context, page, errors, blocked };
}

const hooks = {
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

/**
 * The list under the map shows exactly these organisations: each item while they fit on one list page, else (the rule of
 * src/lib/views/lists.ts) each prefecture's link with the number of them it holds.
 */
async function expectListed(page: Page, ids: string[]): Promise<void> {
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

test('there is something to map', () => {
  expect(placed.length).toBeGreaterThan(1);
  expect(category.ids.length).toBeGreaterThan(0);
});

describe('with JavaScript', () => {
  test('one marker per organisation with a point, counted from the cluster layer', async () => {
    const { context, page, errors } = await openMap();
    expect(await hooks.count(page)).toBe(placed.length);
    expect(await hooks.ids(page)).toEqual(placedIds);
    // The clusters on screen add up to every marker, and each has an accessible name.
    const clusters = await page.$$eval('.ra-cluster', (els) =>
      els.map((e) => ({
        n: Number(e.querySelector('[aria-hidden]')?.textContent),
        name: e.textContent ?? '',
        role: e.getAttribute('role'),
      })),
    );
    const singles = await page.$$eval('.ra-pin[role="button"]', (els) => els.map((e) => e.getAttribute('title') ?? ''));
    expect(clusters.reduce((a, c) => a + c.n, 0) + singles.length).toBe(placed.length);
    for (const c of clusters) {
      expect(c.role).toBe('button');
      expect(c.name).toContain(`${c.n}団体のまとまり`);
    }
    for (const title of singles) expect(title.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('prefecture outlines render although no tile can load, with no uncaught error', async () => {
    const { context, page, errors, blocked } = await openMap();
    const outlines = JSON.parse(readFileSync(`${DIST}/geo/japan-prefectures.geojson`, 'utf8')).features.length;
    const drawn = await page.$$eval(
      '.leaflet-outlines-pane path',
      (ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 20 && p.getBoundingClientRect().width > 0).length,
    );
    expect(drawn).toBe(outlines);
    const box = await page.locator('.leaflet-outlines-pane svg').boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    // Tiles were asked for and blocked; nothing else left the machine.
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked.filter((u) => !u.startsWith('https://cyberjapandata.gsi.go.jp/xyz/pale/'))).toEqual([]);
    expect(await page.locator('[data-tile-note]').isVisible()).toBe(true);
    expect(
      await page
        .locator('.leaflet-control-attribution a[href="https://maps.gsi.go.jp/development/ichiran.html"]')
        .innerText(),
    ).toBe('地理院タイル');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('?focus= opens the popup of that organisation, and its link opens the right page', async () => {
    const target = placed.find((c) => c.categories.length > 0) ?? placed[0]!;
    const { context, page, errors } = await openMap(`?focus=${target.id}`);
    const popup = page.locator('.leaflet-popup-content');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.innerText();
    const place = placeOf(target, bodies)!;
    expect(text).toContain(target.name);
    expect(text).toContain(
      place.precision === 'address'
        ? '位置: 所在地'
        : place.precision === 'municipality'
          ? '市区町村の代表点'
          : '都道府県の代表点',
    );
    for (const cat of target.categories) expect(text).toContain(dir.categories.find((c) => c.id === cat)!.name);
    expect(await page.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('閉じる');
    await Promise.all([page.waitForURL(new RegExp(`/${paths.coop(target.id)}$`)), popup.locator('a').click()]);
    expect(await page.locator('h1').innerText()).toBe(target.name);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('clicking a marker opens its popup', async () => {
    const target = placed[0]!;
    const { context, page } = await openMap(`?focus=${target.id}`);
    await page.locator('.leaflet-popup').waitFor();
    await page.locator('.leaflet-popup-close-button').click();
    await page.locator('.leaflet-popup').waitFor({ state: 'detached' });
    // The focused marker is now on screen (unclustered or spiderfied); click the one with its name.
    const marker = page.locator(`.ra-pin[title^="${target.name}（"]`).first();
    await marker.click();
    expect(await page.locator('.leaflet-popup-content').innerText()).toContain(target.name);
    await context.close();
  });

  test(`a category filter leaves exactly that category's organisations, in the map, the list and the URL`, async () => {
    const { context, page, errors } = await openMap();
    await page.selectOption('#coop-map-category', category.cat.id);
    await page.waitForFunction(
      (n) => (document.querySelector('coop-map') as MapHooks).markerCount() === n,
      category.ids.length,
    );
    await hooks.settle(page);
    expect(await hooks.ids(page)).toEqual(category.ids);
    await expectListed(page, category.ids);
    expect(new URL(page.url()).searchParams.get('category')).toBe(category.cat.id);
    expect(await page.locator('[data-map-status]').innerText()).toContain(`${category.ids.length}団体を表示`);
    // Back to all.
    await page.selectOption('#coop-map-category', '');
    await page.waitForFunction(
      (n) => (document.querySelector('coop-map') as MapHooks).markerCount() === n,
      placed.length,
    );
    await expectListed(page, placedIds);
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a shared filtered URL opens filtered (category and prefecture together)', async () => {
    const both = category.ids.filter((id) => prefecture.ids.includes(id));
    const { context, page } = await openMap(`?category=${category.cat.id}&pref=${prefecture.id}`);
    expect(await page.locator('#coop-map-category').inputValue()).toBe(category.cat.id);
    expect(await page.locator('#coop-map-pref').inputValue()).toBe(prefecture.id);
    expect(await hooks.ids(page)).toEqual(both);
    await expectListed(page, both);
    await context.close();
  });

  test('the prefecture filter is operable by keyboard', async () => {
    const { context, page } = await openMap();
    await page.focus('#coop-map-pref');
    const index = await page
      .locator('#coop-map-pref option')
      .evaluateAll((os, id) => os.findIndex((o) => (o as HTMLOptionElement).value === id), prefecture.id);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#coop-map-pref').inputValue()).toBe(prefecture.id);
    await page.waitForFunction(
      (n) => (document.querySelector('coop-map') as MapHooks).markerCount() === n,
      prefecture.ids.length,
    );
    expect(await hooks.ids(page)).toEqual(prefecture.ids);
    await expectListed(page, prefecture.ids);
    expect(new URL(page.url()).searchParams.get('pref')).toBe(prefecture.id);
    await context.close();
  });

  test('keyboard: Tab reaches the map and its clusters, Enter zooms in, and focus moves on past the map', async () => {
    const { context, page } = await openMap();
    await page.focus('#coop-map-pref');
    const stops: Array<{ inMap: boolean; role: string | null; name: string }> = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          inMap: !!el.closest('.leaflet-container'),
          role: el.getAttribute('role'),
          name: (el.getAttribute('aria-label') || el.textContent || el.title || '').trim(),
        };
      });
      stops.push(stop);
      if (!stop.inMap && stops.some((s) => s.inMap)) break;
    }
    expect(stops.some((s) => s.inMap)).toBe(true);
    expect(stops.at(-1)!.inMap).toBe(false); // not trapped
    expect(stops.filter((s) => s.inMap && s.role === 'button').every((s) => s.name.length > 0)).toBe(true);

    // Enter on a cluster zooms in.
    const cluster = page.locator('.ra-cluster').first();
    const before = await page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '');
    await cluster.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (b) => (document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '') !== b,
      before,
    );

    // Space works like Enter on a marker: its popup opens.
    await page.waitForTimeout(400); // zoom animation
    const pin = page.locator('.ra-pin[role="button"]').first();
    if ((await pin.count()) === 0)
      await page
        .locator('.ra-cluster')
        .first()
        .focus()
        .then(() => page.keyboard.press('Enter'));
    await pin.focus();
    await page.keyboard.press('Space');
    await page.locator('.leaflet-popup').waitFor();
    await context.close();
  });

  test('the skip link moves past the map to the list', async () => {
    const { context, page } = await openMap();
    await page.focus('#coop-map-pref');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('地図を飛ばして一覧へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('coop-map-list');
    await context.close();
  });

  test('axe: 0 violations with the map drawn and a popup open', async () => {
    const { context, page } = await openMap(`?focus=${placed[0]!.id}`);
    await page.locator('.leaflet-popup').waitFor();
    // Leaflet fades popups in; measure contrast once it is fully shown.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')!).opacity === '1');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
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

describe('near me and the municipality picker', () => {
  /** A fixed test location: Tokyo Station (a public landmark, not a person's position). */
  const HERE = { latitude: 35.6812, longitude: 139.7671 };
  /** The nearest organisations a resident can visit, straight from content/: same kinds and precision as the place pages. */
  const expectedFrom = (from: { lat: number; lng: number }, count = 10) =>
    dir.coops
      .filter((c) => c.kind === 'coop' || c.kind === 'hq' || c.kind === 'site')
      .flatMap((c) => {
        const p = placeOf(c, bodies);
        return p && p.precision !== 'prefecture' ? [{ id: c.id, km: haversineKm(from, p) }] : [];
      })
      .sort((a, b) => a.km - b.km)
      .slice(0, count);
  /** The true distance of every candidate, by id (the list may order organisations at one point either way). */
  const distanceOf = (from: { lat: number; lng: number }) =>
    new Map(expectedFrom(from, Infinity).map((x) => [x.id, x.km]));
  /** Shown in distance order: the same distances as the nearest candidates, each the true distance of the organisation shown. */
  const expectNearest = (list: Array<{ id: string; km: number }>, from: { lat: number; lng: number }) => {
    const expected = expectedFrom(from);
    const truth = distanceOf(from);
    expect(list).toHaveLength(expected.length);
    list.forEach((x, i) => {
      expect(x.km).toBeCloseTo(expected[i]!.km, 2);
      expect(truth.get(x.id), x.id).toBeCloseTo(x.km, 2);
    });
    expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
  };
  const shown = (page: Page) =>
    page.$$eval('[data-near-list] li', (lis) =>
      lis.map((li) => ({ id: (li as HTMLElement).dataset.nearId!, km: Number((li as HTMLElement).dataset.km) })),
    );

  async function openWith(options: Parameters<typeof localOnlyContext>[1]) {
    const { context, blocked } = await localOnlyContext(site.browser, {
      viewport: { width: 1100, height: 900 },
      ...options,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url() + (r.postData() ?? '')));
    await page.goto(`${site.url}${paths.map()}`);
    await page.waitForFunction(
      () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
      undefined,
      { timeout: 20_000 },
    );
    return { context, page, requests, blocked };
  }

  test('location granted: 「現在地から探す」 lists the nearest organisations in distance order with km, announced, and sends the position nowhere', async () => {
    const { context, page, requests } = await openWith({ permissions: ['geolocation'], geolocation: HERE });
    const before = requests.length;
    await page.getByRole('button', { name: '現在地から探す' }).click();
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    const expected = expectedFrom({ lat: HERE.latitude, lng: HERE.longitude });
    const list = await shown(page);
    expectNearest(list, { lat: HERE.latitude, lng: HERE.longitude });
    for (let i = 1; i < list.length; i++) expect(list[i]!.km).toBeGreaterThanOrEqual(list[i - 1]!.km);
    expect(await page.locator('[data-near-list] li').first().innerText()).toContain(formatKm(expected[0]!.km));
    const status = page.locator('[data-near-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.innerText()).toContain('現在地から');
    // Nothing with the position left the page (no request at all after the button; none carries the coordinates).
    expect(
      requests.slice(before).filter((u) => !u.includes('/data/map-pins.json') && !u.includes('cyberjapandata')),
    ).toEqual([]);
    expect(requests.filter((u) => u.includes('35.681') || u.includes('139.767'))).toEqual([]);
    await context.close();
  });

  test('location denied: a clear message, and no list', async () => {
    const { context, page } = await openWith({ permissions: [] });
    // With the keyboard: focus the button and press Enter.
    await page.getByRole('button', { name: '現在地から探す' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'error');
    expect(await page.locator('[data-near-status]').innerText()).toContain('現在地の利用が許可されなかった');
    expect(await page.locator('[data-near-list] li').count()).toBe(0);
    await context.close();
  });

  test('picker by kana reading, with the keyboard: the place list loads only then, and the list starts from its representative point', async () => {
    const { context, page, requests } = await openWith({});
    expect(requests.some((u) => u.includes('/data/places.json'))).toBe(false);
    const okegawa = bodies.get('112313')!;
    await page.focus('#near-me-place');
    await page.keyboard.type(okegawa.reading);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    expect(requests.some((u) => u.includes('/data/places.json'))).toBe(true);
    // The place list rounds points to 4 decimals (about 10 m): distances agree to 0.05 km.
    const list = await shown(page);
    const expected = expectedFrom(okegawa.location!);
    list.forEach((x, i) => expect(Math.abs(x.km - expected[i]!.km)).toBeLessThan(0.05));
    for (let i = 1; i < list.length; i++) expect(list[i]!.km).toBeGreaterThanOrEqual(list[i - 1]!.km);
    expect(await page.locator('[data-near-status]').innerText()).toContain(`埼玉県${okegawa.name}の代表点から`);
    await context.close();
  });

  test('a name two places share (泊村) offers both as buttons; choosing one with the keyboard lists from its point', async () => {
    const { context, page } = await openWith({});
    const tomari = dir.bodies.filter((b) => b.name === '泊村');
    expect(tomari.length).toBeGreaterThan(1);
    await page.focus('#near-me-place');
    await page.keyboard.type(tomari[0]!.reading);
    await page.keyboard.press('Enter');
    const choices = page.locator('[data-near-choices] button');
    await choices.first().waitFor();
    expect((await choices.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.code))).sort()).toEqual(
      tomari.map((b) => b.id).sort(),
    );
    expect(await page.locator('[data-near-status]').innerText()).toContain('候補');
    await choices.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        document.querySelector('near-me')?.getAttribute('data-state') === 'done' &&
        document.querySelectorAll('[data-near-list] li').length > 0,
    );
    expect(await page.locator('[data-near-choices]').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('near-me-place');
    await context.close();
  });

  test('axe: 0 violations with a result list shown', async () => {
    const { context, page } = await openWith({ permissions: ['geolocation'], geolocation: HERE });
    await page.getByRole('button', { name: '現在地から探す' }).click();
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('map view', () => {
  interface ViewHooks extends HTMLElement {
    view(): { zoom: number; japanZoom: number; inside: number; total: number };
  }
  test('the first view fits every marker, at least as close as all of Japan', async () => {
    const { context, page } = await openMap();
    const v = await page.evaluate(() => (document.querySelector('coop-map') as ViewHooks).view());
    expect(v.inside).toBe(v.total);
    expect(v.zoom).toBeGreaterThanOrEqual(v.japanZoom);
    await context.close();
  });

  test('a popup never sits under the zoom buttons (the organisations furthest north and west)', async () => {
    const points = placed.map((c) => ({ id: c.id, p: placeOf(c, bodies)! }));
    const targets = new Set([
      points.sort((a, b) => b.p.lat - a.p.lat)[0]!.id,
      points.sort((a, b) => a.p.lng - b.p.lng)[0]!.id,
    ]);
    for (const id of targets) {
      const { context, page } = await openMap(`?focus=${id}`);
      await page.locator('.leaflet-popup').waitFor();
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')!).opacity === '1');
      await page.waitForTimeout(600); // the pan that makes room for the popup
      const overlap = await page.evaluate(() => {
        const a = document.querySelector('.leaflet-popup')!.getBoundingClientRect();
        const b = document.querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      });
      expect(overlap, id).toBe(false);
      await context.close();
    }
  });

  test('on a phone the map starts within the first screen', async () => {
    const { context } = await localOnlyContext(site.browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${site.url}${paths.map()}`);
    await page.waitForFunction(
      () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
      undefined,
      { timeout: 20_000 },
    );
    const top = await page.evaluate(() => document.querySelector('[data-map-canvas]')!.getBoundingClientRect().top);
    expect(top).toBeLessThan(844 - 200);
    await context.close();
  });
});
