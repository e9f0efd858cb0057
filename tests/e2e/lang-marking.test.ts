/**
 * Language marking on the English pages, in Chromium: every piece of Japanese
 * text (kana or kanji) on a page under en/ sits inside an element whose
 * language is Japanese, so screen readers switch voice; and English words on
 * Japanese pages' language switch are marked English. Routes derive from content/.
 */
import { beforeAll, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { localOnlyContext, useSiteInBrowser } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { enPaths } from '../../src/lib/views/i18n.ts';
import { paths } from '../../src/lib/model/paths.ts';

const dir = loadContentDirectory();
const EN_ROUTES = [
  enPaths.home(),
  enPaths.about(),
  enPaths.modelProject(),
  enPaths.stats(),
  enPaths.data(),
  enPaths.coops(),
  ...dir.coops.map((c) => enPaths.coop(c.id)),
];

const site = useSiteInBrowser();
let context: BrowserContext;
beforeAll(async () => {
  ({ context } = await localOnlyContext(site.browser));
});

/** Text nodes with Japanese characters whose nearest lang is not Japanese (citation text in <pre> is mixed by nature and skipped). */
function unmarkedJapanese(): string[] {
  const jp = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const out: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    const el = n.parentElement;
    if (!el || !jp.test(text) || el.closest('pre, script, style')) continue;
    const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
    if (!lang.startsWith('ja')) out.push(`${el.tagName.toLowerCase()}: ${text.trim().slice(0, 40)}`);
  }
  return out;
}

test('every Japanese text on the English pages is marked lang="ja"', async () => {
  const page = await context.newPage();
  const problems: string[] = [];
  for (const route of EN_ROUTES) {
    await page.goto(site.url + route);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    for (const p of await page.evaluate(unmarkedJapanese)) problems.push(`${route} ${p}`);
  }
  expect(problems).toEqual([]);
  await page.close();
});

test('the language switch on a Japanese page is marked English and leads to the twin', async () => {
  const page = await context.newPage();
  const coop = dir.coops[0]!;
  await page.goto(site.url + paths.coop(coop.id));
  const link = page.locator('header a[hreflang="en"]');
  expect(await link.getAttribute('lang')).toBe('en');
  await link.click();
  await page.waitForURL(`**/${enPaths.coop(coop.id)}`);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.close();
});
