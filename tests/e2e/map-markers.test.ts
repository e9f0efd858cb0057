/**
 * /map/'s markers in Chromium, with every request that leaves 127.0.0.1 blocked (so no 地理院タイル loads): one
 * marker per placed organisation in the cluster layer, prefecture outlines drawn without tiles, popups that name the
 * organisation and link to its page, and axe with a popup open. Expectations come from content/.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { DIST } from '../helpers/dist.ts';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { bodies, category, dir, hooks, mapReady, openMap, placed, placedIds } from '../helpers/map-page.ts';
import { placeOf } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';

const site = useSiteInBrowser();

test('there is something to map', () => {
  expect(placed.length).toBeGreaterThan(1);
  expect(category.ids.length).toBeGreaterThan(0);
});

describe('markers and outlines', () => {
  test('one marker per organisation with a point, counted from the cluster layer', async () => {
    const { context, page, errors } = await openMap(site);
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

  test('the first view is drawn from the overview file’s clusters; the map’s own clustering draws the same markers, which stay', async () => {
    const { context } = await localOnlyContext(site.browser, { viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The markers as they are the moment the map says it has drawn (before it has clustered the pins itself).
    await page.addInitScript(() => {
      const w = window as unknown as { firstMarkers?: Element[] };
      new MutationObserver(() => {
        if (!w.firstMarkers && document.querySelector('coop-map')?.getAttribute('data-state') === 'drawn')
          w.firstMarkers = [...document.querySelectorAll('.leaflet-marker-pane > *')];
      }).observe(document, { attributes: true, attributeFilter: ['data-state'], subtree: true });
    });
    await page.goto(`${site.url}${paths.map()}`);
    await mapReady(page);
    const r = await page.evaluate(() => {
      const first = (window as unknown as { firstMarkers?: Element[] }).firstMarkers ?? [];
      const now = [...document.querySelectorAll('.leaflet-marker-pane > *')];
      const label = (e: Element) =>
        e.classList.contains('ra-cluster') ? `cluster ${e.textContent}` : `pin ${e.getAttribute('title')}`;
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return {
        first: first.map(label).sort(),
        now: now.map(label).sort(),
        kept: first.filter((e) => now.includes(e)).length,
        drawnFirst: at('coop-map:ready') < at('coop-map:indexed'),
      };
    });
    expect(r.first.length).toBeGreaterThan(0);
    expect(r.drawnFirst).toBe(true);
    expect(r.now).toEqual(r.first);
    expect(r.kept).toBe(r.first.length);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('without the overview file the map waits for the pin file and draws every marker; without the pin file it says so', async () => {
    const load = async (missing: string) => {
      const { context } = await localOnlyContext(site.browser, { viewport: { width: 1100, height: 900 } });
      await context.route(`**/${missing}`, (r) => r.fulfill({ status: 404, body: '' }));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${site.url}${paths.map()}`);
      await page.waitForFunction(() =>
        ['ready', 'error'].includes(document.querySelector('coop-map')?.getAttribute('data-state') ?? ''),
      );
      return { context, page, errors };
    };
    const noOverview = await load('map-overview.json');
    expect(await noOverview.page.locator('coop-map').getAttribute('data-state')).toBe('ready');
    expect(await hooks.count(noOverview.page)).toBe(placed.length);
    // Drawn once, from the map's own clusters.
    expect(
      await noOverview.page.evaluate(() => {
        const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
        return at('coop-map:ready') >= at('coop-map:indexed');
      }),
    ).toBe(true);
    expect(noOverview.errors).toEqual([]);
    await noOverview.context.close();

    const noPins = await load('map-pins.json');
    expect(await noPins.page.locator('coop-map').getAttribute('data-state')).toBe('error');
    expect(await noPins.page.locator('[data-map-error]').isVisible()).toBe(true);
    // The overview's markers do not stay without the pins behind them; the list is still there.
    expect(await noPins.page.locator('.leaflet-marker-pane > *').count()).toBe(0);
    expect(await noPins.page.locator('#coop-map-list').isVisible()).toBe(true);
    expect(noPins.errors).toEqual([]);
    await noPins.context.close();
  });

  test('prefecture outlines render although no tile can load, with no uncaught error', async () => {
    const { context, page, errors, blocked } = await openMap(site);
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
});

describe('popups', () => {
  test('?focus= opens the popup of that organisation, and its link opens the right page', async () => {
    const target = placed.find((c) => c.categories.length > 0) ?? placed[0]!;
    const { context, page, errors } = await openMap(site, `?focus=${target.id}`);
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
    const { context, page } = await openMap(site, `?focus=${target.id}`);
    await page.locator('.leaflet-popup').waitFor();
    await page.locator('.leaflet-popup-close-button').click();
    await page.locator('.leaflet-popup').waitFor({ state: 'detached' });
    // The focused marker is now on screen (unclustered or spiderfied); click the one with its name.
    const marker = page.locator(`.ra-pin[title^="${target.name}（"]`).first();
    await marker.click();
    expect(await page.locator('.leaflet-popup-content').innerText()).toContain(target.name);
    await context.close();
  });

  test('axe: 0 violations with the map drawn and a popup open', async () => {
    const { context, page } = await openMap(site, `?focus=${placed[0]!.id}`);
    await page.locator('.leaflet-popup').waitFor();
    // Leaflet fades popups in; measure contrast once it is fully shown.
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')!).opacity === '1');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await context.close();
  });
});
