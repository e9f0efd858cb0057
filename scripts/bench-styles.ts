/**
 * `npm run bench:styles`: what a ten-page visit transfers in HTML and CSS, for
 * builds that differ in how pages get their styles — today's one linked,
 * cached stylesheet per page, or the same CSS inlined in a `<style>` (built
 * with INLINE_STYLESHEETS=1, src/integrations/one-stylesheet.ts). Issue #27
 * item 5.
 *
 * `BENCH_DIST=label=dir,label=dir` names the builds (default `dist=dist`);
 * each may be built under a BASE_PATH (the hrefs in its pages say so). The
 * visit is home → a prefecture → a municipality → a co-op → a category → a
 * public body → a prefecture's co-op list → another co-op (one with no known contact) → a guide → the
 * map, chosen from content/ (scripts/lib/page-types.ts). With a browser
 * cache, a stylesheet file is fetched once (`/_astro/` is immutable), inline
 * styles come with every page. Bytes are counted from the built files: raw,
 * gzip -9 and brotli (quality 11), plus the Content-Security-Policy header
 * each page is served with (`_headers`, raw: HTTP/1.1 sends it every time,
 * HTTP/2 and 3 compress a repeated header to a few bytes). Scripts, images
 * and data are the same in every variant and are not counted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadContentDirectory } from '../tests/helpers/content.ts';
import { cloudflareHeadersFor } from '../tests/helpers/static-hosts.ts';
import { pageTypes } from './lib/page-types.ts';
import { loadLine } from './lib/bench-common.ts';

/** The visit, by page type (scripts/lib/page-types.ts). */
export const VISIT = [
  'home',
  'prefecture',
  'municipality',
  'co-op',
  'category',
  'public body',
  'co-op list of one prefecture',
  'co-op without a known contact',
  'guide',
  'map',
] as const;

/** Bytes of one body as sent: raw, gzip -9, brotli 11. */
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** The three sizes of a text body. */
export function sizesOf(body: string | Buffer): Sizes {
  return {
    raw: Buffer.byteLength(body),
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a: Sizes, b: Sizes): Sizes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });

/** The stylesheet hrefs a page links in its <head>, and the text of its inline <style> blocks. */
export function pageStyles(html: string): { hrefs: string[]; inline: string[] } {
  const head = html.slice(0, html.indexOf('</head>') >>> 0);
  return {
    hrefs: [...head.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!),
    inline: [...head.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!),
  };
}

/** One build's visit: per page, and in total, what came over the wire with a warm cache for files already fetched. */
export function visitOf(
  dist: string,
  routes: ReadonlyArray<readonly [string, string]>,
): {
  base: string;
  pages: Array<{ name: string; html: Sizes; css: Sizes; cssRequests: number; cspHeader: number; inlineCss: number }>;
  total: { html: Sizes; css: Sizes; cssRequests: number; cspHeader: number };
} {
  const home = readFileSync(join(dist, 'index.html'), 'utf8');
  // The base the build was made for, from the favicon's href (Base.astro links `<base>favicon.svg`).
  const base = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(home)?.[1] ?? '/';
  const headersFile = join(dist, '_headers');
  const headersFor = existsSync(headersFile) ? cloudflareHeadersFor(readFileSync(headersFile, 'utf8')) : undefined;
  const cached = new Set<string>();
  const pages = routes.map(([name, route]) => {
    const htmlText = readFileSync(join(dist, route, 'index.html'), 'utf8');
    const { hrefs, inline } = pageStyles(htmlText);
    let css = zero();
    let cssRequests = 0;
    for (const h of hrefs) {
      if (cached.has(h)) continue;
      cached.add(h);
      cssRequests++;
      if (!h.startsWith(base)) throw new Error(`${route}: stylesheet ${h} is outside the base ${base}`);
      css = add(css, sizesOf(readFileSync(join(dist, h.slice(base.length)))));
    }
    const csp =
      headersFor?.(`${base}${route.replace(/^\//, '')}`)
        .get('content-security-policy')
        ?.join(', ') ?? '';
    return {
      name,
      html: sizesOf(htmlText),
      css,
      cssRequests,
      cspHeader: csp ? Buffer.byteLength(`content-security-policy: ${csp}\r\n`) : 0,
      inlineCss: inline.reduce((n, s) => n + Buffer.byteLength(s), 0),
    };
  });
  const total = pages.reduce(
    (t, p) => ({
      html: add(t.html, p.html),
      css: add(t.css, p.css),
      cssRequests: t.cssRequests + p.cssRequests,
      cspHeader: t.cspHeader + p.cspHeader,
    }),
    { html: zero(), css: zero(), cssRequests: 0, cspHeader: 0 },
  );
  return { base, pages, total };
}

if (import.meta.main) {
  const builds = (process.env.BENCH_DIST ?? 'dist=dist').split(',').map((s) => {
    const [label, dir] = s.includes('=') ? (s.split('=') as [string, string]) : [s, s];
    if (!existsSync(join(resolve(dir), 'index.html'))) throw new Error(`${dir} に index.html がありません`);
    return { label, dir: resolve(dir) };
  });
  const types = new Map(pageTypes(loadContentDirectory()));
  const routes = VISIT.map((n) => {
    const r = types.get(n);
    if (r === undefined) throw new Error(`no ${n} page in this content`);
    return [n, r] as const;
  });
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
  const triple = (s: Sizes) => `${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`;
  console.log(`Ten-page visit, HTML + CSS in kB (raw gzip brotli), warm cache after the first fetch (${loadLine()})`);
  console.log(`visit: ${routes.map(([n, r]) => `${n} (/${r})`).join(' → ')}\n`);
  for (const { label, dir } of builds) {
    const v = visitOf(dir, routes);
    console.log(`${label} — ${dir} (base ${v.base})`);
    console.log(
      `  ${'page'.padEnd(32)}${'HTML raw  gzip  brotli'.padStart(24)}${'CSS raw  gzip  brotli'.padStart(24)}  inline CSS  CSP header`,
    );
    for (const p of v.pages)
      console.log(
        `  ${p.name.padEnd(32)}${triple(p.html).padStart(24)}${triple(p.css).padStart(24)}${kb(p.inlineCss).padStart(12)}${String(p.cspHeader).padStart(12)}`,
      );
    const all = add(v.total.html, v.total.css);
    console.log(
      `  ${'total'.padEnd(32)}${triple(v.total.html).padStart(24)}${triple(v.total.css).padStart(24)}${''.padStart(12)}${String(v.total.cspHeader).padStart(12)}`,
    );
    console.log(
      `  HTML + CSS over the visit: ${triple(all)}, ${v.total.cssRequests} stylesheet request(s) (+ ${kb(v.total.cspHeader)} kB of CSP header over HTTP/1.1)\n`,
    );
  }
}
