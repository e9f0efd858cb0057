/**
 * "Nearby" for a resident, in Chromium on the deploy build: the place pages of
 * 竹富町 (nothing within the radius), 港北区 (a borrowed point, ties at 0 km)
 * and 新宿区 (organisations of its own) list the same organisations in the
 * same order as the map's picker does for them; a picker question or a miss
 * clears the previous answer; on a phone the near-me controls come before the
 * map, one finger scrolls the page past the map and two fingers move it; the
 * home page's place box and button answer on the map.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { localOnlyContext, useDeploySiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { buildIndex } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { nearestCoops } from '../../src/lib/views/place.ts';
import { fullName } from '../../src/map/place-pick.ts';
import type { Body } from '../../src/lib/model/types.ts';

const dir = loadContentDirectory();
const index = buildIndex(dir);
const { bodies } = index;
/** A place by its name and its prefecture's name. */
const placeNamed = (name: string, prefecture: string): Body =>
  dir.bodies.find((b) => b.name === name && bodies.get(b.prefecture ?? '')?.name === prefecture)!;
const PLACES = [placeNamed('竹富町', '沖縄県'), placeNamed('港北区', '神奈川県'), placeNamed('新宿区', '東京都')];

const site = useDeploySiteInBrowser();

/** The ids and distances a list shows, in order. */
const listed = (page: Page, selector: string) =>
  page.$$eval(selector, (els) =>
    els.map((el) => ({
      id: (el as HTMLElement).dataset.nearId ?? (el as HTMLElement).dataset.near!,
      km: Number((el as HTMLElement).dataset.km),
    })),
  );

/** Opens the map and waits until it is drawn (scrolled to first: on a phone its canvas starts below the first screen). */
async function openMap(page: Page, query = '') {
  await page.goto(`${site.url}${paths.map()}${query}`);
  await page.locator('[data-map-canvas]').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
    undefined,
    {
      timeout: 20_000,
    },
  );
}

async function pick(page: Page, text: string) {
  await page.fill('#near-me-place', text);
  await page.press('#near-me-place', 'Enter');
  await page.waitForFunction(() =>
    ['done', 'error'].includes(document.querySelector<HTMLElement>('near-me')?.dataset.state ?? ''),
  );
}

