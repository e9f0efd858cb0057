/**
 * Print and embed in Chromium, on the deploy build (SITE_URL, REPO_URL, a
 * sub-path). A public body's page under print media shows
 * its contracts, co-ops and sources with an as-of date and no navigation, and
 * the body with the most contracts prints on at most two A4 pages. The iframe
 * snippet shown on a body's page, pasted into another page, shows the embed.
 */
import { describe, expect, test } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { localOnlyContext, useDeploySiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { contractsCommissionedBy, coopsIn, indexById } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { axeViolations } from '../helpers/axe.ts';
import { pageTypes } from '../../scripts/lib/page-types.ts';
import { SUB_PATH } from '../helpers/build.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const size = (id: string) => ({
  contracts: contractsCommissionedBy(id, dir.contracts).length,
  coops: coopsIn(bodies.get(id)!, dir.coops, bodies).length,
});
// The body with the most contracts; among equals, the one with the most co-ops (the longest page).
const busiest = [...dir.bodies].sort(
  (a, b) =>
    size(b.id).contracts - size(a.id).contracts || size(b.id).coops - size(a.id).coops || (a.id < b.id ? -1 : 1),
)[0]!;

const site = useDeploySiteInBrowser();

/** Pages in a PDF made by Chromium (one `/Type /Page` object per page). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe('print', () => {
  test(`public body with the most contracts (${busiest.id}) prints cleanly on at most two A4 pages`, async () => {
    expect(size(busiest.id).contracts).toBeGreaterThan(0);
    const { context, blocked } = await localOnlyContext(site.browser);
    const page = await context.newPage();
    await page.goto(`${site.url}${paths.body(busiest.id)}`);
    await page.emulateMedia({ media: 'print' });

    // Navigation, downloads and the embed snippet are off the paper.
    for (const sel of [
      '.site-header',
      '.site-header nav',
      '.breadcrumbs',
      '.site-footer',
      '.skip-link',
      '.body-data',
    ]) {
      expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
    }
    // The facts and their sources are on it, with the as-of date.
    expect(await page.locator('h1').innerText()).toBe(busiest.name);
    const asOf = page.locator('.print-as-of');
    expect(await asOf.isVisible()).toBe(true);
    expect(await asOf.innerText()).toMatch(/情報の時点: \d{4}年\d{1,2}月\d{1,2}日/);
    expect(await asOf.innerText()).toContain(`/${paths.body(busiest.id)}`);
    expect(await page.locator('.sources').isVisible()).toBe(true);
    const contracts = contractsCommissionedBy(busiest.id, dir.contracts);
    for (const c of contracts) {
      const row = page.locator(`tr[data-contract="${c.id}"]`);
      expect(await row.isVisible(), c.id).toBe(true);
      // A row names its sources, or points (出典N) to the sources it shares with other rows, printed once above.
      const shared = row.locator('a', { hasText: /^出典\d+$/ });
      const where = (await shared.count())
        ? page.locator(`[id="${(await shared.getAttribute('href'))!.split('#')[1]}"]`)
        : row;
      expect(await where.isVisible(), c.id).toBe(true);
      for (const s of c.sources) expect(await where.innerText(), c.id).toContain(s.title);
    }
    // A source link's address is written out after it on paper.
    const withUrl = page.locator('.sources a[href^="http"]').first();
    if (await withUrl.count()) {
      const after = await withUrl.evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toContain(await withUrl.getAttribute('href'));
    }

    const shot = await page.screenshot({ fullPage: true });
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = pdfPageCount(pdf);
    const out = join(tmpdir(), 'roukyou-atlas-print');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${busiest.id}.png`), shot);
    writeFileSync(join(out, `${busiest.id}.pdf`), pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages, `${busiest.id} printed on ${pages} pages (see ${out})`).toBeLessThanOrEqual(2);
    expect(blocked).toEqual([]);
    await context.close();
  });
});

const contractsTo = (id: string) => dir.contracts.filter((c) => c.contractor === id).length;
const busiestCoop = [...dir.coops].sort((a, b) => contractsTo(b.id) - contractsTo(a.id) || (a.id < b.id ? -1 : 1))[0]!;

describe('print header on every page type', () => {
  test.each(pageTypes(dir))(
    '%s (%s): title, address and 情報の時点 at the top of the first page',
    async (_name, route) => {
      const { context } = await localOnlyContext(site.browser);
      const page = await context.newPage();
      await page.goto(site.url + route);
      await page.emulateMedia({ media: 'print' });
      const header = page.locator('.print-as-of');
      expect(await header.count()).toBe(1);
      expect(await header.isVisible()).toBe(true);
      const text = await header.innerText();
      expect(text).toContain(`/${route}`);
      if (route.startsWith('en/')) {
        expect(text).toMatch(/Information as of: \d{4}(-\d{2}){0,2}/);
        expect(text).toContain((await page.title()).replace(/ \| Roukyou Atlas$/, ''));
      } else {
        expect(text).toMatch(/情報の時点: \d{4}年(\d{1,2}月(\d{1,2}日)?)?/);
        expect(text).toContain((await page.title()).replace(/ \| 労協アトラス$/, ''));
      }
      // On the first page: nothing visible comes before it but the page's own top.
      const top = await header.evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(200);
      await context.close();
    },
  );

  test(`the co-op with the most contracts (${busiestCoop.id}) prints with readable contract columns`, async () => {
    const { context } = await localOnlyContext(site.browser);
    const page = await context.newPage();
    await page.goto(site.url + paths.coop(busiestCoop.id));
    await page.emulateMedia({ media: 'print' });
    const narrow = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.contract-table th, .contract-table td')]
        .filter(
          (c) =>
            c.getClientRects().length > 0 &&
            c.getBoundingClientRect().width < 4 * parseFloat(getComputedStyle(c).fontSize),
        )
        .map((c) => c.textContent?.trim()),
    );
    expect(narrow).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const out = join(tmpdir(), 'roukyou-atlas-print');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `coop-${busiestCoop.id}.pdf`), pdf);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});

describe('embed', () => {
  test("the snippet from a body page, pasted into another page, shows that body's list; links open a new tab", async () => {
    const { context, blocked } = await localOnlyContext(site.browser);
    const page = await context.newPage();
    await page.goto(`${site.url}${paths.body(busiest.id)}`);
    const published = await page.locator('pre.snippet code').innerText();
    // The deploy build's snippet names the public address; pasted here, it loads the same page from this server.
    const publicEmbed = `${SUB_PATH.site}${SUB_PATH.base}${paths.embed(busiest.id)}`;
    expect(published).toMatch(new RegExp(`^<iframe src="${publicEmbed.replace(/[.]/g, '\\.')}" title="[^"]+"`));
    const snippet = published.replace(`${SUB_PATH.site}${SUB_PATH.base}`, site.url);
    // Another site's page: the 404 page stands in for it; its body is replaced by the snippet alone.
    await page.goto(`${site.url}404.html`);
    await page.evaluate((html) => {
      document.body.innerHTML = html;
    }, snippet);
    const frame = page.frameLocator('iframe');
    // The frame loads a whole page: on a loaded machine that takes longer than expect.poll's default 5 s.
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: 30_000 }).toContain(busiest.name);
    const links = frame.locator('a');
    expect(await links.count()).toBeGreaterThan(1);
    for (const a of await links.all()) {
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(await frame.locator('[data-contract]').count()).toBe(
      contractsCommissionedBy(busiest.id, dir.contracts).length,
    );
    expect(blocked).toEqual([]);
    await context.close();
  });
});

test('the embed page passes axe (WCAG 2.2 AA and best practice)', async () => {
  const { context } = await localOnlyContext(site.browser);
  const page = await context.newPage();
  await page.goto(`${site.url}${paths.embed(busiest.id)}`);
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
  await context.close();
});
