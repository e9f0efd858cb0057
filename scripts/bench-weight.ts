/**
 * `npm run bench:weight`: what each page type really sends, gzip-compressed.
 *
 * Each page is opened in Chromium (playwright-core) from dist/ (or $DIST_DIR)
 * served on 127.0.0.1, and every response until the network is idle is summed
 * by kind — HTML, CSS, JS (every script and every module it imports, however
 * it is imported) and the rest (data, images). Bytes are those of the served
 * file, gzip -9 for text as a static host sends it. On /search/ the page is
 * then left idle (which loads Pagefind) and what that adds is printed apart.
 *
 * As a cross-check, "JS reachable" walks the built chunks themselves: the
 * page's <script>s and every `import … from`, `import "…"`, `export … from`
 * and `import(…)` with a literal path, transitively. A browser figure below
 * it means some code is loaded only on use.
 *
 * Goals: content pages 0 bytes of JS; a co-op page ≤ 15 kB of HTML + CSS.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, localOnlyContext } from '../tests/helpers/chromium.ts';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { pageTypes, ISLAND_ROUTES } from './lib/page-types.ts';
import { serve } from './serve.ts';
import { loadLine, trackNetwork, wireBytes } from './lib/bench-common.ts';
import { paths } from '../src/lib/model/paths.ts';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST} に index.html がありません。先に npm run build を実行してください`);
  process.exit(1);
}

/** Resolves a URL path of the site to a file in dist/ (the site is served at '/'). */
const fileOf = (urlPath: string) => join(DIST, decodeURIComponent(urlPath.replace(/^\//, '').split(/[?#]/)[0]!));

/** Module specifiers a built chunk loads: static imports, re-exports, bare `import "x"`, and literal `import(…)` (quotes or backticks). */
export function importsOf(code: string): string[] {
  const specs: string[] = [];
  const q = `(?:"([^"]+)"|'([^']+)'|\`([^\`$]+)\`)`;
  const patterns = [
    new RegExp(`(?:^|[^\\w$.])import\\s*(?:[\\w$*{][^;"'\`()]*?from\\s*)?${q}`, 'g'),
    new RegExp(`(?:^|[^\\w$.])export\\s*[*{][^;"'\`()]*?from\\s*${q}`, 'g'),
    new RegExp(`(?:^|[^\\w$.])import\\s*\\(\\s*${q}\\s*[,)]`, 'g'),
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push((m[1] ?? m[2] ?? m[3])!);
  return specs.filter((s) => /^(\.{1,2}\/|\/)/.test(s));
}

/** A JS file and every module it loads (statically or by a literal import()), once each. */
function jsClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  for (const spec of importsOf(readFileSync(file, 'utf8')))
    jsClosure(spec.startsWith('/') ? fileOf(spec) : resolve(dirname(file), spec), seen);
  return seen;
}

type Kind = 'html' | 'css' | 'js' | 'other';
interface Tally {
  bytes: Record<Kind, number>;
  requests: Record<Kind, number>;
  files: string[];
}
const empty = (): Tally => ({
  bytes: { html: 0, css: 0, js: 0, other: 0 },
  requests: { html: 0, css: 0, js: 0, other: 0 },
  files: [],
});

function kindOf(resourceType: string, path: string): Kind {
  if (resourceType === 'document' || /\.html$/.test(path)) return 'html';
  if (resourceType === 'stylesheet' || /\.css$/.test(path)) return 'css';
  if (resourceType === 'script' || /\.m?js$/.test(path)) return 'js';
  return 'other';
}

/** Records every finished response of the page into a tally that can be swapped (load, then use). */
function recorder(page: Page): { swap: (t: Tally) => void; settle: () => Promise<void> } {
  let tally = empty();
  const net = trackNetwork(page, async (req, res) => {
    const u = new URL(req.url());
    if (u.protocol !== 'http:') return;
    const into = tally;
    const file = u.pathname.endsWith('/') ? fileOf(`${u.pathname}index.html`) : fileOf(u.pathname);
    const body = existsSync(file) ? readFileSync(file) : await res.body();
    const kind = kindOf(req.resourceType(), u.pathname);
    into.bytes[kind] += wireBytes(file, body);
    into.requests[kind] += 1;
    into.files.push(u.pathname);
  });
  return { swap: (t) => (tally = t), settle: () => net.settle() };
}

const rows: Array<{
  page: string;
  route: string;
  load: Tally;
  use?: Tally | undefined;
  reachableJs: number;
  blocked: number;
}> = [];
const { server, url } = await serve(DIST);
const browser = await launch();
console.log(`\n(${loadLine()})`);
try {
  for (const [name, route] of pageTypes(loadContentDirectory())) {
    if (!existsSync(join(DIST, route, 'index.html'))) {
      console.warn(`(${name}: ${route} はまだありません)`);
      continue;
    }
    const { context, blocked } = await localOnlyContext(browser);
    const page = await context.newPage();
    const rec = recorder(page);
    const load = empty();
    rec.swap(load);
    await page.goto(url + route.replace(/^\//, ''), { waitUntil: 'load' });
    let use: Tally | undefined;
    if (route === paths.search() && (await page.$('#search-q'))) {
      // The search page loads Pagefind once it is idle, after its load event: what that adds is counted apart.
      use = empty();
      rec.swap(use);
      await page.waitForSelector('site-search[data-ready]', { timeout: 60_000 }).catch(() => undefined);
    }
    await rec.settle();
    await context.close();

    const html = readFileSync(join(DIST, route, 'index.html'), 'utf8');
    const scripts = [
      ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
      ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1]!);
    const reachable = new Set<string>();
    for (const s of scripts) jsClosure(fileOf(s), reachable);
    const inline = [
      ...html.matchAll(/<script\b(?![^>]*application\/ld\+json)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g),
    ].map((m) => m[1]!);
    const reachableJs =
      [...reachable].reduce((n, f) => n + wireBytes(f, readFileSync(f)), 0) +
      inline.reduce((n, s) => n + wireBytes('.js', s), 0);
    rows.push({ page: name, route, load, use, reachableJs, blocked: blocked.length });
  }
} finally {
  await browser.close();
  server.close();
}

const kb = (n: number) => (n / 1024).toFixed(1);
const col = (s: string, w: number) => s.padStart(w);
const NAME_WIDTH = Math.max(17, ...rows.map((r) => r.page.length + 1));
console.log(`\nPage weight in Chromium, gzip -9 kB (requests) — ${DIST}\n`);
console.log(
  `${'page'.padEnd(NAME_WIDTH)}${col('HTML', 7)}${col('CSS', 12)}${col('JS', 12)}${col('other', 12)}${col('total', 8)}${col('JS reachable', 14)}${col('HTML+CSS', 10)}  goal`,
);
for (const r of rows) {
  const { bytes: b, requests: n } = r.load;
  const island = ISLAND_ROUTES.includes(r.route);
  const goals: string[] = [];
  if (!island) goals.push(b.js === 0 ? 'JS 0 ✓' : 'JS 0 ✗');
  if (['co-op', 'public body', 'prefecture', 'municipality'].includes(r.page))
    goals.push(b.html + b.css <= 15 * 1024 ? 'HTML+CSS ≤ 15 kB ✓' : 'HTML+CSS ≤ 15 kB ✗');
  if (r.blocked) goals.push(`${r.blocked} request(s) off 127.0.0.1 blocked!`);
  console.log(
    [
      r.page.padEnd(NAME_WIDTH),
      col(kb(b.html), 7),
      col(`${kb(b.css)} (${n.css})`, 12),
      col(`${kb(b.js)} (${n.js})`, 12),
      col(`${kb(b.other)} (${n.other})`, 12),
      col(kb(b.html + b.css + b.js + b.other), 8),
      col(kb(r.reachableJs), 14),
      col(kb(b.html + b.css), 10),
      `  ${goals.join(', ')}`,
    ].join(''),
  );
}
for (const r of rows.filter((x) => x.use)) {
  const { bytes: b, requests: n } = r.use!;
  console.log(
    `\n${r.page}, once idle (Pagefind loads): JS ${kb(b.js)} kB (${n.js}), other ${kb(b.other)} kB (${n.other}) — ${r.use!.files.map((f) => f.split('/').pop()).join(', ')}`,
  );
}
for (const r of rows.filter((x) => x.load.bytes.js > 0))
  console.log(
    `${r.page}: JS loaded — ${r.load.files
      .filter((f) => /\.m?js$/.test(f))
      .map((f) => f.split('/').pop())
      .join(', ')}`,
  );
console.log(
  '\nJS = every script the page loads in Chromium until the network is idle (imports of imports included); "JS reachable" = the same found by reading the built chunks (literal import()s included).',
);

// Every place page (about 1,970; static scan of dist/, gzip -9): the heaviest, against the same 15 kB goal, and JS on none.
const placeRoot = join(DIST, 'municipalities');
if (existsSync(placeRoot)) {
  const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
  const cssSize = new Map<string, number>();
  let worst = { route: '', total: 0, html: 0 };
  let count = 0;
  let withScript = 0;
  for (const id of readdirSync(placeRoot)) {
    const file = join(placeRoot, id, 'index.html');
    if (!existsSync(file)) continue;
    count++;
    const html = readFileSync(file, 'utf8');
    if (/<script\b(?![^>]*application\/ld\+json)/.test(html)) withScript++;
    const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const cssBytes = css.reduce((n, c) => {
      if (!cssSize.has(c)) cssSize.set(c, existsSync(fileOf(c)) ? gz(readFileSync(fileOf(c))) : 0);
      return n + cssSize.get(c)!;
    }, 0);
    const total = gz(html) + cssBytes;
    if (total > worst.total) worst = { route: `municipalities/${id}/`, total, html: gz(html) };
  }
  const ok = worst.total <= 15 * 1024;
  console.log(
    `\nplace pages: ${count}; heaviest ${worst.route} HTML+CSS ${(worst.total / 1024).toFixed(1)} kB (HTML ${(worst.html / 1024).toFixed(1)} kB)  ${ok ? 'HTML+CSS ≤ 15 kB ✓' : 'HTML+CSS ≤ 15 kB ✗'}; pages with a script: ${withScript} ${withScript === 0 ? '✓' : '✗'}`,
  );
}
