/**
 * "Near me" and the municipality picker on /map/ in Chromium: with the location granted, the nearest organisations in
 * distance order with km, announced, the position sent nowhere; denied, a clear message and no list; a municipality
 * typed by its kana reading (the place list loaded only then) or chosen among places that share a name lists from its
 * representative point; axe with a list shown. Expectations come from content/.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { bodies, dir, openMap } from '../helpers/map-page.ts';
import { nearCandidates } from '../../src/lib/model/directory.ts';
import { formatKm } from '../../src/lib/places/nearest.ts';
import { isOwnOf, nearby, NEARBY_RADIUS_KM } from '../../src/lib/places/nearby.ts';
import { ownArea } from '../../src/lib/views/place.ts';
import type { Body } from '../../src/lib/model/types.ts';

const site = useSiteInBrowser();

describe('near me and the municipality picker', () => {
  /** A fixed test location: Tokyo Station (a public landmark, not a person's position). */
  const HERE = { latitude: 35.6812, longitude: 139.7671 };
  /** The nearby list the rule gives (src/lib/places/nearby.ts), over the candidates the place pages use, from content/. */
  const candidates = nearCandidates(dir.coops, bodies);
  const expectedFrom = (from: { lat: number; lng: number }, own?: Body) => {
    const area = own && ownArea(own, bodies);
    const r = nearby(
      from,
      candidates,
      area ? { isOwn: (c) => isOwnOf(area, { ...c.coop, prefecture: c.prefecture }) } : {},
    );
    return (r.within.length > 0 ? r.within : r.beyond).map((n) => ({ id: n.item.coop.id, km: n.km }));
  };
  /** The same organisations in the same order, each at its true distance. */
  const expectNearest = (list: Array<{ id: string; km: number }>, from: { lat: number; lng: number }, own?: Body) => {
    const expected = expectedFrom(from, own);
    expect(list.map((x) => x.id)).toEqual(expected.map((x) => x.id));
    list.forEach((x, i) => expect(x.km).toBeCloseTo(expected[i]!.km, 3));
  };
  const shown = (page: Page) =>
    page.$$eval('near-me [data-near-id]', (els) =>
      els.map((el) => ({ id: (el as HTMLElement).dataset.nearId!, km: Number((el as HTMLElement).dataset.km) })),
    );

  test('location granted: 「現在地から探す」 lists the nearest organisations in distance order with km, announced, and sends the position nowhere', async () => {
    const { context, page, requests } = await openMap(site, '', { permissions: ['geolocation'], geolocation: HERE });
    const before = requests.length;
    await page.getByRole('button', { name: '現在地から探す' }).click();
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    const expected = expectedFrom({ lat: HERE.latitude, lng: HERE.longitude });
    const list = await shown(page);
    expectNearest(list, { lat: HERE.latitude, lng: HERE.longitude });
    expect(list.every((x) => x.km <= NEARBY_RADIUS_KM)).toBe(true);
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
    const { context, page } = await openMap(site, '', { permissions: [] });
    // With the keyboard: focus the button and press Enter.
    await page.getByRole('button', { name: '現在地から探す' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'error');
    expect(await page.locator('[data-near-status]').innerText()).toContain('現在地の利用が許可されなかった');
    expect(await page.locator('[data-near-list] li').count()).toBe(0);
    await context.close();
  });

  test('picker by kana reading, with the keyboard: the place list loads only then, and the list starts from its representative point', async () => {
    const { context, page, requests } = await openMap(site);
    expect(requests.some((u) => u.includes('/data/places.json'))).toBe(false);
    const okegawa = bodies.get('112313')!;
    await page.focus('#near-me-place');
    await page.keyboard.type(okegawa.reading);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    expect(requests.some((u) => u.includes('/data/places.json'))).toBe(true);
    // The place list keeps the points as they are: the same list as the place page, to the metre.
    const list = await shown(page);
    expectNearest(list, okegawa.location!, okegawa);
    for (let i = 1; i < list.length; i++) expect(list[i]!.km).toBeGreaterThanOrEqual(list[i - 1]!.km);
    expect(await page.locator('[data-near-status]').innerText()).toContain(`埼玉県${okegawa.name}の代表点から`);
    await context.close();
  });

  test('a name two places share (泊村) offers both as buttons; choosing one with the keyboard lists from its point', async () => {
    const { context, page } = await openMap(site);
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
    const { context, page } = await openMap(site, '', { permissions: ['geolocation'], geolocation: HERE });
    await page.getByRole('button', { name: '現在地から探す' }).click();
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
