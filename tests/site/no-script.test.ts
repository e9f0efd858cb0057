/**
 * Content pages ship no JavaScript: every built page but the map and search islands has no script but JSON-LD and no
 * inline handler, and no page preloads a module or a data file (the map asks for Leaflet and its pins once its text is
 * painted: src/map/browser/coop-map.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { page, publicPages, requireDist } from '../helpers/dist.ts';
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
  test.each(htmlFiles)('%s preloads no module and no data file', (f) => {
    expect(page(f)).not.toMatch(/<link[^>]+rel="(modulepreload|preload)"/);
  });
});
