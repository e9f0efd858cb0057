/**
 * Contracts in Chromium: the co-op with the most contracts is under 6,000 px tall on a 1280 px desktop,
 * every one of its contracts shows its period or 「期間不明（資料の時点 …）」, and the /contracts/ filters
 * are links that work without JavaScript; on a desktop no column of the list is under four characters.
 */
import { describe, expect, test } from 'vitest';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { periodText } from '../../src/lib/views/contracts.ts';

const dir = loadContentDirectory();
const to = (id: string) => dir.contracts.filter((c) => c.contractor === id);
const busiest = [...dir.coops].sort((a, b) => to(b.id).length - to(a.id).length || (a.id < b.id ? -1 : 1))[0]!;

const site = useSiteInBrowser();

describe('contracts', () => {
  test(`${busiest.id}: under 6,000 px at 1280 px, every contract with its period`, async () => {
    const { context } = await localOnlyContext(site.browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + paths.coop(busiest.id));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(6000);
    for (const c of to(busiest.id)) {
      const row = page.locator(`tr[data-contract="${c.id}"]`);
      expect(await row.count(), c.id).toBe(1);
      expect(await row.textContent()).toContain(periodText(c));
    }
    // Services, note and source are said once per programme, not once per contract.
    const sourceTitle = to(busiest.id)[0]!.sources[0]!.title;
    const groups = new Set(to(busiest.id).map((c) => c.programme)).size;
    const section = (await page.locator('section[aria-labelledby="contracts-heading"]').textContent()) ?? '';
    expect(section.split(sourceTitle).length - 1).toBeLessThanOrEqual(groups);
    await context.close();
  });

  test('the programme filter on /contracts/ is a link to a pre-rendered page, with JavaScript off', async () => {
    const { context } = await localOnlyContext(site.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + paths.contracts());
    const kind = dir.contracts[0]!.kind;
    const link = page.locator('nav.filters a').filter({ hasNotText: 'すべて' }).first();
    await link.click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toMatch(/\/contracts\/(programme|prefecture)\/[^/]+\/$/);
    expect(await page.locator('nav.filters a[aria-current="page"]').count()).toBeGreaterThanOrEqual(1);
    const rows = await page.locator('tr[data-contract]').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(dir.contracts.length);
    await page.goto(site.url + paths.contracts({ kind }));
    expect(await page.locator('tr[data-contract]').count()).toBe(dir.contracts.filter((c) => c.kind === kind).length);
    await context.close();
  });

  test('on a 1280 px desktop no column of the contracts list is narrower than four characters', async () => {
    const { context } = await localOnlyContext(site.browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + paths.contracts());
    const narrow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.contract-table th, .contract-table td')]
        .filter((c) => {
          const s = getComputedStyle(c);
          return (
            c.getBoundingClientRect().width - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) <
            4 * parseFloat(s.fontSize) - 0.5
          );
        })
        .map((c) => c.textContent?.trim().slice(0, 10)),
    );
    expect(narrow).toEqual([]);
    await context.close();
  });
});
