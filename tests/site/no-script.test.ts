/**
 * Content pages ship no JavaScript: every built page but the map and search islands has no script but JSON-LD and no
 * inline handler, and no page but the map preloads a module (the map names its lazy Leaflet chunk: map-preload.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST, page, publicPages, requireDist } from '../helpers/dist.ts';
import { paths } from '../../src/lib/model/paths.ts';
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
  test.each(htmlFiles.filter((f) => f !== mapPage))('%s preloads no module', (f) => {
    expect(page(f)).not.toMatch(/<link[^>]+rel="modulepreload"/);
  });
});

describe("the map page's preloads", () => {
  const links = () =>
    [...page(paths.map()).matchAll(/<link\b[^>]*\brel="(modulepreload|preload)"[^>]*>/g)].map((m) => ({
      rel: m[1]!,
      href: /\shref="([^"]+)"/.exec(m[0])![1]!,
      tag: m[0],
    }));
  const file = (href: string) => join(DIST, decodeURI(href).replace(/^\//, ''));

  test('the Leaflet chunk the island imports, its stylesheet and the pin file are preloaded, each an existing file', () => {
    const all = links();
    const script = /<script type="module" src="([^"]+)"/.exec(page(paths.map()))![1]!;
    const leaflet = all.find((l) => l.rel === 'modulepreload' && /\/leaflet\.[\w-]+\.js$/.test(l.href));
    expect(leaflet).toBeDefined();
    // The very chunk the island imports, by the name the bundle gives it.
    expect(readFileSync(file(script), 'utf8')).toContain(`./${leaflet!.href.split('/').pop()}`);
    expect(
      all.some((l) => l.rel === 'preload' && /\/leaflet\.[\w-]+\.css$/.test(l.href) && / as="style"/.test(l.tag)),
    ).toBe(true);
    const pins = all.find((l) => l.href.endsWith(paths.dataFile('map-pins.json')));
    expect(pins?.tag).toMatch(/ as="fetch"/);
    expect(pins?.tag).toMatch(/ crossorigin="anonymous"/);
    for (const l of all) expect(existsSync(file(l.href)), l.href).toBe(true);
  });
});
