/**
 * `npm run bench:lighthouse`: Lighthouse (mobile preset, the default) in
 * Debian's Chromium on one page of every type — home, a co-op, a category, a
 * public body with contracts, a generated place page, the co-op list and its
 * longest prefecture page, map, search, a guide, the model project,
 * statistics, open data and an English page — built as for a deploy
 * (SITE_URL set to the address it is then served at, into a temporary folder;
 * `DIST_DIR=dist` measures an existing build instead) and served on 127.0.0.1
 * as a static host serves it (gzip, the built `_headers`). Prints, per page,
 * every audit scoring below 1 (id, title, score, displayed value), then every
 * category's score per page, the load average and Lighthouse's CPU
 * benchmark. Goal: 100 in each. Figures only — no pass/fail.
 *
 * Throttling is Lighthouse's default: simulated (Lantern) slow 4G and a 4×
 * CPU slowdown applied to the main-thread time measured here, so a busy
 * machine inflates TBT and the performance score; the other three categories
 * and most audits do not depend on load. `BENCH_CPU_SLOWDOWN=n` sets another
 * multiplier (the figure printed from Lighthouse's benchmark index is the one
 * its calculator would suggest for this machine); `BENCH_CPU_SLOWDOWN=auto`
 * uses that one, from a first short Lighthouse run's benchmark index.
 * `BENCH_RUNS=n` runs each page n times, prints the audits of its best run
 * and each score's median and range, `BENCH_PAGES=home,map` picks page types
 * by name (`all` for every type in scripts/lib/page-types.ts),
 * `BENCH_REPORT_DIR=dir` keeps each full report (JSON) there, `BENCH_PORT`
 * serves on a fixed port (for a DIST_DIR built with SITE_URL=http://127.0.0.1:<port>/).
 * `BASE_PATH=/sub/` builds (or, with DIST_DIR, serves) the site under that
 * path, as a deploy under a sub-path is served; `BENCH_GZIP=0` serves
 * everything uncompressed (as the figures in issue #27 were taken).
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/chromium.ts';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { cloudflareHeadersFor } from '../tests/helpers/static-hosts.ts';
import { pageTypes } from './lib/page-types.ts';
import { loadLine, median } from './lib/bench-common.ts';

const DEFAULT_PAGES = [
  'home',
  'co-op',
  'category',
  'public body',
  'municipality',
  'co-op list',
  'co-op list of one prefecture',
  'map',
  'search',
  'guide',
  'model project',
  'statistics',
  'open data',
  'en organisation',
];
const wanted =
  process.env.BENCH_PAGES === 'all'
    ? undefined
    : (process.env.BENCH_PAGES?.split(',').map((s) => s.trim()) ?? DEFAULT_PAGES);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));
const slowdownSetting = process.env.BENCH_CPU_SLOWDOWN;
if (slowdownSetting && slowdownSetting !== 'auto' && !(Number(slowdownSetting) > 0))
  throw new Error(`BENCH_CPU_SLOWDOWN は正の数か auto です（${slowdownSetting}）`);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};
const gzipOn = process.env.BENCH_GZIP !== '0';
/** The path the site is served under, as it was built (BASE_PATH), always ending in '/'. */
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const TEXT = /^(text\/|application\/(json|geo\+json|xml)|image\/svg)/;

/**
 * dist/ served as a static host (Cloudflare Pages, Netlify) serves it: the
 * built `_headers` applied (CSP, immutable caching of /_astro/), other files
 * `max-age=0, must-revalidate` (those hosts' default), text gzip-compressed.
 */
