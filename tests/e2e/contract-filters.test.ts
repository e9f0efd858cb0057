/**
 * The /contracts/ filters in Chromium with JavaScript off, on the deploy build (SITE_URL and a sub-path, the shared
 * build of tests/helpers/build.ts): programme × prefecture × category combine instead of resetting each other,
 * chips show their counts and which are chosen (as text, not colour only), a chip of an empty combination is no
 * link, a note shared by rows is said once, and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SUB_PATH, subPathBuild } from '../helpers/build.ts';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { serveInChild } from '../helpers/search-server.ts';
import { axeViolations } from '../helpers/axe.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { indexById } from '../../src/lib/model/directory.ts';
import { CONTRACT_KIND } from '../../src/lib/model/vocabularies.ts';
import { contractFacets, filterContracts } from '../../src/lib/views/contracts.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const { kinds, prefectures } = contractFacets(dir.contracts, bodies);
const count = (f: Parameters<typeof filterContracts>[2]) => filterContracts(dir.contracts, bodies, f).length;
// A prefecture with a programme kind whose contracts there are fewer than in the whole country (a reset would show).
const pair = prefectures
  .flatMap((prefecture) => kinds.map((kind) => ({ prefecture, kind })))
  .find((p) => count(p) > 0 && count(p) < count({ kind: p.kind }))!;
// A prefecture and a kind with no contract together, though each has some.
const empty = prefectures
  .flatMap((prefecture) => kinds.map((kind) => ({ prefecture, kind })))
  .find((p) => count(p) === 0);

let browser: Browser;
let server: { url: string; stop: () => void };
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const build = await subPathBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  server = await serveInChild(build.outDir, SUB_PATH.base);
  browser = await launch();
  ({ context } = await localOnlyContext(browser, { javaScriptEnabled: false }));
  page = await context.newPage();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

const chosen = () => page.locator('nav.filters a[aria-current="page"]').allInnerTexts();
const rows = () => page.locator('tr[data-contract]').count();

describe('contract filters', () => {
  test('content/ has a prefecture whose programme list differs from the national one', () => {
    expect(pair).toBeDefined();
  });
  test('from a prefecture, a programme chip keeps the prefecture; a category chip then keeps both', async () => {
    const prefName = bodies.get(pair.prefecture)!.name;
    await page.goto(`${server.url}${paths.contracts({ prefecture: pair.prefecture })}`);
    const label = CONTRACT_KIND.labels[pair.kind];
    const chip = page.locator('nav.filters a', { hasText: label });
    await expect(chip.innerText()).resolves.toContain(`${count(pair)}件`);
    await Promise.all([page.waitForURL(`**/${paths.contracts(pair)}`), chip.click()]);
    expect(await rows()).toBe(count(pair));
    const on = (await chosen()).map((t) => t.replace(/\s+/g, ''));
    // The state is text: a check mark and 選択中, beside the colour.
    expect(
      on.some((t) => t.startsWith(`✓${label}`)),
      on.join(' '),
    ).toBe(true);
    expect(
      on.some((t) => t.startsWith(`✓${prefName}`)),
      on.join(' '),
    ).toBe(true);
    const category = filterContracts(dir.contracts, bodies, pair)[0]!.category;
    const catName = dir.categories.find((c) => c.id === category)!.name;
    const catChip = page.locator('nav.filters a', { hasText: catName });
    await Promise.all([page.waitForURL(`**/${paths.contracts({ ...pair, category })}`), catChip.click()]);
    expect(await rows()).toBe(count({ ...pair, category }));
    expect((await chosen()).join(' ')).toContain(prefName);
  });
  test('a chip whose combination is empty says 0件 and is no link', async () => {
    if (!empty) return; // every prefecture has every kind: nothing to show
    await page.goto(`${server.url}${paths.contracts({ prefecture: empty.prefecture })}`);
    const label = CONTRACT_KIND.labels[empty.kind];
    expect(await page.locator('nav.filters a', { hasText: label }).count()).toBe(0);
    await expect(page.locator('nav.filters .empty', { hasText: label }).innerText()).resolves.toContain('0件');
  });
  test('a note shared by rows is said once per list, and the rows point to it', async () => {
    const notes = dir.contracts.map((c) => c.note).filter((n): n is string => Boolean(n));
    const shared = [...new Set(notes)].find((n) => notes.filter((x) => x === n).length >= 2);
    await page.goto(`${server.url}${paths.contracts()}`);
    if (!shared) return;
    const body = (await page.locator('main').innerText()).split(shared).length - 1;
    expect(body).toBe(1);
    expect(await page.locator('tr[data-contract] a[href^="#contracts-note-"]').count()).toBe(
      notes.filter((x) => x === shared).length,
    );
  });
  test('axe finds no problem on a combined list', async () => {
    const { context: withJs } = await localOnlyContext(browser);
    const p = await withJs.newPage();
    await p.goto(`${server.url}${paths.contracts(pair)}`);
    expect(await axeViolations(p)).toEqual([]);
    await withJs.close();
  });
});
