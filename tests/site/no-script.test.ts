/**
 * Content pages ship no JavaScript: every built page but the map and search islands has no script but JSON-LD and no
 * inline handler and preloads nothing. The islands preload exactly the chunks their module script imports statically
 * (src/integrations/module-preload.ts), each of which exists, and no data file and nothing they load on demand (the
 * map asks for Leaflet and its pins once its text is painted and its canvas is near the screen:
 * src/map/browser/coop-map.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, page, publicPages, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

describe('no JavaScript on content pages', () => {
  // The CMS under admin/ is no content page: it is Decap CMS's script (tests/site/admin.test.ts).
  const htmlFiles = publicPages();
  const mapPage = 'map/index.html';
  const islands = [mapPage, 'search/index.html'];
  test('there are pages to check', () => expect(htmlFiles.length).toBeGreaterThan(dir.coops.length));
  test.each(htmlFiles.filter((f) => !islands.includes(f)))('%s has no script but JSON-LD', (f) => {
    const html = page(f);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.filter((attrs) => !/type="application\/ld\+json"/.test(attrs))).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
  });
  test.each(htmlFiles.filter((f) => !islands.includes(f)))('%s preloads nothing', (f) => {
    expect(page(f)).not.toMatch(/<link[^>]+rel="(modulepreload|preload)"/);
  });
  test.each(islands)('%s preloads its module script’s static imports, and nothing else', (f) => {
    const html = page(f);
    const head = html.slice(0, html.indexOf('</head>'));
    const preloads = [...html.matchAll(/<link[^>]+rel="(modulepreload|preload)"[^>]*>/g)].map((m) => m[0]);
    const hrefs = preloads.map((l) => /href="([^"]+)"/.exec(l)![1]!);
    expect(preloads.every((l) => l.includes('rel="modulepreload"') && head.includes(l))).toBe(true);
    const scripts = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const file = (href: string) => join(DIST, href.replace(/^\//, ''));
    const imports = [
      ...readFileSync(file(scripts[0]!), 'utf8').matchAll(/\bimport\s*(?:[\w{},*\s$]+from\s*)?"(\.\/[^"]+)"/g),
    ].map((m) => `/_astro/${m[1]!.slice(2)}`);
    expect(imports.length, 'the island imports the helper for import()').toBeGreaterThan(0);
    expect(new Set(hrefs)).toEqual(new Set(imports));
    for (const h of hrefs) {
      expect(existsSync(file(h)), h).toBe(true);
      expect(h, 'a chunk loaded on demand is not preloaded').not.toMatch(/leaflet|pagefind/);
    }
  });
});
