/**
 * One query from a cold cache on our search page and through stock Pagefind's own API, for bench-search.ts: bytes by
 * kind (Pagefind library, index, result records, also gzipped; our page's script apart) and time to results, the
 * median of `runs` per side, alternating. Each run opens its page with quietPage (a new browser context, then a
 * wait for a quiet machine: the new window's own start-up) before it loads it, on both sides alike.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { loadLine, quietPage, trackNetwork } from './bench-common.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { SEARCH_BUNDLE } from '../../src/search/url.ts';
import { STOCK } from './search-stock.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

interface Measure {
  q: string;
  results: number;
  /**
   * From the query to the first results on screen (ours: up to 5 found in our fields; the pages found only in their
   * text follow) or the records of the first 5 fetched (stock), Pagefind and its metadata already loaded.
   */
  searchMs: number;
  /**
   * Stock: from the query to its first 5 results on screen as ours are (in the search page's list, title, kind and
   * Pagefind's excerpt, the results heading focused, which lays the page out); ours: the same as searchMs.
   */
  shownMs: number;
  /**
   * To the first page: ours, the first ten results on screen, the pages found only in their text included (shown after
   * the first results); stock, the records of its first ten fetched (its first five on screen on the way).
   */
  firstPageMs: number;
  /** From focusing the search box (ours) or importing the library (stock) on a fresh page to Pagefind being ready, timed in the page. */
  loadMs: number;
  bytes: { pagefindLibrary: number; pagefindIndex: number; pagefindResults: number; script: number; page: number };
  /** Pagefind bytes if text responses (JS, JSON) were sent gzipped, as static hosts do; Pagefind's index files already are. */
  pagefindGzip: number;
  external: number;
}

/** Counts every response of the page by kind; `bundle` is the Pagefind folder whose bytes count as search bytes. */
function byteCounter(page: Page, root: string, base: string, bundle: string) {
  const bytes = { pagefindLibrary: 0, pagefindIndex: 0, pagefindResults: 0, script: 0, page: 0 };
  const counts = { pagefindGzip: 0, external: 0 };
  const net = trackNetwork(page, async (r) => {
    const u = new URL(r.url());
    if (u.hostname !== '127.0.0.1') counts.external++;
    const s = await r.sizes();
    const n = s.responseBodySize + s.responseHeadersSize;
    const p = u.pathname;
    const inBundle = p.startsWith(`${base}${bundle}`);
    if (inBundle && /\/fragment\//.test(p)) bytes.pagefindResults += n;
    else if (inBundle && /\/(index|filter)\/|\.pf_meta$|pagefind-entry\.json$/.test(p)) bytes.pagefindIndex += n;
    else if (inBundle) bytes.pagefindLibrary += n;
    else if (/\/_astro\/.*\.js$/.test(p)) bytes.script += n;
    else if (!/\/pagefind(-stock)?\//.test(p)) bytes.page += n;
    // The served file itself, gzipped (reading the response body back through the browser is not reliable here).
    if (inBundle)
      counts.pagefindGzip += /\.(js|json)$/.test(p)
        ? gzipSync(readFileSync(join(root, decodeURIComponent(p.slice(base.length))))).length + s.responseHeadersSize
        : n;
  });
  return { bytes, counts, settle: () => net.settle() };
}

/**
 * One query on our search page from a cold cache, as a visitor makes it: open /search/, focus the box (which loads
 * Pagefind), wait until it is ready, type the query and press Enter; then wait for the network to be quiet.
 */
async function measureOurs(browser: Browser, url: string, root: string, q: string): Promise<Measure> {
  const base = new URL(url).pathname;
  const { context, page } = await quietPage(browser);
  const c = byteCounter(page, root, base, SEARCH_BUNDLE);
  await page.goto(`${url}${paths.search()}`);
  await c.settle();
  // Timed in the page (as stock's is): focusing the box loads Pagefind; data-ready is set once it is initialised.
  const loadMs = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        const el = document.querySelector<HTMLElement>('site-search')!;
        const started = performance.now();
        const check = () => el.dataset.ready && (observer.disconnect(), done(performance.now() - started));
        const observer = new MutationObserver(check);
        observer.observe(el, { attributes: true, attributeFilter: ['data-ready'] });
        document.querySelector<HTMLInputElement>('#search-q')!.focus();
        check();
      }),
  );
  await c.settle();
  await page.fill('#search-q', q);
  // Waited for by an observer in the page rather than page.waitForFunction, which runs its check on every animation
  // frame in the page being measured (stock's figure has no such guest); it is set before the query is sent.
  const done = page.evaluate(
    (q) =>
      new Promise<void>((resolve, reject) => {
        const el = document.querySelector<HTMLElement>('site-search')!;
        const check = () => el.dataset.state === 'done' && el.dataset.query === q && (observer.disconnect(), resolve());
        const observer = new MutationObserver(check);
        observer.observe(el, { attributes: true, attributeFilter: ['data-state', 'data-query'] });
        check();
        setTimeout(() => reject(new Error(`no results for ${q} after 120 s`)), 120_000);
      }),
    q,
  );
  await page.press('#search-q', 'Enter');
  await done;
  await c.settle();
  const { searchMs, firstPageMs, results } = await page.$eval('site-search', (el) => ({
    searchMs: Number((el as HTMLElement).dataset.searchMs),
    firstPageMs: Number((el as HTMLElement).dataset.firstPageMs),
    results: Number((el as HTMLElement).dataset.resultCount),
  }));
  await context.close();
  return { q, results, searchMs, shownMs: searchMs, firstPageMs, loadMs, bytes: c.bytes, ...c.counts };
}

