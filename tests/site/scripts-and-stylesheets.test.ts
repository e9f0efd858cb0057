/**
 * The built scripts and stylesheets: the islands' JavaScript carries browser code only (no schema library, nothing
 * from Node: a shared helper that starts importing the schemas, which pulled zod into the search page's bundle once,
 * fails here); every page links one stylesheet at most, it exists, and no CSS chunk is left that nothing links.
 */
import { expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFiles, requireDist } from '../helpers/dist.ts';

test('no built script contains zod or a node: import', () => {
  requireDist();
  const scripts = distFiles().filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const f of scripts) {
    const js = readFileSync(join(DIST, f), 'utf8');
    expect(js.includes('_zod'), `${f} bundles zod`).toBe(false);
    expect(/from\s*["']node:/.test(js), `${f} imports a Node module`).toBe(false);
  }
});

test('every page links one stylesheet at most (its CSS chunks joined, src/integrations/one-stylesheet.ts), and it exists', () => {
  requireDist();
  const pages = distFiles().filter((f) => f.endsWith('.html'));
  const linked = new Set<string>();
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
    expect(hrefs.length, f).toBeLessThanOrEqual(1);
    expect(html.includes('<style'), `${f} has an inline style`).toBe(false);
    for (const h of hrefs) linked.add(h);
  }
  // Every linked file is in dist/.
  expect(linked.size).toBeGreaterThan(0);
  for (const h of linked) expect(existsSync(join(DIST, h.replace(/^\//, ''))), h).toBe(true);
  // No chunk is left that nothing links: each is a page's, or one a script links when it needs it (the map's Leaflet CSS).
  const files = distFiles();
  const scripts = files
    .filter((f) => f.startsWith('_astro/') && f.endsWith('.js'))
    .map((f) => readFileSync(join(DIST, f), 'utf8'));
  for (const f of files.filter((f) => f.startsWith('_astro/') && f.endsWith('.css'))) {
    expect(
      linked.has(`/${f}`) || scripts.some((js) => js.includes(`/${f}`)),
      `${f} is linked by no page and no script`,
    ).toBe(true);
  }
});
