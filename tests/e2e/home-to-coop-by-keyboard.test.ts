/** Smoke test in a real browser: from the home page to a co-op page using only the keyboard. */
import { expect, test } from 'vitest';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { sortByReading } from '../../src/lib/model/sort.ts';
import { coopGroups, needsSplit } from '../../src/lib/views/lists.ts';
import { indexById } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';

const site = useSiteInBrowser();

/** Presses Tab until the focused element's text matches, at most `limit` times. */
async function tabTo(page: import('playwright-core').Page, text: string, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === text) return;
  }
  throw new Error(`Tab キーで「${text}」にたどり着けませんでした`);
}

test('home → co-op list → a co-op page, by keyboard, with no request leaving 127.0.0.1', async () => {
  const dir = loadContentDirectory();
  const target = sortByReading(dir.coops.filter((c) => c.kind === 'coop'))[0]!;
  const { context, blocked } = await localOnlyContext(site.browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url);
  expect(await page.locator('h1').innerText()).toContain('労協アトラス');

  // The skip link comes first.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');

  await tabTo(page, '組合をさがす');
  await Promise.all([page.waitForURL(/\/coops\/$/), page.keyboard.press('Enter')]);
  expect(await page.locator('h1').innerText()).toBe('組合の一覧');

  // Past one list page (src/lib/views/lists.ts) the organisations are on their prefecture's list: one step more.
  if (needsSplit(dir.coops.length)) {
    const group = coopGroups(dir.coops, indexById(dir.bodies)).find((g) => g.coops.some((c) => c.id === target.id))!;
    await tabTo(page, group.name);
    await Promise.all([
      page.waitForURL(new RegExp(`/${paths.coopsIn(group.prefecture)}$`)),
      page.keyboard.press('Enter'),
    ]);
  }
  await tabTo(page, target.name);
  await Promise.all([page.waitForURL(new RegExp(`/coops/${target.id}/$`)), page.keyboard.press('Enter')]);
  expect(await page.locator('h1').innerText()).toBe(target.name);
  expect(await page.locator('.sources li').count()).toBe(target.sources.length);

  expect(errors).toEqual([]);
  expect(blocked).toEqual([]);
  await context.close();
});