/**
 * The same query through stock Pagefind's own API from a cold cache: open /search/ (the same page bytes), import its
 * pagefind.js and init; then search and fetch the records of the first 5 results (timed), then 5 more.
 */
async function measureStock(browser: Browser, url: string, root: string, q: string): Promise<Measure> {
  const base = new URL(url).pathname;
  const { context, page } = await quietPage(browser);
  const c = byteCounter(page, root, base, STOCK);
  await page.goto(`${url}${paths.search()}`);
  await c.settle();
  const loadMs = await page.evaluate(
    async ({ base, stock }) => {
      const started = performance.now();
      const pf = await import(/* @vite-ignore */ `${base}${stock}pagefind.js`);
      // Pagefind's default, as ours: searches in its web worker.
      await pf.options({ basePath: `${base}${stock}`, baseUrl: base });
      await pf.init();
      (window as unknown as { stockPagefind: unknown }).stockPagefind = pf;
      return performance.now() - started;
    },
    { base, stock: STOCK },
  );
  await c.settle();
  const { searchMs, shownMs, firstPageMs, results } = await page.evaluate(async (q) => {
    type D = { url: string; excerpt: string; meta: Record<string, string | undefined> };
    type R = { data: () => Promise<D> };
    const pf = (window as unknown as { stockPagefind: { search: (q: string) => Promise<{ results: R[] }> } })
      .stockPagefind;
    const t = performance.now();
    const r = await pf.search(q);
    const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
    const searchMs = performance.now() - t;
    // The same finish line as ours: the results in the page's list, built as ours are, and the heading focused.
    document.querySelector('[data-results]')!.replaceChildren(
      ...data.map((d) => {
        const li = document.createElement('li');
        li.className = 'search-result';
        const a = li.appendChild(document.createElement('h3')).appendChild(document.createElement('a'));
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        const meta = li.appendChild(document.createElement('p'));
        meta.className = 'meta';
        if (d.meta.kind)
          Object.assign(meta.appendChild(document.createElement('span')), {
            className: 'kind',
            textContent: d.meta.kind,
          });
        meta.append(d.meta.municipality ?? '');
        Object.assign(li.appendChild(document.createElement('p')), { className: 'excerpt', innerHTML: d.excerpt });
        return li;
      }),
    );
    const heading = document.querySelector<HTMLElement>('[data-results-heading]')!;
    heading.hidden = false;
    heading.textContent = `「${q}」の検索結果（${r.results.length}件）`;
    heading.focus();
    const shownMs = performance.now() - t;
    await Promise.all(r.results.slice(5, 10).map((x) => x.data()));
    return { searchMs, shownMs, firstPageMs: performance.now() - t, results: r.results.length };
  }, q);
  await c.settle();
  await context.close();
  return { q, results, searchMs, shownMs, firstPageMs, loadMs, bytes: c.bytes, ...c.counts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Prints, per query and side, bytes and times from a cold cache (median of `runs`), then the means and medians. */
export async function transferReport(
  browser: Browser,
  url: string,
  root: string,
  label: string,
  queries: string[],
  runs: number,
): Promise<void> {
  console.log(
    `\n## ${label}: one query from a cold cache, ours and stock Pagefind on the same build (server in a child process, no compression; median of ${runs} run(s) per side) [${loadLine()}]`,
  );
  console.log(
    'query              side   results  to results*  on screen‡  ratio§  first page¶  index load  Pagefind lib    index  records  Pagefind total  (gzip†)  our script  page (HTML/CSS)',
  );
  const ratios: Array<{ q: string; time: number; bytes: number }> = [];
  const sum = {
    ours: { bytes: 0, gzip: 0, ms: [] as number[], shown: [] as number[], page: [] as number[] },
    stock: { bytes: 0, gzip: 0, ms: [] as number[], shown: [] as number[], page: [] as number[] },
  };
  for (const q of queries) {
    const measured: Record<'ours' | 'stock', Measure[]> = { ours: [], stock: [] };
    for (let i = 0; i < runs; i++) {
      measured.ours.push(await measureOurs(browser, url, root, q));
      measured.stock.push(await measureStock(browser, url, root, q));
    }
    // Pair by pair (run i of ours against run i of stock, measured one after the other), then the median.
    const time = median(measured.ours.map((o, i) => o.shownMs / measured.stock[i]!.shownMs));
    const total = (m: Measure) => m.bytes.pagefindLibrary + m.bytes.pagefindIndex + m.bytes.pagefindResults;
    const bytes = total(measured.ours.at(-1)!) / total(measured.stock.at(-1)!);
    ratios.push({ q, time, bytes });
    for (const side of ['ours', 'stock'] as const) {
      const m = measured[side].at(-1)!;
      const b = m.bytes;
      const ms = median(measured[side].map((r) => r.searchMs));
      const pagefind = b.pagefindLibrary + b.pagefindIndex + b.pagefindResults;
      sum[side].bytes += pagefind;
      sum[side].gzip += m.pagefindGzip;
      sum[side].ms.push(ms);
      const shown = median(measured[side].map((r) => r.shownMs));
      sum[side].shown.push(shown);
      const firstPage = median(measured[side].map((r) => r.firstPageMs));
      sum[side].page.push(firstPage);
      console.log(
        [
          side === 'ours' ? q.padEnd(24, '　').slice(0, 16) : ''.padEnd(32),
          side.padEnd(6),
          String(m.results).padStart(7),
          `${ms.toFixed(0)} ms`.padStart(12),
          `${shown.toFixed(0)} ms`.padStart(11),
          (side === 'ours' ? `${time.toFixed(2)}×` : '').padStart(7),
          `${firstPage.toFixed(0)} ms`.padStart(12),
          `${median(measured[side].map((r) => r.loadMs)).toFixed(0)} ms`.padStart(11),
          kb(b.pagefindLibrary).padStart(13),
          kb(b.pagefindIndex).padStart(8),
          kb(b.pagefindResults).padStart(8),
          kb(pagefind).padStart(15),
          kb(m.pagefindGzip).padStart(8),
          kb(b.script).padStart(11),
          kb(b.page).padStart(16),
          m.external ? ` ${m.external} external!` : '',
        ].join(' '),
      );
    }
  }
  const n = queries.length;
  console.log(
    `mean per query: ours ${kb(sum.ours.bytes / n)} (${kb(sum.ours.gzip / n)} gzip), stock ${kb(sum.stock.bytes / n)} (${kb(sum.stock.gzip / n)} gzip): ${(sum.ours.bytes / sum.stock.bytes).toFixed(2)}× the bytes; ` +
      `median time to results ours ${median(sum.ours.ms).toFixed(0)} ms, stock ${median(sum.stock.ms).toFixed(0)} ms (${median(sum.stock.shown).toFixed(0)} ms to its results on screen as ours are); to the first page ours ${median(sum.ours.page).toFixed(0)} ms, stock ${median(sum.stock.page).toFixed(0)} ms`,
  );
  const slower = ratios.filter((r) => r.time > 1);
  console.log(
    `per query, ours ÷ stock to results on screen (pair by pair, median): ${ratios.map((r) => `${r.q} ${r.time.toFixed(2)}×`).join(', ')}; ` +
      `${ratios.length - slower.length} of ${ratios.length} at or under 1×${slower.length ? ` (over: ${slower.map((r) => r.q).join(', ')})` : ''}; ` +
      `bytes ${ratios.map((r) => `${r.bytes.toFixed(2)}×`).join(' ')}`,
  );
  console.log(
    '§ ours ÷ stock, time to the first 5 results on screen, run by run (each pair measured one after the other), the median of the pairs',
  );
  console.log(
    '¶ to the first page: ours, its first ten results on screen, the pages found only in their text included (they follow the first results); stock, the records of its first ten fetched',
  );
  console.log(
    '* from the query (Pagefind and its metadata loaded) to the first results (ours: up to 5 found in our fields, on screen, the pages found only in their text following; stock: the records of its first 5 fetched); index chunks and records fetched on the way',
  );
  console.log(
    "‡ to the first 5 results on screen for both: stock's put into the search page's list the way ours are (title, kind, Pagefind's excerpt) and the results heading focused, as ours is after a submit (which lays the page out)",
  );
  console.log(
    '† the same Pagefind bytes if JS and JSON were sent gzip-compressed, as static hosts do (Pagefind index files are gzip already)',
  );
}