describe('the place page and the map picker list the same organisations, in the same order', () => {
  test.each(PLACES.map((b) => [b.name, b] as const))('%s', async (_name, body) => {
    const expected = nearestCoops(body, index)!;
    const ids = [...expected.within, ...expected.beyond].map((n) => n.item.id);
    expect(ids.length).toBeGreaterThan(0);
    const { context } = await localOnlyContext(site.browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}${paths.body(body.id)}`);
    const onPage = await listed(page, '[data-nearest] [data-near]');
    expect(onPage.map((x) => x.id)).toEqual(ids);
    await openMap(page);
    await pick(page, fullName(body, bodies));
    const onMap = await listed(page, 'near-me [data-near-id]');
    expect(onMap.map((x) => x.id)).toEqual(ids);
    onMap.forEach((x, i) => expect(x.km).toBeCloseTo(onPage[i]!.km, 3));
    const words = await page.locator('near-me').innerText();
    if (expected.within.length === 0) expect(words).toContain('km以内に掲載団体はありません。最も近いのは');
    if (!expected.from.own) expect(words).toContain(`${expected.from.of.name}の代表点（`);
    await context.close();
  });
});

describe('the picker clears the previous answer', () => {
  test('a question (several places share the name) and a miss leave no list or heading of the place before', async () => {
    const { context } = await localOnlyContext(site.browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openMap(page);
    const shared = dir.bodies.filter((b) => b.name.startsWith('府中'));
    expect(shared.length).toBeGreaterThan(1);
    const answered = async () => {
      await pick(page, fullName(PLACES[2]!, bodies));
      expect(await page.locator('near-me [data-near-id]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-near-heading]').isVisible()).toBe(true);
    };
    await answered();
    await pick(page, '府中');
    expect(await page.locator('[data-near-choices] button').count()).toBe(shared.length);
    expect(await page.locator('near-me [data-near-id]').count()).toBe(0);
    expect(await page.locator('[data-near-heading]').isVisible()).toBe(false);
    await answered();
    await pick(page, 'あいうえおかきくけこ');
    expect(await page.locator('[data-near-status]').innerText()).toContain('見つかりません');
    expect(await page.locator('near-me [data-near-id]').count()).toBe(0);
    expect(await page.locator('[data-near-heading]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('on a phone (390×844, touch)', () => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

  test('「現在地から探す」 and the place box come before the map', async () => {
    const { context } = await localOnlyContext(site.browser, phone);
    const page = await context.newPage();
    await openMap(page);
    const top = (sel: string) => page.locator(sel).evaluate((el) => el.getBoundingClientRect().top);
    const canvas = await top('[data-map-canvas]');
    expect(await top('[data-locate]')).toBeLessThan(canvas);
    expect(await top('#near-me-place')).toBeLessThan(canvas);
    await context.close();
  });

  test('one finger on the map scrolls the page; two fingers move the map', async () => {
    const { context } = await localOnlyContext(site.browser, phone);
    const page = await context.newPage();
    await openMap(page);
    const canvas = page.locator('[data-map-canvas]');
    await canvas.scrollIntoViewIfNeeded();
    const cdp = await context.newCDPSession(page);
    const center = () =>
      page.evaluate(() =>
        (document.querySelector('coop-map') as HTMLElement & { view(): { lat: number; lng: number } }).view(),
      );
    // Each swipe starts inside the canvas where it is now (the first one scrolls the page, and the canvas with it).
    const swipe = async (fingers: number) => {
      const box = (await canvas.boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height * 0.7;
      const points = (dy: number) =>
        Array.from({ length: fingers }, (_, i) => ({ x: x + i * 60 - 30, y: y + dy, id: i }));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
      for (let step = 1; step <= 10; step++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(-15 * step) });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    expect(await canvas.evaluate((el) => el.dataset.gestures)).toBe('cooperative');
    const before = await center();
    const scrolled = await page.evaluate(() => scrollY);
    await swipe(1);
    await page.waitForFunction((y0) => scrollY > y0 + 50, scrolled);
    const after = await center();
    expect([after.lat, after.lng]).toEqual([before.lat, before.lng]);
    // The one-finger swipe may fling on: wait until the page has not moved for ten frames in a row.
    const settled = () =>
      page.evaluate(
        () =>
          new Promise<number>((done) => {
            let last = scrollY;
            let still = 0;
            const tick = () => {
              if (scrollY === last) still += 1;
              else [last, still] = [scrollY, 0];
              if (still >= 10) done(scrollY);
              else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
          }),
      );
    const pageAt = await settled();
    await swipe(2);
    await page.waitForFunction((c) => {
      const v = (document.querySelector('coop-map') as HTMLElement & { view(): { lat: number } }).view();
      return Math.abs(v.lat - c) > 1e-6;
    }, after.lat);
    expect(await settled()).toBeCloseTo(pageAt, -1);
    await context.close();
  });
});

describe('the home page place box and button (no JavaScript on the home page)', () => {
  test('the place box opens the map with the place answered, as its place page lists it', async () => {
    const body = PLACES[2]!;
    const { context } = await localOnlyContext(site.browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(site.url);
    expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
    await page.fill('[data-near-form] input[name="place"]', fullName(body, bodies));
    await Promise.all([
      page.waitForURL(/\/map\/\?place=/),
      page.press('[data-near-form] input[name="place"]', 'Enter'),
    ]);
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    const expected = nearestCoops(body, index)!;
    expect((await listed(page, 'near-me [data-near-id]')).map((x) => x.id)).toEqual(
      [...expected.within, ...expected.beyond].map((n) => n.item.id),
    );
    // The answer asks for the map too, though its canvas is below the first screen: it loads without a scroll.
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.waitForFunction(() => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready');
    await context.close();
  });

  test('「現在地から探す」 opens the map and answers from the location', async () => {
    const { context } = await localOnlyContext(site.browser, {
      viewport: { width: 390, height: 844 },
      permissions: ['geolocation'],
      geolocation: { latitude: 35.6812, longitude: 139.7671 },
    });
    const page = await context.newPage();
    await page.goto(site.url);
    await Promise.all([
      page.waitForURL(/\/map\/\?near=here/),
      page.getByRole('button', { name: '現在地から探す' }).click(),
    ]);
    await page.waitForFunction(() => document.querySelector('near-me')?.getAttribute('data-state') === 'done');
    expect(await page.locator('[data-near-status]').innerText()).toContain('現在地から');
    expect(await page.locator('near-me [data-near-id]').count()).toBeGreaterThan(0);
    await context.close();
  });
});
