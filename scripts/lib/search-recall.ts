/**
 * recall@5 of the search query set (tests/fixtures/search-queries.ts) for stock Pagefind and for ours on the same
 * build, by query type, and top-1 of the queries that name a page exactly: the first part of bench-search.ts.
 */
import type { Browser, Page } from 'playwright-core';
import { loadSearchSynonyms } from '../../tests/helpers/content.ts';
import { resultPaths, runQuery } from '../../tests/helpers/search-page.ts';
import { searchQueries, type SearchQuery } from '../../tests/fixtures/search-queries.ts';
import { paths } from '../../src/lib/model/paths.ts';
import type { Directory } from '../../src/lib/model/types.ts';
import { STOCK } from './search-stock.ts';

/** Top-5 paths (relative to the base) of stock Pagefind for each query, run in the search page. */
async function stockTop5(page: Page, base: string, queries: readonly SearchQuery[]): Promise<string[][]> {
  return page.evaluate(
    async ({ qs, base, stock }) => {
      const pf = await import(/* @vite-ignore */ `${base}${stock}pagefind.js`);
      await pf.options({ basePath: `${base}${stock}`, baseUrl: base, noWorker: true });
      await pf.init();
      const out: string[][] = [];
      for (const q of qs) {
        const r = await pf.search(q);
        const data = await Promise.all(
          r.results.slice(0, 5).map((x: { data: () => Promise<{ url: string }> }) => x.data()),
        );
        out.push(data.map((d) => d.url.slice(base.length)));
      }
      return out;
    },
    { qs: queries.map((q) => q.q), base, stock: STOCK },
  );
}

/** Top-5 paths of our search page for one query (typed into the page, as a person would). */
async function oursTop5(page: Page, base: string, q: string): Promise<string[]> {
  await runQuery(page, q);
  return (await resultPaths(page, base)).slice(0, 5);
}

/**
 * recall@5 (expected pages found in the top 5 ÷ expected pages) and queries fully answered, by query type too;
 * top-1 over the queries that name a page exactly (their first result must be that page).
 */
function score(queries: readonly SearchQuery[], tops: readonly string[][]) {
  const rows = new Map<
    string,
    { found: number; expected: number; full: number; n: number; top1: number; topN: number }
  >();
  const all = { found: 0, expected: 0, full: 0, n: 0, top1: 0, topN: 0 };
  const misses: string[] = [];
  const topMisses: string[] = [];
  queries.forEach((q, i) => {
    const found = q.expect.filter((p) => tops[i]!.includes(p)).length;
    const first = q.top ? (q.top.includes(tops[i]![0] ?? '') ? 1 : 0) : 0;
    const row = rows.get(q.type) ?? { found: 0, expected: 0, full: 0, n: 0, top1: 0, topN: 0 };
    for (const r of [row, all]) {
      r.found += found;
      r.expected += q.expect.length;
      r.full += found === q.expect.length ? 1 : 0;
      r.n += 1;
      r.top1 += first;
      r.topN += q.top ? 1 : 0;
    }
    rows.set(q.type, row);
    if (found < q.expect.length) misses.push(q.q);
    if (q.top && !first) topMisses.push(q.q);
  });
  return { all, rows, misses, topMisses };
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;

/** Prints recall@5 and top-1 of stock Pagefind and ours on the site at `url`, overall and by query type. */
export async function recallReport(browser: Browser, url: string, dir: Directory): Promise<void> {
  const queries = searchQueries(dir, loadSearchSynonyms());
  const base = new URL(url).pathname;
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(`${url}${paths.search()}`);
  const stock = score(queries, await stockTop5(page, base, queries));
  const oursTops: string[][] = [];
  for (const q of queries) oursTops.push(await oursTop5(page, base, q.q));
  const ours = score(queries, oursTops);
  await context.close();

  console.log(
    `\n## recall@5 on the real site (${queries.length} queries, ${stock.all.expected} expected pages; same build, same pages)`,
  );
  const top = (s: typeof stock) => `top-1 (exact names) ${pct(s.all.top1, s.all.topN)} (${s.all.top1}/${s.all.topN})`;
  console.log(
    `stock Pagefind: recall@5 ${pct(stock.all.found, stock.all.expected)}, queries fully answered ${stock.all.full}/${stock.all.n}, ${top(stock)}`,
  );
  console.log(
    `ours:           recall@5 ${pct(ours.all.found, ours.all.expected)}, queries fully answered ${ours.all.full}/${ours.all.n}, ${top(ours)}`,
  );
  console.log('\nby query type            stock      ours   (queries)   top-1 stock  ours');
  for (const [type, s] of stock.rows) {
    const o = ours.rows.get(type)!;
    const t = s.topN ? `${pct(s.top1, s.topN).padStart(12)} ${pct(o.top1, o.topN).padStart(6)}` : '';
    console.log(
      `${type.padEnd(22, '　').slice(0, 14)} ${pct(s.found, s.expected).padStart(8)} ${pct(o.found, o.expected).padStart(9)}   (${String(s.n).padStart(3)})   ${t}`,
    );
  }
  if (ours.misses.length) console.log(`ours missed: ${ours.misses.join(' / ')}`);
  if (ours.topMisses.length) console.log(`ours not first: ${ours.topMisses.join(' / ')}`);
  console.log(`stock missed, e.g.: ${stock.misses.slice(0, 12).join(' / ')}`);
  console.log(`stock not first, e.g.: ${stock.topMisses.slice(0, 12).join(' / ')}`);
}
