/**
 * /map/ by keyboard in Chromium: Tab reaches the map and its clusters and then moves on past it (no trap), Enter on a
 * cluster zooms in and keeps focus on the map, Space opens a marker's popup, and the skip link moves past the map to
 * the list.
 */
import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { openMap } from '../helpers/map-page.ts';

const site = useSiteInBrowser();

describe('keyboard', () => {
  test('Tab reaches the map and its clusters, Enter zooms in, and focus moves on past the map', async () => {
    const { context, page } = await openMap(site);
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
    // The zoom has ended and the markers of the new view are drawn: the cluster's marker went with the zoom, and the
    // island moves focus to the map on the zoom's moveend, after its own moveend handler has drawn the markers.
    await page.waitForFunction(() => document.activeElement?.classList.contains('leaflet-container') === true);

    // Space works like Enter on a marker: its popup opens.
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
    const { context, page } = await openMap(site);
    await page.focus('#coop-map-pref');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('地図を飛ばして一覧へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('coop-map-list');
    await context.close();
  });
});
