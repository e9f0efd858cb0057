import { expect, test } from 'vitest';
import { cspHeader, headersFile, TILE_ORIGIN } from '../../src/lib/csp.ts';

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

test('_headers: strict everywhere, embeds framable, assets cached, under the base path', () => {
  const file = headersFile('/roukyou-atlas/');
  expect(file).toContain("/roukyou-atlas/*\n  Content-Security-Policy: default-src 'self'");
  expect(file).toMatch(/\/roukyou-atlas\/embed\/\*\n {2}Content-Security-Policy: [^\n]*frame-ancestors \*/);
  expect(file).toContain('/roukyou-atlas/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
});
