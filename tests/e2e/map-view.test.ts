/**
 * /map/'s view in Chromium: the first view fits every marker and is at least as close as all of Japan, a popup is
 * never left under the zoom buttons, on a phone the near-me controls come first with the map within a screen (its
 * files fetched only once the reader scrolls towards it), and the map's files (the Leaflet chunk and stylesheet, the
 * pin file, the overview file, the outlines) are asked for once each, only after the page's text is painted, the
 * outlines after the pins.
 */
import { describe, expect, test } from 'vitest';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { bodies, mapReady, openMap, placed, type MapHooks } from '../helpers/map-page.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit } from '../../src/lib/views/lists.ts';
import { placeOf } from '../../src/lib/model/directory.ts';

const site = useSiteInBrowser();

describe('map view', () => {
  test("the map's files are asked for once each, after the page's first paint, the outlines after the pins", async () => {
    const { context, page, requests } = await openMap(site);
    const timing = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      files: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        url: r.name,
        start: r.startTime,
        end: r.responseEnd,
      })),
    }));
    expect(timing.fcp).toBeGreaterThan(0);
    const file = (re: RegExp) => {
      const found = timing.files.filter((f) => re.test(f.url));
      expect(found.map((f) => f.url).length, String(re)).toBe(1);
      expect(requests.filter((r) => r === found[0]!.url).length, found[0]!.url).toBe(1);
      return found[0]!;
    };
    const mapFiles = [
      /\/leaflet\.[\w-]+\.js$/,
      /\/leaflet\.[\w-]+\.css$/,
      /\/map-pins\.json$/,
      /\/map-overview\.json$/,
      /\/japan-prefectures\.geojson$/,
    ];
    const found = mapFiles.map(file);
    const [, , pins, , outlines] = found;
    for (const f of found) expect([f.url, f.start >= timing.fcp!]).toEqual([f.url, true]);
    expect(outlines!.start).toBeGreaterThanOrEqual(pins!.end);
    await context.close();
  });

  test('the first view fits every marker, at least as close as all of Japan', async () => {
    const { context, page } = await openMap(site);
    const v = await page.evaluate(() => (document.querySelector('coop-map') as MapHooks).view());
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
      const { context, page } = await openMap(site, `?focus=${id}`);
      await page.locator('.leaflet-popup').waitFor();
      // Faded in, and the pan that makes room for it over: Leaflet starts that pan as the popup is added, marking the
      // map pane with leaflet-pan-anim until it ends.
      await page.waitForFunction(
        () =>
          getComputedStyle(document.querySelector('.leaflet-popup')!).opacity === '1' &&
          !document.querySelector('.leaflet-map-pane')!.classList.contains('leaflet-pan-anim'),
      );
      const overlap = await page.evaluate(() => {
        const a = document.querySelector('.leaflet-popup')!.getBoundingClientRect();
        const b = document.querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
        return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      });
      expect(overlap, id).toBe(false);
      await context.close();
    }
  });

  test('on a phone the near-me controls come first, the map within a screen, and its files wait until it is near', async () => {
    const { context } = await localOnlyContext(site.browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${site.url}${paths.map()}`, { waitUntil: 'networkidle' });
    const top = (sel: string) => page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().top, sel);
    const locate = await top('[data-locate]');
    expect(locate).toBeLessThan(844 - 100);
    const canvas = await top('[data-map-canvas]');
    expect(canvas).toBeGreaterThan(locate);
    expect(canvas).toBeLessThan(locate + 844);
    // 60 % of a phone's screen high, so the page around it stays in reach of a thumb.
    const height = await page.evaluate(
      () => document.querySelector('[data-map-canvas]')!.getBoundingClientRect().height,
    );
    expect(Math.round(height)).toBe(Math.round(844 * 0.6));
    // The canvas starts below the first screen: nothing of the map is fetched or run while the reader stays there.
    expect(canvas).toBeGreaterThan(844);
    const mapFiles = () => requests.filter((u) => /leaflet|map-pins|japan-prefectures/.test(u));
    expect(mapFiles()).toEqual([]);
    expect(await page.locator('coop-map').getAttribute('data-state')).toBe('loading');
    expect(await page.locator('[data-map-item]').count()).toBe(needsSplit(placed.length) ? 0 : placed.length);
    // Scrolling towards it loads and draws it.
    await page.mouse.wheel(0, canvas - 844 + 10);
    await mapReady(page);
    expect(mapFiles().length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (document.querySelector('coop-map') as MapHooks).markerCount())).toBe(
      placed.length,
    );
    await context.close();
  });
});
