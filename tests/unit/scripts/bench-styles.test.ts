/**
 * The ten-page visit's bytes (scripts/bench-styles.ts): a linked stylesheet is counted once however many pages link
 * it, an inline one with every page, under the base the build was made for, with the CSP header each page gets.
 */
import { afterAll, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sizesOf, visitOf } from '../../../scripts/bench-styles.ts';

const root = mkdtempSync(join(tmpdir(), 'ra-bench-styles-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A small built site under /sub/: pages whose <head> holds `head`, a stylesheet, and a `_headers` with a CSP. */
function site(name: string, pages: Record<string, string>): string {
  const dist = join(root, name);
  for (const [route, head] of Object.entries(pages)) {
    mkdirSync(join(dist, route), { recursive: true });
    writeFileSync(
      join(dist, route, 'index.html'),
      `<!doctype html><html><head><link rel="icon" href="/sub/favicon.svg" type="image/svg+xml">${head}</head><body><p>${route}</p></body></html>`,
    );
  }
  mkdirSync(join(dist, '_astro'), { recursive: true });
  writeFileSync(join(dist, '_astro/page.a.css'), 'p{color:red}\n'.repeat(50));
  writeFileSync(
    join(dist, '_headers'),
    "/sub/\n  Content-Security-Policy: style-src 'self'\n\n/sub/b/*\n  Content-Security-Policy: style-src 'self'\n",
  );
  return dist;
}

test('a stylesheet file is fetched once over the visit; inline CSS comes with every page', () => {
  const link = '<link rel="stylesheet" href="/sub/_astro/page.a.css">';
  const routes = [
    ['home', ''],
    ['b', 'b/'],
  ] as const;
  const linked = visitOf(site('file', { '': link, 'b/': link }), routes);
  expect(linked.base).toBe('/sub/');
  expect(linked.pages.map((p) => p.cssRequests)).toEqual([1, 0]);
  expect(linked.total.css).toEqual(sizesOf('p{color:red}\n'.repeat(50)));
  expect(linked.pages.every((p) => p.inlineCss === 0)).toBe(true);
  expect(linked.pages.map((p) => p.cspHeader)).toEqual(
    Array(2).fill(Buffer.byteLength("content-security-policy: style-src 'self'\r\n")),
  );

  const style = `<style>${'p{color:red}\n'.repeat(50)}</style>`;
  const inlined = visitOf(site('inline', { '': style, 'b/': style }), routes);
  expect(inlined.total.cssRequests).toBe(0);
  expect(inlined.pages.map((p) => p.inlineCss)).toEqual([650, 650]);
  expect(inlined.total.html.raw - linked.total.html.raw).toBe(2 * (style.length - link.length));
});
