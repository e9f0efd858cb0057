/**
 * `npm run bench:search`: search figures from Chromium, printed (no pass/fail).
 *
 * "Stock" is Pagefind's command-line tool with its default settings
 * (`npx pagefind --site dist`, run from an empty folder so no config file is
 * read; BENCH_STOCK_ARGS adds arguments, e.g. the same exclusions as ours:
 * `--force-language ja --exclude-selectors .coop-table --exclude-selectors
 * .print-only`) over the very same built pages, its bundle put beside ours under
 * /pagefind-stock/, queried with its own JS API and its own query handling.
 *
 *  1. recall@5 of the query set (tests/fixtures/search-queries.ts, derived from
 *     content/ and content/search-synonyms.yaml) for stock Pagefind (its
 *     default indexing of the same pages, its own query handling) and for ours,
 *     on the same build, and top-1 of the queries that are exactly a category's
 *     or a public body's name or reading; the size of the search bundle;
 *  2. for a few queries, ours and stock in turn, each from a cold cache: bytes
 *     transferred (Pagefind library, index, result records; our page's script
 *     apart) and time to results, on the real site;
 *  3. the same on a synthetic build of 10,000 co-ops, generated at run time in
 *     a temporary folder (the real content/ plus synthetic co-ops whose names
 *     end in （合成）); nothing reaches content/.
 *
 * "Time to results": ours is the search page's own measure (`data-search-ms`),
 * from the query, with Pagefind and its metadata already loaded, to the first
 * 5 results on screen — index chunks and result records fetched on the way,
 * reranking included. Stock's is the same span through its API: `search(q)`
 * and the records of its first 5 results (then 5 more are fetched, as our
 * page shows 10); "on screen" adds what ours does after that (its 5 results
 * built into the search page's list, the results heading focused, which lays
 * the page out), so both sides have the same finish line. Ours is waited for
 * by an observer, not a check on every animation frame of the measured page.
 * Both with `noWorker: true`. Each query runs BENCH_RUNS times
 * (default 3) per side, alternating; the median time is printed.
 * The static server runs in a child process, as a real server would.
 *
 * DIST_DIR=… reuses a build of the real site (not written to); BENCH_COOPS=10000 sets the
 * synthetic size (0 skips it); BENCH_KEEP=1 keeps the temporary folders;
 * BENCH_SYNTHETIC=<kept folder> measures a kept synthetic build again (only).
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../tests/helpers/browser.ts';
import { loadContentDirectory, loadSearchSynonyms } from '../tests/helpers/content.ts';
import { serveInChild } from '../tests/helpers/search-server.ts';
import { resultPaths, runQuery } from '../tests/helpers/search-page.ts';
import { searchQueries, type SearchQuery } from '../tests/fixtures/search-queries.ts';
import { loadLine, pagefindCli, peakOf, trackNetwork } from './bench-common.ts';
import { writeBuildMarker } from '../src/integrations/build-marker.ts';
import { paths } from '../src/lib/model/paths.ts';
import { SEARCH_BUNDLE } from '../src/search/url.ts';
import type { Directory } from '../src/lib/model/types.ts';

const ROOT = resolve('.');
const COOPS = Number(process.env.BENCH_COOPS ?? 10000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
/** More arguments for stock Pagefind's CLI (none: its defaults), e.g. `--force-language ja --exclude-selectors .coop-table`. */
const STOCK_ARGS = (process.env.BENCH_STOCK_ARGS ?? '').split(/\s+/).filter(Boolean);
/** The stock bundle's folder in the overlay. */
const STOCK = 'pagefind-stock/';
const temps: string[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

/** Runs `astro build` into outDir (with another content folder when given); resolves with seconds and output. */
function build(outDir: string, contentDir?: string): Promise<{ seconds: number; output: string }> {
  return new Promise((ok, fail) => {
    const started = Date.now();
    const env = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: join(outDir, '..', 'cache'),
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
    };
    // Run from the output's parent folder (with node_modules linked there for the prerender chunks' imports): Astro
    // puts its prerender chunks in `<cwd>/.astro/` when outDir lies outside the working directory, which collides
    // with any other build running from the project root at the same time.
    const cwd = join(outDir, '..');
    if (!existsSync(join(cwd, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(cwd, 'node_modules'));
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', ROOT, '--outDir', outDir],
      { cwd, env },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) =>
      code === 0
        ? ok({ seconds: (Date.now() - started) / 1000, output })
        : fail(new Error(`astro build failed:\n${output.slice(-3000)}`)),
    );
  });
}

/**
 * A folder that serves the build as it is, plus stock Pagefind's bundle of the same pages under /pagefind-stock/
 * (the command-line tool, default settings, run from an empty folder so that no pagefind.yml is read).
 */
