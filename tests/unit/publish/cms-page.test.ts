/** The /admin/ page and the files of Decap's bundle it serves. */
import { expect, test } from 'vitest';
import { adminPage } from '../../../src/lib/publish/cms/page.ts';
import { isServedDecapFile } from '../../../src/lib/publish/cms/decap.ts';

test('with somewhere to send edits: Decap from the site under its base, no inline script, noindex', () => {
  const html = adminPage({ base: '/sub/', enabled: true });
  expect(html).toMatch(/^<!DOCTYPE html><html lang="ja">/);
  expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
    '<script src="/sub/admin/decap/decap-cms.js">',
  ]);
  expect(html).toMatch(/<script src="[^"]+"><\/script>/);
});

test('without a repository: no CMS, a notice that names REPO_URL and npm run edit', () => {
  const html = adminPage({ base: '/sub/', enabled: false });
  expect(html).not.toContain('<script');
  expect(html).toContain('REPO_URL');
  expect(html).toContain('npm run edit');
  expect(html).toContain('<a href="/sub/">');
});

test('the bundle: the main script, its numbered chunks and licence; no source maps, old names or wasm', () => {
  for (const f of ['decap-cms.js', '2031.decap-cms.js', 'decap-cms.js.LICENSE.txt'])
    expect(isServedDecapFile(f), f).toBe(true);
  for (const f of [
    'decap-cms.js.map',
    '2031.decap-cms.js.map',
    'cms.js',
    '2031.cms.js',
    'cms.css',
    'f728dc876b39e5273411.wasm',
  ])
    expect(isServedDecapFile(f), f).toBe(false);
});
