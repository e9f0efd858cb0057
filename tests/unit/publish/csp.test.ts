/** The Content-Security-Policy and the _headers file (src/lib/publish/csp.ts). */
import { expect, test } from 'vitest';
import { adminCspHeader, cspHeader, headersFile, TILE_ORIGIN } from '../../../src/lib/publish/csp.ts';

test('no unsafe-inline or unsafe-eval for scripts and styles', () => {
  const policy = cspHeader();
  expect(policy).not.toMatch(/'unsafe-inline'/);
  expect(policy).not.toMatch(/'unsafe-eval'/);
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  expect(policy).toMatch(new RegExp(`img-src [^;]*${TILE_ORIGIN}`));
});

test('frame-ancestors only in the header form (browsers ignore it in a meta tag)', () => {
  expect(cspHeader()).toMatch(/frame-ancestors 'none'/);
  expect(cspHeader({ meta: true })).not.toMatch(/frame-ancestors/);
});

test('_headers: a CSP per top-level folder and file (never a site-wide one that would overlap), embeds framable, assets cached, under the base path', () => {
  const file = headersFile('/roukyou-atlas/', {
    dirs: ['coops', 'embed', '_astro'],
    files: ['index.html', '_headers'],
  });
  const rules = file.split('\n\n').map((r) => r.split('\n')[0]);
  expect(rules).toEqual([
    '/roukyou-atlas/*',
    '/roukyou-atlas/',
    '/roukyou-atlas/index.html',
    '/roukyou-atlas/_astro/*',
    '/roukyou-atlas/coops/*',
    '/roukyou-atlas/embed/*',
  ]);
  expect(file).not.toMatch(/\/roukyou-atlas\/\*\n[^\n]*Content-Security-Policy/);
  expect(file).toMatch(/\/roukyou-atlas\/coops\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'/);
  expect(file).toMatch(/\/roukyou-atlas\/embed\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors \*/);
  expect(file).toMatch(/\/roukyou-atlas\/_astro\/\*\n[^\n]*\n {2}Cache-Control: public, max-age=31536000, immutable/);
  expect(file).toContain('Permissions-Policy: geolocation=(self)');
});

test('/admin/: a policy of its own for Decap CMS (eval for its config validator, styles by hash), and noindex', () => {
  const policy = adminCspHeader();
  expect(policy).toMatch(/script-src 'self' 'unsafe-eval'(;|$)/);
  expect(policy).not.toMatch(/'unsafe-inline'/);
  expect(policy).toMatch(/style-src 'self' 'sha256-[^;]+'(;|$)/);
  expect(policy).toMatch(/connect-src 'self' https:\/\/api\.github\.com/);
  expect(policy).toMatch(/frame-ancestors 'none'/);
  const file = headersFile('/sub/', { dirs: ['admin', 'coops'], files: ['index.html'] });
  expect(file).toContain(`/sub/admin/*\n  Content-Security-Policy: ${policy}\n  X-Robots-Tag: noindex\n`);
  expect(file).toMatch(/\/sub\/coops\/\*\n {2}Content-Security-Policy: [^\n]*script-src 'self' 'wasm-unsafe-eval';/);
  expect(file.split('\n\n').filter((r) => r.includes("'unsafe-eval'"))).toHaveLength(1);
});

test('inlined styles (INLINE_STYLESHEETS=1) are allowed by their hashes, in the meta form and in every _headers policy', () => {
  const hashes = ["'sha256-AAAA'", "'sha256-BBBB'"];
  expect(cspHeader({ meta: true, styleHashes: hashes })).toMatch(/style-src 'self' 'sha256-AAAA' 'sha256-BBBB';/);
  expect(cspHeader()).toMatch(/style-src 'self';/);
  const file = headersFile('/sub/', { dirs: ['coops', 'embed', 'admin'], files: ['index.html'] }, hashes);
  const policies = file.split('\n').filter((l) => l.includes('Content-Security-Policy'));
  expect(policies.filter((l) => l.includes("'sha256-AAAA' 'sha256-BBBB'"))).toHaveLength(policies.length - 1);
  expect(
    policies.find((l) => l.includes("'unsafe-eval'")),
    'the CMS keeps its own style hashes',
  ).not.toContain('AAAA');
});