async function withStockBundle(dist: string, label: string): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'ra-search-overlay-'));
  temps.push(root);
  // A copy, not links: the preview serves no link, and only a whole build (its marker is rewritten below).
  cpSync(dist, root, { recursive: true });
  const cwd = mkdtempSync(join(tmpdir(), 'ra-search-stock-cwd-'));
  temps.push(cwd);
  const before = loadLine();
  const r = await pagefindCli(ROOT, ['--site', dist, '--output-path', join(root, STOCK), ...STOCK_ARGS], cwd);
  if (r.code !== 0) throw new Error(`pagefind CLI failed:\n${r.output.slice(-3000)}`);
  writeBuildMarker(root, '/');
  const pages = /Indexed (\d+) pages?/.exec(r.output)?.[1] ?? '?';
  console.log(
    `stock Pagefind CLI${STOCK_ARGS.length ? ` (${STOCK_ARGS.join(' ')})` : ' (defaults)'} on ${label}: ${pages} pages in ${r.seconds.toFixed(1)} s, peak ${peakOf(r, /pagefind/).toFixed(0)} MB (${before})`,
  );
  return root;
}

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

async function recallReport(browser: Browser, url: string, dir: Directory): Promise<void> {
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

interface Measure {
  q: string;
  results: number;
  /** From the query to the first 5 results on screen (ours) or their records fetched (stock), Pagefind and its metadata already loaded. */
  searchMs: number;
  /**
   * Stock: from the query to its first 5 results on screen as ours are (in the search page's list, title, kind and
   * Pagefind's excerpt, the results heading focused, which lays the page out); ours: the same as searchMs.
   */
  shownMs: number;
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
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
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
  const { searchMs, results } = await page.$eval('site-search', (el) => ({
    searchMs: Number((el as HTMLElement).dataset.searchMs),
    results: Number((el as HTMLElement).dataset.resultCount),
  }));
  await context.close();
  return { q, results, searchMs, shownMs: searchMs, loadMs, bytes: c.bytes, ...c.counts };
}

/**
 * The same query through stock Pagefind's own API from a cold cache: open /search/ (the same page bytes), import its
 * pagefind.js and init; then search and fetch the records of the first 5 results (timed), then 5 more.
 */
async function measureStock(browser: Browser, url: string, root: string, q: string): Promise<Measure> {
  const base = new URL(url).pathname;
  const context = await browser.newContext({ locale: 'ja-JP' });
  const page = await context.newPage();
  const c = byteCounter(page, root, base, STOCK);
  await page.goto(`${url}${paths.search()}`);
  await c.settle();
  const loadMs = await page.evaluate(
    async ({ base, stock }) => {
      const started = performance.now();
      const pf = await import(/* @vite-ignore */ `${base}${stock}pagefind.js`);
      await pf.options({ basePath: `${base}${stock}`, baseUrl: base, noWorker: true });
      await pf.init();
      (window as unknown as { stockPagefind: unknown }).stockPagefind = pf;
      return performance.now() - started;
    },
    { base, stock: STOCK },
  );
  await c.settle();
  const { searchMs, shownMs, results } = await page.evaluate(async (q) => {
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
    return { searchMs, shownMs, results: r.results.length };
  }, q);
  await c.settle();
  await context.close();
  return { q, results, searchMs, shownMs, loadMs, bytes: c.bytes, ...c.counts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

async function transferReport(
  browser: Browser,
  url: string,
  root: string,
  label: string,
  queries: string[],
): Promise<void> {
  console.log(
    `\n## ${label}: one query from a cold cache, ours and stock Pagefind on the same build (server in a child process, no compression; median of ${RUNS} run(s) per side) [${loadLine()}]`,
  );
  console.log(
    'query              side   results  to results*  on screen‡  index load  Pagefind lib    index  records  Pagefind total  (gzip†)  our script  page (HTML/CSS)',
  );
  const sum = {
    ours: { bytes: 0, gzip: 0, ms: [] as number[], shown: [] as number[] },
    stock: { bytes: 0, gzip: 0, ms: [] as number[], shown: [] as number[] },
  };
  for (const q of queries) {
    const runs: Record<'ours' | 'stock', Measure[]> = { ours: [], stock: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.ours.push(await measureOurs(browser, url, root, q));
      runs.stock.push(await measureStock(browser, url, root, q));
    }
    for (const side of ['ours', 'stock'] as const) {
      const m = runs[side].at(-1)!;
      const b = m.bytes;
      const ms = median(runs[side].map((r) => r.searchMs));
      const pagefind = b.pagefindLibrary + b.pagefindIndex + b.pagefindResults;
      sum[side].bytes += pagefind;
      sum[side].gzip += m.pagefindGzip;
      sum[side].ms.push(ms);
      const shown = median(runs[side].map((r) => r.shownMs));
      sum[side].shown.push(shown);
      console.log(
        [
          side === 'ours' ? q.padEnd(24, '　').slice(0, 16) : ''.padEnd(32),
          side.padEnd(6),
          String(m.results).padStart(7),
          `${ms.toFixed(0)} ms`.padStart(12),
          `${shown.toFixed(0)} ms`.padStart(11),
          `${median(runs[side].map((r) => r.loadMs)).toFixed(0)} ms`.padStart(11),
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
      `median time to results ours ${median(sum.ours.ms).toFixed(0)} ms, stock ${median(sum.stock.ms).toFixed(0)} ms (${median(sum.stock.shown).toFixed(0)} ms to its results on screen as ours are)`,
  );
  console.log(
    '* from the query (Pagefind and its metadata loaded) to the first 5 results (ours: on screen; stock: their records fetched); index chunks and records fetched on the way',
  );
  console.log(
    "‡ to the first 5 results on screen for both: stock's put into the search page's list the way ours are (title, kind, Pagefind's excerpt) and the results heading focused, as ours is after a submit (which lays the page out)",
  );
  console.log(
    '† the same Pagefind bytes if JS and JSON were sent gzip-compressed, as static hosts do (Pagefind index files are gzip already)',
  );
}

/** Bytes of the search bundle on disk, by part (index chunks, result records, filters, the rest). */
function bundleSize(dist: string): string {
  const sizeOf = (dir: string): number =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).reduce(
          (n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size),
          0,
        )
      : 0;
  const root = join(dist, 'pagefind');
  const [index, fragment, filter, all] = [
    sizeOf(join(root, 'index')),
    sizeOf(join(root, 'fragment')),
    sizeOf(join(root, 'filter')),
    sizeOf(root),
  ];
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  return `search bundle ${mb(all)}: index ${mb(index)} (${readdirSync(join(root, 'index')).length} chunks), records ${mb(fragment)}, filters ${mb(filter)}`;
}

// ---- synthetic co-ops -------------------------------------------------------

/** A small deterministic PRNG, so every run builds the same synthetic data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const MORAE = [
  'ミナト',
  'アオバ',
  'ヒカリ',
  'ツムギ',
  'カゼ',
  'ソラ',
  'ミドリ',
  'ハル',
  'コモレビ',
  'ナギ',
  'ユイ',
  'ワカバ',
  'サクラ',
  'モリ',
  'ウミ',
  'ホシ',
  'ツバサ',
  'アカリ',
  'ノゾミ',
  'イブキ',
  'カナデ',
  'シズク',
  'トモシビ',
  'マドカ',
];
const ENDINGS = [
  'ワーク',
  'ネット',
  'ファーム',
  'サポート',
  'ケア',
  'ラボ',
  'ハウス',
  'キッチン',
  'の会',
  '工房',
  '舎',
  'ステーション',
];
const FORMS = [
  (n: string) => `労働者協同組合${n}`,
  (n: string) => `${n}労働者協同組合`,
  (n: string) => `労働者協同組合ワーカーズコープ・${n}`,
  (n: string) => `労働者協同組合ワーカーズ・コレクティブ${n}`,
];

/** One synthetic co-op's name part, municipality and category, for the queries. */
interface Sample {
  name: string;
  muni: string;
  category: string;
}

/** The real content/ plus `n` synthetic co-ops in real municipalities and categories, doing things real entries list. */
function writeSyntheticContent(dir: string, n: number, real: Directory): Sample {
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const rand = prng(n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const munis = real.bodies.filter((b) => ['市', '町', '村', '特別区', '区'].includes(b.kind) && b.prefecture);
  const phrases = [
    ...new Set(
      real.coops
        .flatMap((c) => [...(c.business ?? []), ...(c.services ?? []).flatMap((g) => g.items)])
        .filter((s) => s.length <= 20),
    ),
  ];
  const source = [
    { title: '合成データ（検索ベンチマーク用）', document: 'bench-search.ts が実行時に生成', asOf: '2025-10-01' },
  ];
  const names = new Set(real.coops.map((c) => c.name));
  let sample: Sample = { name: '', muni: '', category: '' };
  for (let i = 0; i < n; i++) {
    let core: string;
    let name: string;
    do {
      core = `${pick(MORAE)}${pick(MORAE)}${pick(ENDINGS)}`;
      name = `${pick(FORMS)(core)}（合成）`;
    } while (names.has(name));
    names.add(name);
    const muni = pick(munis);
    const cats = [...new Set([pick(real.categories), pick(real.categories)])];
    writeFileSync(
      join(dir, 'coops', `bench-search-${String(i).padStart(5, '0')}.yaml`),
      stringify({
        name,
        reading:
          core
            .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
            .replace(/[^\u3041-\u309f\u30fc]/g, '') || 'ごうせい',
        kind: 'coop',
        legalForm: '労働者協同組合',
        prefecture: muni.prefecture,
        municipality: muni.id,
        categories: cats.map((c) => c.id),
        summary: `${muni.name}で${cats.map((c) => c.name).join('と')}の仕事をしている労働者協同組合です（検索ベンチマーク用の合成データ）。`,
        business: [pick(phrases), pick(phrases)],
        sources: source,
      }),
    );
    if (i === Math.floor(n / 2)) sample = { name: core, muni: muni.name, category: cats[0]!.name };
  }
  return sample;
}

// ---- main --------------------------------------------------------------------

/** Thrown to skip the real site's figures when only an earlier synthetic build is measured again. */
class SkipReal extends Error {}

const browser = await launch();
try {
  const dir = loadContentDirectory();
  let dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : '';
  if (!dist) {
    const work = mkdtempSync(join(tmpdir(), 'ra-search-real-'));
    temps.push(work);
    dist = join(work, 'dist');
    const b = await build(dist);
    console.log(`real site built in ${b.seconds.toFixed(1)} s; ${/検索索引[^\n]*/.exec(b.output)?.[0] ?? ''}`);
  }
  console.log(`real site: ${bundleSize(dist)}`);
  const realRoot = await withStockBundle(dist, 'the real site');
  const real = await serveInChild(realRoot);
  try {
    if (process.env.BENCH_SYNTHETIC) throw new SkipReal();
    await recallReport(browser, real.url, dir);
    const qs = searchQueries(dir, loadSearchSynonyms());
    const byType = (t: string) => qs.find((q) => q.type === t)?.q;
    const picks = [
      '名称の一部',
      'ひらがな入力',
      '地域＋分野',
      '事業・サービス（委託）',
      '分野',
      '分野の事業',
      'ふだんの言葉',
      '自治体のよみ',
    ]
      .map(byType)
      .filter((q): q is string => Boolean(q));
    await transferReport(browser, real.url, realRoot, `real site (${dir.coops.length} organisations)`, picks);
  } catch (e) {
    if (!(e instanceof SkipReal)) throw e;
  } finally {
    real.stop();
  }

  if (COOPS > 0) {
    // BENCH_SYNTHETIC=<folder kept by BENCH_KEEP> measures an earlier synthetic build again.
    const reuse = process.env.BENCH_SYNTHETIC;
    const work = reuse ?? mkdtempSync(join(tmpdir(), 'ra-search-synthetic-'));
    let sample: Sample;
    if (reuse) {
      sample = JSON.parse(readFileSync(join(work, 'sample.json'), 'utf8')) as Sample;
    } else {
      temps.push(work);
      sample = writeSyntheticContent(join(work, 'content'), COOPS, dir);
      writeFileSync(join(work, 'sample.json'), JSON.stringify(sample));
      const b = await build(join(work, 'dist'), join(work, 'content'));
      console.log(
        `\nsynthetic site: ${COOPS} synthetic co-ops + the real content, built in ${b.seconds.toFixed(1)} s; ${/検索索引[^\n]*/.exec(b.output)?.[0] ?? ''}`,
      );
    }
    console.log(`synthetic site: ${bundleSize(join(work, 'dist'))}`);
    const syntheticRoot = await withStockBundle(join(work, 'dist'), `${COOPS} synthetic co-ops`);
    const synthetic = await serveInChild(syntheticRoot);
    try {
      const qs = searchQueries(dir, loadSearchSynonyms());
      const service = qs.find((q) => q.type === '事業・サービス（委託）')?.q;
      // An everyday word searches its alternatives too: the costliest kind of query now.
      const everyday = qs.filter((q) => q.type === 'ふだんの言葉').map((q) => q.q);
      const picks = [
        sample.name,
        `${sample.muni} ${sample.category}`,
        sample.category,
        ...(service ? [service] : []),
        ...everyday.slice(0, 2),
      ];
      await transferReport(browser, synthetic.url, syntheticRoot, `${COOPS} synthetic co-ops`, picks);
    } finally {
      synthetic.stop();
    }
  }
} finally {
  await browser.close();
  if (!process.env.BENCH_KEEP) for (const t of temps) rmSync(t, { recursive: true, force: true });
  else console.log(`\nkept: ${temps.join(' ')}`);
}
