/**
 * The search answers first, in Chromium on the deploy build (SITE_URL and a sub-path, the shared build of
 * tests/helpers/build.ts): the ranking rules of src/search/rank.ts on queries derived from content/
 * (tests/fixtures/search-rules.ts), and each result's badge showing the entry's own kind.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SUB_PATH, subPathBuild } from '../helpers/build.ts';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { serveInChild } from '../helpers/search-server.ts';
import { resultPaths, runQuery } from '../helpers/search-page.ts';
import { ruleQueries } from '../fixtures/search-rules.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { ORG_KIND } from '../../src/lib/model/vocabularies.ts';

const dir = loadContentDirectory();
let browser: Browser;
let server: { url: string; stop: () => void };
let page: Page;
let blocked: string[];
const errors: string[] = [];

beforeAll(async () => {
  const build = await subPathBuild();
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  server = await serveInChild(build.outDir, SUB_PATH.base);
  browser = await launch();
  const ctx = await localOnlyContext(browser);
  blocked = ctx.blocked;
  page = await ctx.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${paths.search()}`);
}, 600_000);
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** The results of a query, every page of them when `all` (さらに表示 pressed until it goes). */
async function search(q: string, all = false): Promise<string[]> {
  await runQuery(page, q);
  for (let i = 0; all && i < 100 && (await page.isVisible('[data-more]')); i++) {
    const before = await page.locator('.search-result').count();
    await page.click('[data-more]');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  return resultPaths(page, SUB_PATH.base);
}

describe('ranking rules on queries derived from content/', () => {
  const rules = ruleQueries(dir);
  test('cover every rule, with several queries each', () => {
    for (const rule of ['place and word', 'same name, named prefecture', 'named on a council page'] as const)
      expect(rules.filter((r) => r.rule === rule).length, rule).toBeGreaterThanOrEqual(3);
  });
  test.each(rules.map((r) => [r.rule, r.q, r]))('%s: 「%s」', async (_rule, _q, r) => {
    const shown = await search(r.q, Boolean(r.found));
    const lead = shown.slice(0, r.leading ?? 0);
    for (const p of lead) expect(r.first, `${r.q}: ${lead.join(', ')}`).toContain(p);
    for (const p of r.notFirst ?? []) expect(lead, `${r.q}: ${p} among the first`).not.toContain(p);
    for (const p of r.expect ?? []) expect(shown.slice(0, 5), `${r.q} → ${p}`).toContain(p);
    for (const p of r.found ?? []) expect(shown, `${r.q} → ${p}`).toContain(p);
  });
  test('no request left 127.0.0.1 and no script failed', () => {
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('badges', () => {
  test('each kind of organisation and of public body shows its own label, not the page kind', async () => {
    const orgs = ORG_KIND.values.flatMap((k) => dir.coops.filter((c) => c.kind === k).slice(0, 1));
    const bodies = ['都道府県', '市', '特別区', '町', '村'].flatMap((k) =>
      dir.bodies.filter((b) => b.kind === k && dir.contracts.some((c) => c.commissioner === b.id)).slice(0, 1),
    );
    expect(new Set(orgs.map((c) => c.kind)).size).toBeGreaterThanOrEqual(3);
    const cases = [
      ...orgs.map((c) => ({ q: c.name, path: paths.coop(c.id), badge: ORG_KIND.labels[c.kind] })),
      ...bodies.map((b) => ({ q: b.name, path: paths.body(b.id), badge: b.kind as string })),
    ];
    for (const { q, path, badge } of cases) {
      await search(q);
      const item = page.locator(`.search-result[data-url="${SUB_PATH.base}${path}"]`);
      await expect(item.locator('.kind').innerText(), q).resolves.toBe(badge);
    }
  });
});
