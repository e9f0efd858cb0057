/**
 * Search in Chromium against the built site, with every request that leaves
 * 127.0.0.1 blocked: the query set (tests/fixtures/search-queries.ts, derived
 * from content/) must find its pages in the top 5; filters return exactly the
 * pages content/ says; the page works without JavaScript; the header form on
 * a content page leads to the search page; the URL holds the state; and the
 * search works at a sub-path.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST, requireDist } from '../helpers/dist.ts';
import { launch, localOnlyContext } from '../helpers/browser.ts';
import { loadContentDirectory, loadSearchSynonyms } from '../helpers/content.ts';
import { serveInChild } from '../helpers/search-server.ts';
import { resultPaths as shownPaths, runQuery } from '../helpers/search-page.ts';
import { buildSite } from '../helpers/build.ts';
import { filterCases, searchQueries } from '../fixtures/search-queries.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { sortByReading } from '../../src/lib/model/sort.ts';
import { kindLabel } from '../../src/search/facets.ts';
import { normalizeForSearch } from '../../src/lib/model/normal-form.ts';
import { planQuery } from '../../src/search/query.ts';
import { SEARCH_BUNDLE } from '../../src/search/url.ts';
import { axeViolations } from '../helpers/axe.ts';

const dir = loadContentDirectory();
let browser: Browser;
let server: { url: string; stop: () => void };
let context: BrowserContext;
let blocked: string[];
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  requireDist();
  server = await serveInChild(DIST);
  browser = await launch();
  ({ context, blocked } = await localOnlyContext(browser));
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}${paths.search()}`);
});
afterAll(async () => {
  await browser?.close();
  server?.stop();
});

/** Runs a query in the already open search page and returns the result paths (relative to the base), in order. */
async function search(q: string): Promise<string[]> {
  await runQuery(page, q);
  return resultPaths();
}

/** The result paths shown now, relative to the base. */
function resultPaths(): Promise<string[]> {
  return shownPaths(page, new URL(server.url).pathname);
}

/** Every result of the current search: presses さらに表示 until it disappears. */
async function allResultPaths(): Promise<string[]> {
  for (let i = 0; i < 100 && (await page.isVisible('[data-more]')); i++) {
    const before = await page.locator('.search-result').count();
    await page.click('[data-more]');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n, before);
  }
  return resultPaths();
}

