/**
 * `npm run bench:weight`: bytes each page type sends, gzip-compressed —
 * HTML, CSS and JavaScript (the page's scripts and every module they import
 * statically). Goals: content pages 0 bytes of JS; a co-op page ≤ 15 kB of
 * HTML + CSS. Reads the built dist/ (or $DIST_DIR); prints a table.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { pageTypes, ISLAND_ROUTES } from './lib/page-types.ts';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const gz = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST} に index.html がありません。先に npm run build を実行してください`);
  process.exit(1);
}

/** Resolves a URL path of the site to a file in dist/ (base '/'). */
const fileOf = (url: string) => join(DIST, decodeURIComponent(url.replace(/^\//, '').split(/[?#]/)[0]!));

/** A JS module and everything it imports statically, once each. */
function jsClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?\sfrom\s*)?["']([^"']+)["']/g)) {
    const spec = m[1]!;
    const target = spec.startsWith('/') ? fileOf(spec) : resolve(dirname(file), spec);
    jsClosure(target, seen);
  }
  return seen;
}

const rows: Array<{ page: string; route: string; html: number; css: number; js: number; lazyJs: number }> = [];
for (const [name, route] of pageTypes(loadContentDirectory())) {
  const htmlFile = join(DIST, route, 'index.html');
  if (!existsSync(htmlFile)) {
    console.warn(`(${name}: ${route} はまだありません)`);
    continue;
  }
  const html = readFileSync(htmlFile, 'utf8');
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const scripts = [...html.matchAll(/<script\b[^>]*src="([^"]+)"/g), ...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const inline = [...html.matchAll(/<script\b(?![^>]*application\/ld\+json)(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const js = new Set<string>();
  for (const s of scripts) jsClosure(fileOf(s), js);
  // Dynamic imports (loaded when used, e.g. Leaflet or Pagefind) are reported apart.
  const lazy = new Set<string>();
  for (const f of js) {
    for (const m of readFileSync(f, 'utf8').matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
      const spec = m[1]!;
      jsClosure(spec.startsWith('/') ? fileOf(spec) : resolve(dirname(f), spec), lazy);
    }
  }
  for (const f of js) lazy.delete(f);
  rows.push({
    page: name,
    route,
    html: gz(html),
    css: css.reduce((n, c) => n + (existsSync(fileOf(c)) ? gz(readFileSync(fileOf(c))) : 0), 0),
    js: [...js].reduce((n, f) => n + gz(readFileSync(f)), 0) + inline.reduce((n, s) => n + gz(s), 0),
    lazyJs: [...lazy].reduce((n, f) => n + gz(readFileSync(f)), 0),
  });
}

const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
console.log(`\nPage weight, gzip (kB) — ${DIST}\n`);
console.log(`${'page'.padEnd(18)}${'HTML'.padStart(7)}${'CSS'.padStart(7)}${'JS'.padStart(7)}${'lazy JS'.padStart(9)}${'HTML+CSS'.padStart(10)}  goal`);
for (const r of rows) {
  const island = ISLAND_ROUTES.includes(r.route);
  const goals: string[] = [];
  if (!island) goals.push(r.js === 0 ? 'JS 0 ✓' : 'JS 0 ✗');
  if (['co-op', 'public body', 'prefecture', 'municipality'].includes(r.page)) goals.push(r.html + r.css <= 15 * 1024 ? 'HTML+CSS ≤ 15 kB ✓' : 'HTML+CSS ≤ 15 kB ✗');
  console.log(`${r.page.padEnd(18)}${kb(r.html)}${kb(r.css)}${kb(r.js)}${kb(r.lazyJs).padStart(9)}${kb(r.html + r.css).padStart(10)}  ${goals.join(', ')}`);
}

// Every place page (about 1,970): the heaviest, against the same 15 kB goal.
const placeRoot = join(DIST, 'municipalities');
if (existsSync(placeRoot)) {
  let worst = { route: '', total: 0, html: 0 };
  let count = 0;
  const cssCache = new Map<string, number>();
  for (const id of readdirSync(placeRoot)) {
    const file = join(placeRoot, id, 'index.html');
    if (!existsSync(file)) continue;
    count++;
    const html = readFileSync(file, 'utf8');
    const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    const cssBytes = css.reduce((n, c) => {
      if (!cssCache.has(c)) cssCache.set(c, existsSync(fileOf(c)) ? gz(readFileSync(fileOf(c))) : 0);
      return n + cssCache.get(c)!;
    }, 0);
    const total = gz(html) + cssBytes;
    if (total > worst.total) worst = { route: `municipalities/${id}/`, total, html: gz(html) };
  }
  const ok = worst.total <= 15 * 1024;
  console.log(`\nplace pages: ${count}; heaviest ${worst.route} HTML+CSS ${(worst.total / 1024).toFixed(1)} kB (HTML ${(worst.html / 1024).toFixed(1)} kB)  ${ok ? 'HTML+CSS ≤ 15 kB ✓' : 'HTML+CSS ≤ 15 kB ✗'}`);
}
