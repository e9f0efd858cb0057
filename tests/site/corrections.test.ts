/**
 * Correction links follow REPO_URL: a fixture build with REPO_URL set links
 * every detail page to the repository's correction form with the page id
 * filled in (the default build, without it, is checked in freshness.test.ts).
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite } from '../helpers/build.ts';

describe('a build with REPO_URL', () => {
  test('detail pages link to the issue form with their id', () => {
    const repo = 'https://github.com/example/roukyou-atlas';
    const r = buildSite({ CONTENT_DIR: 'tests/fixtures/valid', REPO_URL: `${repo}/` });
    expect(r.status, r.output).toBe(0);
    for (const [route, id] of [
      ['coops/alpha', 'coops/alpha'],
      ['municipalities/131041', 'municipalities/131041'],
      ['categories/fukushi', 'categories/fukushi'],
    ] as const) {
      const html = readFileSync(join(r.outDir, route, 'index.html'), 'utf8');
      const p = new RegExp(`<p class="correction[^"]*"[^>]*data-page-id="${id}"[\\s\\S]*?</p>`).exec(html)?.[0] ?? '';
      expect(p).toContain(`href="${repo}/issues/new?template=correction.yml&amp;page-id=${encodeURIComponent(id)}"`);
      expect(p).toMatch(new RegExp(`<code[^>]*>${id}</code>`));
    }
  });
  test('a REPO_URL that is not an http(s) URL stops the build with a clear message', () => {
    const r = buildSite({ CONTENT_DIR: 'tests/fixtures/valid', REPO_URL: 'javascript:alert(1)' });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('REPO_URL');
  });
});