function staticHost(root: string, port: number): Promise<Server> {
  const headersFile = join(root, '_headers');
  const headersFor = existsSync(headersFile)
    ? cloudflareHeadersFor(readFileSync(headersFile, 'utf8'))
    : () => new Map<string, string[]>();
  const gzipped = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (urlPath.includes('\0') || urlPath.split('/').includes('..')) return void res.writeHead(400).end();
    if (`${urlPath}/` === basePath) return void res.writeHead(301, { location: basePath }).end();
    if (!urlPath.startsWith(basePath)) return void res.writeHead(404).end();
    const path = `/${urlPath.slice(basePath.length)}`;
    let file = join(root, path, path.endsWith('/') ? 'index.html' : '');
    if (!path.endsWith('/') && existsSync(join(file, 'index.html')))
      return void res.writeHead(301, { location: `${urlPath}/` }).end();
    let status = 200;
    if (!existsSync(file) || !statSync(file).isFile()) [file, status] = [join(root, '404.html'), 404];
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': 'public, max-age=0, must-revalidate',
    };
    for (const [k, v] of headersFor(urlPath)) headers[k] = v.join(', ');
    let body: Buffer = readFileSync(file);
    if (gzipOn && TEXT.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipped.get(file) ?? gzipSync(body, { level: 6 });
      gzipped.set(file, body);
      Object.assign(headers, { 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    }
    res.writeHead(status, { ...headers, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

/** A free port on 127.0.0.1, so the site can be built for the address it is then served at. */
function freePort(): Promise<number> {
  return new Promise((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
const origin = `http://127.0.0.1:${port}/`;
/** `npm run build` (scripts/build.ts) of this project with SITE_URL, into a temporary folder (run from there, node_modules linked, so it shares nothing with dist/). */
function buildFor(site: string): string {
  const work = mkdtempSync(join(tmpdir(), 'ra-lighthouse-'));
  symlinkSync(resolve('node_modules'), join(work, 'node_modules'));
  const r = spawnSync(
    process.execPath,
    [resolve('scripts/build.ts'), '--root', process.cwd(), '--outDir', join(work, 'dist')],
    {
      cwd: work,
      env: {
        ...process.env,
        // A deploy build needs a correction path (src/lib/model/site.ts); the page weight is the same for either,
        // so a measurement with neither set uses the repository's placeholder address (never published).
        ...(process.env.REPO_URL || process.env.CONTACT_EMAIL
          ? {}
          : { REPO_URL: 'https://github.com/example/roukyou-atlas' }),
        SITE_URL: site,
        ASTRO_TELEMETRY_DISABLED: '1',
        ASTRO_CACHE_DIR: join(work, 'cache'),
      },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`build failed:\n${`${r.stdout}\n${r.stderr}`.slice(-3000)}`);
  return join(work, 'dist');
}

let dist: string;
if (process.env.DIST_DIR) dist = resolve(process.env.DIST_DIR);
else {
  // Built as for a deploy (SITE_URL set: canonical, og:url and hreflang absolute), for the address it is served at.
  console.log(`Building the site with SITE_URL=${origin} …`);
  dist = buildFor(origin);
}

/** The multiplier Lighthouse's CPU-throttling calculator suggests for a benchmark index (docs/throttling.md, patrickhulce/lighthouse-cpu-throttling-calculator). */
function suggestedSlowdown(index: number): number {
  if (index >= 1300) return 3 + (index - 1300) / 233;
  if (index >= 800) return 2 + (index - 800) / 500;
  return Math.max(1, 1 + (index - 150) / 650);
}

const server = await staticHost(dist, port);
const url = origin + basePath.slice(1);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
/** Lighthouse's benchmark index of this machine now, from one short run (a single audit) of the home page. */
async function benchmarkIndexNow(port: number): Promise<number> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyAudits: ['viewport'] });
  const index = result?.lhr.environment.benchmarkIndex;
  if (!index) throw new Error('Lighthouse gave no benchmark index');
  return index;
}

let cpuSlowdown: number | undefined;
if (slowdownSetting === 'auto') {
  const index = await benchmarkIndexNow(chrome.port);
  cpuSlowdown = Math.round(suggestedSlowdown(index) * 10) / 10;
  console.log(
    `BENCH_CPU_SLOWDOWN=auto: benchmark index ${Math.round(index)} (${loadLine()}) → ${cpuSlowdown}×, the slowdown Lighthouse's calculator suggests`,
  );
} else if (slowdownSetting) cpuSlowdown = Number(slowdownSetting);
/** Timings printed beside the category scores (ms, simulated), by column name. */
const METRICS: Record<string, string> = {
  'FCP ms': 'first-contentful-paint',
  'LCP ms': 'largest-contentful-paint',
  'TBT ms': 'total-blocking-time',
};
const rows: Array<[string, Record<string, number[]>]> = [];
const benchmarks: number[] = [];
const before = loadLine();
let categories: string[] = [];
const types = pageTypes(loadContentDirectory()).filter(([n]) => !wanted || wanted.includes(n));
const unknown = wanted?.filter((w) => !types.some(([n]) => n === w)) ?? [];
if (unknown.length) console.log(`No page of type ${unknown.join(', ')} in this content (or no such type).`);
try {
  for (const [name, route] of types) {
    const scores: Record<string, number[]> = {};
    // Contention on a shared machine only ever adds main-thread time, so with several runs the best one is shown.
    let best: { lhr: import('lighthouse').Result; perf: number } | undefined;
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(
        url + route,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        cpuSlowdown
          ? { extends: 'lighthouse:default', settings: { throttling: { cpuSlowdownMultiplier: cpuSlowdown } } }
          : undefined,
      );
      if (!result) continue;
      const { lhr } = result;
      if (process.env.BENCH_REPORT_DIR) {
        mkdirSync(process.env.BENCH_REPORT_DIR, { recursive: true });
        writeFileSync(
          join(process.env.BENCH_REPORT_DIR, `${name.replace(/\W+/g, '-')}${runs > 1 ? `-${run + 1}` : ''}.json`),
          JSON.stringify(lhr),
        );
      }
      benchmarks.push(lhr.environment.benchmarkIndex);
      categories = [...Object.keys(lhr.categories), ...Object.keys(METRICS)];
      for (const [k, c] of Object.entries(lhr.categories))
        (scores[k] ??= []).push(c.score === null ? NaN : Math.round(c.score * 100));
      for (const [k, id] of Object.entries(METRICS))
        (scores[k] ??= []).push(Math.round(lhr.audits[id]?.numericValue ?? NaN));
      const perf = lhr.categories.performance?.score ?? 0;
      if (!best || perf > best.perf) best = { lhr, perf };
    }
    rows.push([name, scores]);
    if (!best) continue;
    const failing = Object.values(best.lhr.audits)
      .filter(
        (a) =>
          a.score !== null && a.score < 1 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode),
      )
      .sort((a, b) => a.score! - b.score! || a.id.localeCompare(b.id));
    const label = runs > 1 ? `${name}, the best of ${runs} runs,` : name;
    console.log(
      `\n${label} (/${route}, ${loadLine()}): ${failing.length ? `${failing.length} audit(s) below 1` : 'no audit below 1'}`,
    );
    for (const a of failing)
      console.log(`  ${a.score!.toFixed(2)}  ${a.id} — ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
    for (const w of best.lhr.runWarnings) console.log(`  warning: ${w.split('\n')[0]}`);
  }
} finally {
  await chrome.kill();
  server.close();
  if (!process.env.DIST_DIR) rmSync(dirname(dist), { recursive: true, force: true });
}
/** A score over the runs: itself for one run, else its median and range ("97 (95–99)"). */
const range = (xs: number[] | undefined) => {
  if (!xs?.length) return '–';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? String(lo) : `${median(xs)} (${lo}–${hi})`;
};
const width = Math.max(14, ...rows.map(([n]) => n.length + 2));
console.log(`\nLighthouse (mobile) — ${dist} (${before} before, ${loadLine()} after)`);
if (benchmarks.length) {
  const sorted = [...benchmarks].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `CPU: Lighthouse benchmark index ${Math.round(sorted[0]!)}–${Math.round(sorted.at(-1)!)} (median ${Math.round(median)}); ` +
      `slowdown used ${cpuSlowdown ?? 4}×, its calculator suggests ${suggestedSlowdown(median).toFixed(1)}× for this machine now\n`,
  );
}
const colWidth = (c: string) => (c in METRICS ? 20 : 16);
console.log(`${'page'.padEnd(width)}${categories.map((c) => c.padStart(colWidth(c))).join('')}`);
for (const [name, scores] of rows)
  console.log(`${name.padEnd(width)}${categories.map((c) => range(scores[c]).padStart(colWidth(c))).join('')}`);
console.log(
  `\nServed as a static host serves it${basePath === '/' ? '' : ` under ${basePath}`}: ${gzipOn ? 'gzip' : 'no compression (BENCH_GZIP=0)'}, the built _headers (immutable /_astro/), max-age=0 for the rest. ${
    process.env.DIST_DIR
      ? 'DIST_DIR given: pages as built there (hreflang and canonical are absolute only if it was built with SITE_URL at this address, BENCH_PORT).'
      : `Built with SITE_URL=${origin}.`
  }`,
);
