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
  const printSheets = new Set<string>();
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]!);
    expect(hrefs.length, f).toBeLessThanOrEqual(1);
    expect(html.includes('<style'), `${f} has an inline style`).toBe(false);
    for (const h of hrefs) linked.add(h);
    // The print rules are a sheet of their own that does not block rendering on screen (media="print"), after the
    // screen sheet's place in <head>, so nothing joins it into the screen sheet.
    const print = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)" media="print">/g)].map((m) => m[1]!);
    expect(print.length, `${f}: print sheets`).toBeLessThanOrEqual(1);
    for (const h of print) printSheets.add(h);
  }
  // Every page that has one links the same print sheet.
  expect([...printSheets]).toHaveLength(1);
  for (const h of printSheets) linked.add(h);
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

/**
 * The parts a page repeats (the header, footer, breadcrumbs, print header, sources, citation block, a place's windows
 * and nearby list, the tables of lists) style themselves under their own class with global rules: Astro's scoped
 * styles mark every element of a component with an attribute, which made up 23 % of the site's HTML before.
 */
const UNSCOPED_ROOTS = [
  'site-header',
  'header-search',
  'site-footer',
  'breadcrumbs',
  'print-as-of',
  'source-list',
  'cite-this',
  'where-to-ask',
  'nearest',
  'locals',
  'coop-table',
  'field-table',
  'pref-groups',
];
const SCOPE_ATTR = / data-astro-cid-[a-z0-9]+(?:="true")?/g;
/** The opening tags of each part's root element. */
const ROOT_TAGS = UNSCOPED_ROOTS.map(
  (root) => [root, new RegExp(`<[a-z][a-z0-9-]*\\s[^>]*class="(?:[^"]*\\s)?${root}(?=[\\s"])[^>]*>`, 'g')] as const,
);

test('the repeated parts carry no scoped-style attributes, and such attributes stay under 5 % of the HTML', () => {
  requireDist();
  const pages = distFiles().filter((f) => f.endsWith('.html'));
  const seen = new Set<string>();
  let bytes = 0;
  let scoped = 0;
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    bytes += html.length;
    scoped += (html.match(SCOPE_ATTR) ?? []).reduce((n, a) => n + a.length, 0);
    for (const [root, tags] of ROOT_TAGS)
      for (const tag of html.match(tags) ?? []) {
        seen.add(root);
        expect(tag.includes('data-astro-cid-'), `${f}: ${tag}`).toBe(false);
      }
  }
  // Each part is on some page (a renamed class would otherwise pass unseen).
  expect([...seen].sort()).toEqual([...UNSCOPED_ROOTS].sort());
  expect(scoped / bytes).toBeLessThan(0.05);
});