describe('the query set', () => {
  const synonyms = loadSearchSynonyms();
  const queries = searchQueries(dir, synonyms);
  test('has at least 50 queries of many kinds, service words, everyday words and readings among them', () => {
    expect(queries.length).toBeGreaterThanOrEqual(50);
    const types = new Set(queries.map((q) => q.type));
    expect(types.size).toBeGreaterThanOrEqual(10);
    for (const t of ['分野の事業', '委託事業と分野', '自治体のよみ', '分野', '自治体名']) expect(types, t).toContain(t);
    if (synonyms.groups.length) expect(types).toContain('ふだんの言葉');
  });
  test.each(queries.map((q) => [q.type, q.q, q]))(
    '%s: 「%s」 finds its pages in the top 5',
    async (_type, _q, query) => {
      const shown = await search(query.q);
      const top5 = shown.slice(0, 5);
      for (const p of query.expect) expect(top5, `${query.q} → ${p}`).toContain(p);
      if (query.top) expect(query.top, `${query.q}: first result ${shown[0]}`).toContain(shown[0]);
    },
  );
  test('no request left 127.0.0.1 and no script failed', () => {
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('filters', () => {
  test.each(filterCases(dir).map((f) => [JSON.stringify(f.filters), f]))(
    '%s returns exactly the pages content/ gives',
    async (_label, f) => {
      const params = new URLSearchParams(Object.entries(f.filters).flatMap(([k, vs]) => vs.map((v) => [k, v])));
      await page.goto(`${server.url}${paths.search()}?${params}`);
      await page.waitForSelector('site-search[data-state="done"]');
      expect((await allResultPaths()).sort()).toEqual(f.expect);
      // The facets show the selection, checked.
      for (const [k, vs] of Object.entries(f.filters))
        for (const v of vs) expect(await page.isChecked(`input[name="${k}"][value="${v}"]`)).toBe(true);
    },
  );
  test('ticking a facet narrows a query and writes the filter into the URL', async () => {
    const f = filterCases(dir)[0]!;
    const [kind] = f.filters.kind!;
    const [prefecture] = f.filters.prefecture!;
    await page.goto(`${server.url}${paths.search()}?kind=${encodeURIComponent(kind!)}`);
    await page.waitForSelector('site-search[data-state="done"]');
    const label = page.locator('label', { has: page.locator(`input[name="prefecture"][value="${prefecture}"]`) });
    await expect(label.innerText()).resolves.toMatch(new RegExp(`${prefecture}\\s*${f.expect.length}件`));
    await label.click();
    await page.waitForFunction(
      (p) =>
        new URLSearchParams(location.search).get('prefecture') === p &&
        document.querySelector<HTMLElement>('site-search')!.dataset.state === 'done',
      prefecture,
    );
    expect((await allResultPaths()).sort()).toEqual(f.expect);
  });
});

describe('results and focus', () => {
  test('a result snippet separates labels from values and marks the matched words', async () => {
    const body = dir.bodies.find((b) => b.kind === '市' && dir.coops.some((c) => c.municipality === b.id))!;
    await page.goto(`${server.url}${paths.search()}`);
    await search(body.reading);
    const item = page.locator(`.search-result[data-url$="/${paths.body(body.id)}"]`);
    const text = await item.locator('.excerpt').innerText();
    // The passage starts shortly before the first match: the reading, between its label and the next one.
    expect(text).toContain(`よみ：${body.reading} ／ `);
    expect(text).not.toContain(`${body.kind}全国地方公共団体コード`);
    expect(await item.locator('.excerpt mark').allInnerTexts()).toContain(body.reading);
  });
  test('an everyday word finds the other words of its group, marked', async () => {
    const group = loadSearchSynonyms().groups[0];
    expect(group, 'content/search-synonyms.yaml has a group').toBeDefined();
    const [typed, ...others] = [...group!.words].sort((a, b) => a.length - b.length);
    await page.goto(`${server.url}${paths.search()}`);
    await search(typed!);
    const marks = (await page.locator('.search-result .excerpt mark').allInnerTexts()).map(normalizeForSearch);
    const otherWords = others.map(normalizeForSearch).filter((w) => !w.includes(normalizeForSearch(typed!)));
    expect(
      marks.some((m) => otherWords.some((w) => m.includes(w))),
      `${typed} → ${marks.join(' ')}`,
    ).toBe(true);
  });
  test('pages that hold the words only in their text follow the ranked ones, shown after them, and the count includes them', async () => {
    // Asked of the bundle directly: our encoded search and Pagefind's own words, as the page makes them.
    await page.goto(`${server.url}${paths.search()}`);
    const base = new URL(server.url).pathname;
    // Everyday words (our fields fill the first screen) and organisations' names (our fields find the one or few).
    const names = sortByReading(dir.coops).map((c) => c.name);
    const candidates = ['支援', '地域', '福祉', '仕事', '事業', '協同', ...names].map((q) => ({
      q,
      terms: planQuery(q).terms,
    }));
    // A string, not a function: vitest would rewrite the function's import() into its own loader.
    const counts = (await page.evaluate(`(async () => {
      const bundle = ${JSON.stringify(`${base}${SEARCH_BUNDLE}`)};
      const pf = await import(bundle + 'pagefind.js');
      await pf.options({ basePath: bundle, baseUrl: ${JSON.stringify(base)}, noWorker: true });
      const out = [];
      for (const c of ${JSON.stringify(candidates)}) {
        const ours = new Set((await pf.search(c.terms)).results.map((r) => r.id));
        const text = (await pf.search(c.q)).results.map((r) => r.id);
        out.push({ q: c.q, ours: ours.size, onlyText: text.filter((id) => !ours.has(id)).length });
      }
      return out;
    })()`)) as Array<{ q: string; ours: number; onlyText: number }>;
    // A word whose encoded search fills the first screen, so the text's pages are searched after it is shown.
    const pick = counts.find((c) => c.ours >= 5 && c.onlyText > 0);
    expect(pick, JSON.stringify(counts)).toBeDefined();
    await page.goto(`${server.url}${paths.search()}`);
    await search(pick!.q);
    const n = Number(await page.$eval('site-search', (el) => (el as HTMLElement).dataset.resultCount));
    expect(n).toBe(pick!.ours + pick!.onlyText);
    expect(await page.textContent('[data-results-heading]')).toContain(`（${n}件）`);
    expect(await page.textContent('[data-status]')).toContain(`${n}件`);
    expect(await allResultPaths()).toHaveLength(n);

    // A name our fields find on fewer than a screen's pages: those are shown first, without waiting for the text's.
    const few = counts.find((c) => c.ours > 0 && c.ours < 5 && c.onlyText > 0);
    expect(few, JSON.stringify(counts)).toBeDefined();
    await page.goto(`${server.url}${paths.search()}`);
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('site-search')!;
      const seen = window as unknown as { firstShown?: number };
      new MutationObserver(() => {
        seen.firstShown ??= el.querySelectorAll('[data-results] > li').length;
      }).observe(el, { attributes: true, attributeFilter: ['data-search-ms'] });
    });
    await search(few!.q);
    expect(await page.evaluate(() => (window as unknown as { firstShown?: number }).firstShown)).toBe(few!.ours);
    const all = Number(await page.$eval('site-search', (el) => (el as HTMLElement).dataset.resultCount));
    expect(all).toBe(few!.ours + few!.onlyText);
    expect(await page.textContent('[data-results-heading]')).toContain(`（${all}件）`);
  });
  test('submitting moves focus to the results heading, which says the count; typing leaves focus in the box', async () => {
    const cat = dir.categories[0]!;
    await page.goto(`${server.url}${paths.search()}`);
    await search(cat.name);
    const focused = await page.evaluate(() => ({
      attr: document.activeElement?.hasAttribute('data-results-heading'),
      text: document.activeElement?.textContent ?? '',
    }));
    expect(focused.attr).toBe(true);
    const n = await page.$eval('site-search', (el) => (el as HTMLElement).dataset.resultCount);
    expect(focused.text).toContain(`${n}件`);
    expect(await page.getAttribute('[data-status]', 'aria-live')).toBe('polite');
    expect(await page.textContent('[data-status]')).toContain(`${n}件`);
    // Typing: results follow after a pause, focus stays where the person types.
    await page.fill('#search-q', '');
    await page.type('#search-q', dir.categories[1]!.name);
    await page.waitForFunction(
      (q) =>
        document.querySelector<HTMLElement>('site-search')!.dataset.query === q &&
        document.querySelector<HTMLElement>('site-search')!.dataset.state === 'done',
      dir.categories[1]!.name,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });
  test('arriving from the header form of another page puts focus on the results heading', async () => {
    const p = await context.newPage();
    await p.goto(`${server.url}${paths.search()}?q=${encodeURIComponent(dir.categories[0]!.name)}`);
    await p.waitForSelector('site-search[data-state="done"]');
    expect(await p.evaluate(() => document.activeElement?.hasAttribute('data-results-heading'))).toBe(true);
    await p.close();
  });
});

describe('the page around the search', () => {
  test('the query lives in the URL, and Back restores the previous search', async () => {
    const [a, b] = [dir.categories[0]!.name, dir.categories[1]!.name];
    await page.goto(`${server.url}${paths.search()}`);
    await search(a);
    await search(b);
    expect(new URL(page.url()).searchParams.get('q')).toBe(b);
    await page.goBack();
    await page.waitForFunction((a) => document.querySelector<HTMLElement>('site-search')!.dataset.query === a, a);
    expect(await page.inputValue('#search-q')).toBe(a);
    expect((await resultPaths()).slice(0, 5)).toContain(paths.category(dir.categories[0]!.id));
  });

  test('the header form on a content page leads to /search/?q= and its results', async () => {
    const coop = sortByReading(dir.coops.filter((c) => c.kind === 'coop'))[0]!;
    const p = await context.newPage();
    const scripts: string[] = [];
    p.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await p.goto(`${server.url}${paths.coop(coop.id)}`);
    await p.fill('#header-search-q', coop.name);
    await Promise.all([p.waitForURL(/\/search\/\?q=/), p.press('#header-search-q', 'Enter')]);
    expect(new URL(p.url()).searchParams.get('q')).toBe(coop.name);
    await p.waitForSelector('site-search[data-state="done"]');
    const base = new URL(server.url).pathname;
    const urls = await p.$$eval('.search-result', (items) => items.map((li) => (li as HTMLElement).dataset.url ?? ''));
    expect(urls.slice(0, 5).map((u) => u.slice(base.length))).toContain(paths.coop(coop.id));
    // The content page itself ran no script; only the search page loaded one.
    expect(scripts.every((u) => !u.includes(paths.coop(coop.id)))).toBe(true);
    await p.close();
  });

  test('without JavaScript the search page leads to the lists', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
    const p = await noJs.newPage();
    await p.goto(`${server.url}${paths.search()}?q=${encodeURIComponent(dir.categories[0]!.name)}`);
    expect(await p.isVisible('[data-noscript]')).toBe(true);
    for (const path of [paths.coops(), paths.bodies(), paths.categories(), paths.category(dir.categories[0]!.id)]) {
      const link = p.locator(`.fallback a[href="${new URL(server.url).pathname}${path}"]`);
      expect(await link.count(), path).toBeGreaterThan(0);
    }
    const [response] = await Promise.all([p.waitForNavigation(), p.click(`.fallback a[href$="/${paths.coops()}"]`)]);
    expect(response?.status()).toBe(200);
    await noJs.close();
  });
});

describe('loading', () => {
  test('the index loads once the page is idle, before anyone touches the search box', async () => {
    const fresh = await context.newPage();
    const loaded: string[] = [];
    fresh.on('request', (r) => {
      if (r.url().includes('pagefind')) loaded.push(r.url());
    });
    await fresh.goto(`${server.url}${paths.search()}`);
    await fresh.waitForFunction(() => document.querySelector('site-search')?.getAttribute('data-ready') === 'true');
    expect(loaded.some((u) => u.endsWith('pagefind.js'))).toBe(true);
    expect(await fresh.evaluate(() => document.activeElement?.id)).not.toBe('search-q');
    // Warming up the first search (a search for a word no index holds) reads at most one index chunk, and no record.
    expect(loaded.filter((u) => u.includes('/index/')).length).toBeLessThanOrEqual(1);
    expect(loaded.filter((u) => u.includes('/fragment/'))).toEqual([]);
    await fresh.close();
  });
});

describe('accessibility', () => {
  test('axe finds no WCAG 2.2 AA problem on the search page with results, facets and a selection', async () => {
    const cat = dir.categories[0]!;
    await page.goto(
      `${server.url}${paths.search()}?q=${encodeURIComponent(cat.name)}&kind=${encodeURIComponent(kindLabel('coop'))}`,
    );
    await page.waitForSelector('site-search[data-state="done"]');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
});

describe('at a sub-path', () => {
  test(
    'a site built for /roukyou-atlas/ finds its pages from the bundle under that path',
    { timeout: 300_000 },
    async () => {
      const base = '/roukyou-atlas/';
      const built = buildSite({ CONTENT_DIR: 'tests/fixtures/valid', BASE_PATH: base });
      expect(built.status, built.output).toBe(0);
      const fixture = loadContentDirectory('tests/fixtures/valid');
      const sub = await serveInChild(built.outDir, base);
      const { context: ctx, blocked: subBlocked } = await localOnlyContext(browser);
      const p = await ctx.newPage();
      const requests: string[] = [];
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
      try {
        const coop = fixture.coops[0]!;
        await p.goto(`${sub.url}${paths.search()}?q=${encodeURIComponent(coop.name)}`);
        await p.waitForSelector('site-search[data-state="done"]');
        const urls = await p.$$eval('.search-result a', (as) =>
          as.map((a) => (a as HTMLAnchorElement).getAttribute('href')),
        );
        expect(urls).toContain(`${base}${paths.coop(coop.id)}`);
        expect(requests.filter((r) => !r.startsWith(base))).toEqual([]);
        expect(subBlocked).toEqual([]);
      } finally {
        await ctx.close();
        sub.stop();
      }
    },
  );
});
