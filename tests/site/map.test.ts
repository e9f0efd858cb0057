/**
 * The map's data and markup in the built site, with every expectation
 * derived from content/: the GeoJSON holds one feature per organisation
 * that placeOf() can place, /map/ lists each of them once, and every co-op
 * page and public-body page carries its static SVG map with a text
 * alternative, a link to /map/ and no script.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { coopsIn, indexById, placeOf, prefectureOf } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { needsSplit, NO_PREFECTURE } from '../../src/lib/views/lists.ts';
import type { CoopFeatureCollection } from '../../src/map/geojson.ts';
import { decodePins, type MapPinsFile } from '../../src/map/pins.ts';
import { sameClusterOptions } from '../../src/map/clusters.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const placed = dir.coops.filter((c) => placeOf(c, bodies) !== undefined);
beforeAll(requireDist);

const geojson = (): CoopFeatureCollection =>
  JSON.parse(readFileSync(join(DIST, paths.dataFile('coops.geojson')), 'utf8'));
const pinsFile = (): MapPinsFile => JSON.parse(readFileSync(join(DIST, paths.dataFile('map-pins.json')), 'utf8'));

/** Text with the entities Astro escapes decoded. */
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The static map figure of a page, or ''. */
const staticMap = (html: string) => /<figure class="static-map[^"]*"[^>]*>[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';

describe("map-pins.json (the map's compact copy)", () => {
  test("decodes to the GeoJSON's pins, in its order, with every field the map reads", () => {
    const fc = geojson();
    const pins = decodePins(pinsFile());
    expect(pins.length).toBe(fc.features.length);
    pins.forEach((pin, i) => {
      const f = fc.features[i]!;
      const { id, name, kind, categories, prefecture, municipality, placeName, precision, page } = f.properties;
      expect(pin.geometry).toEqual(f.geometry);
      expect(pin.properties).toEqual({
        id,
        name,
        kind,
        categories,
        ...(prefecture ? { prefecture } : {}),
        ...(municipality ? { municipality } : {}),
        placeName,
        precision,
        page,
      });
    });
  });

  test('is smaller than the GeoJSON', () => {
    const bytes = (f: string) => readFileSync(join(DIST, paths.dataFile(f))).length;
    expect(bytes('map-pins.json')).toBeLessThan(bytes('coops.geojson') / 2);
  });
});

describe("map-overview.json (the clusters of the map's first views)", () => {
  const overviewFile = (): MapPinsFile =>
    JSON.parse(readFileSync(join(DIST, paths.dataFile('map-overview.json')), 'utf8'));

  test('bounds every pin, and holds the clustering the map uses', () => {
    const { overview } = overviewFile();
    expect(overview).toBeDefined();
    expect(sameClusterOptions(overview!.options)).toBe(true);
    const points = geojson().features.map((f) => f.geometry.coordinates);
    const lats = points.map((c) => c[1]!);
    const lngs = points.map((c) => c[0]!);
    expect(overview!.bounds).toEqual([Math.min(...lats), Math.min(...lngs), Math.max(...lats), Math.max(...lngs)]);
    expect(overview!.zooms.length).toBeGreaterThan(0);
  });

  test('its pins are the pin file’s, field for field, and every one is shown alone at some zoom', () => {
    const file = overviewFile();
    const own = decodePins(file);
    const byId = new Map(decodePins(pinsFile()).map((p) => [p.properties.id, p]));
    for (const pin of own) expect(pin).toEqual(byId.get(pin.properties.id));
    const alone = new Set(file.overview!.zooms.flat().filter((e) => typeof e === 'number'));
    expect(alone.size).toBe(own.length);
    // Clusters count organisations of the pin file: at each zoom, clusters and single pins add up to all of them.
    for (const zoom of file.overview!.zooms)
      expect(zoom.reduce<number>((n, e) => n + (typeof e === 'number' ? 1 : e[2]), 0)).toBe(byId.size);
  });
});

describe('GeoJSON', () => {
  test('there is something to check', () => expect(placed.length).toBeGreaterThan(0));

  test('one Point feature per organisation with a placeOf() point, at that point', () => {
    const fc = geojson();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties.id).sort()).toEqual(placed.map((c) => c.id).sort());
    const coops = indexById(dir.coops);
    for (const f of fc.features) {
      const place = placeOf(coops.get(f.properties.id)!, bodies)!;
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [place.lng, place.lat] });
      expect(f.properties.precision).toBe(place.precision);
      expect(f.properties.page).toBe(paths.coop(f.properties.id));
      expect(f.properties.categories).toEqual(coops.get(f.properties.id)!.categories);
      expect(f.properties.prefecture).toBe(prefectureOf(coops.get(f.properties.id)!, bodies));
    }
  });

  test('every point lies in or around Japan', () => {
    for (const [lng, lat] of geojson().features.map((f) => f.geometry.coordinates)) {
      expect(lat).toBeGreaterThan(20);
      expect(lat).toBeLessThan(46);
      expect(lng).toBeGreaterThan(122);
      expect(lng).toBeLessThan(154);
    }
  });
});

describe('/map/', () => {
  const html = () => page(paths.map());

  const split = needsSplit(placed.length);

  test('the list follows the rule of src/lib/views/lists.ts: every item while it fits on one page, else a link per prefecture', () => {
    const links = [
      ...html().matchAll(/<li data-map-pref-link data-pref="([^"]+)" data-total="(\d+)"[^>]*>\s*<a href="([^"]+)"/g),
    ];
    if (!split) {
      // Every placed organisation once, linked, with its precision.
      expect(links).toEqual([]);
      const full = [...html().matchAll(/<li data-map-item data-id="([^"]+)"[\s\S]*?<\/li>/g)];
      expect(full.map((m) => m[1]).sort()).toEqual(placed.map((c) => c.id).sort());
      for (const [li, id] of full) {
        expect(li).toContain(`href="/${paths.coop(id!)}"`);
        expect(li).toMatch(/位置: (所在地|市区町村の代表点|都道府県の代表点)/);
      }
      return;
    }
    expect(html()).not.toContain('<li data-map-item ');
    const perPref = new Map<string, number>();
    for (const c of placed)
      perPref.set(
        prefectureOf(c, bodies) ?? NO_PREFECTURE,
        (perPref.get(prefectureOf(c, bodies) ?? NO_PREFECTURE) ?? 0) + 1,
      );
    expect(links.map((m) => [m[1], Number(m[2])])).toEqual(
      [...perPref].sort(([a], [b]) => (a === NO_PREFECTURE ? 1 : b === NO_PREFECTURE ? -1 : a < b ? -1 : 1)),
    );
    for (const m of links) expect(m[3]).toBe(`/${paths.coopsIn(m[1]!)}`);
  });

  test('list items carry the categories and prefecture the filters use', () => {
    const coops = indexById(dir.coops);
    for (const m of html().matchAll(
      /<li data-map-item data-id="([^"]+)" data-categories="([^"]*)"(?: data-pref="([^"]*)")?/g,
    )) {
      const coop = coops.get(m[1]!)!;
      expect(m[2]!.split(' ').filter(Boolean)).toEqual(coop.categories);
      expect(m[3]).toBe(prefectureOf(coop, bodies));
    }
  });

  test('the island and near-me point at the compact pin file and the outlines, and both files exist', () => {
    const tag = /<coop-map[^>]*>/.exec(html())![0];
    expect(tag).toContain(`data-pins="/${paths.dataFile('map-pins.json')}"`);
    expect(tag).toContain(`data-overview="/${paths.dataFile('map-overview.json')}"`);
    expect(/<near-me[^>]*>/.exec(html())![0]).toContain(`data-pins="/${paths.dataFile('map-pins.json')}"`);
    expect(pinsFile().id.length).toBe(placed.length);
    expect(tag).toContain('data-outlines="/geo/japan-prefectures.geojson"');
    const outlines = JSON.parse(readFileSync(join(DIST, 'geo/japan-prefectures.geojson'), 'utf8'));
    expect(outlines.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(
      Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  test('filters have visible labels and one option per category and prefecture in use', () => {
    const h = html();
    expect(h).toMatch(/<label for="coop-map-category"[^>]*>分野<\/label>/);
    expect(h).toMatch(/<label for="coop-map-pref"[^>]*>都道府県<\/label>/);
    const catOptions = [...h.matchAll(/<option value="([^"]+)" data-label=/g)].map((m) => m[1]).sort();
    expect(catOptions).toEqual(
      dir.categories
        .filter((cat) => placed.some((c) => c.categories.includes(cat.id)))
        .map((c) => c.id)
        .sort(),
    );
    const prefSelect = /<select id="coop-map-pref"[\s\S]*?<\/select>/.exec(h)![0];
    const prefOptions = [...prefSelect.matchAll(/<option value="(\d+)"/g)].map((m) => m[1]).sort();
    expect(prefOptions).toEqual([...new Set(placed.map((c) => prefectureOf(c, bodies)).filter(Boolean))].sort());
  });

  test('the map page loads its island script; Leaflet is not in the entry script', () => {
    const src = /<script type="module" src="([^"]+)"/.exec(html())?.[1];
    expect(src).toBeDefined();
    const entry = readFileSync(join(DIST, src!), 'utf8');
    expect(entry).not.toContain('leafletjs.com/reference'); // Leaflet itself comes in a separate chunk, imported on demand
    expect(entry).toMatch(/import\(/);
  });
});

describe('static maps on content pages', () => {
  test.each(dir.coops.map((c) => [c.id, c] as const))('co-op %s', (_id, coop) => {
    const figure = staticMap(page(paths.coop(coop.id)));
    expect(figure).not.toBe('');
    const titleId = /<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/.exec(figure)?.[1];
    expect(titleId).toBeDefined();
    const title = decode(new RegExp(`<title id="${titleId}">([^<]+)</title>`).exec(figure)?.[1] ?? '');
    expect(title).toContain(coop.name);
    const place = placeOf(coop, bodies);
    expect(figure.match(/<circle/g)?.length ?? 0).toBe(place ? 1 : 0);
    expect(figure).toContain(place ? `href="/${paths.map()}?focus=${coop.id}"` : `href="/${paths.map()}"`);
    expect(figure).not.toMatch(/<script/);
    expect(figure).toMatch(/<figcaption[^>]*>[^<]+/);
  });

  test.each(dir.bodies.map((b) => [b.id, b] as const))(
    'public body %s (a map when it is a prefecture or has co-ops or contracts)',
    (_id, body) => {
      const figure = staticMap(page(paths.body(body.id)));
      const hasSomething =
        body.kind === '都道府県' ||
        coopsIn(body, dir.coops, bodies).length > 0 ||
        dir.contracts.some((c) => c.commissioner === body.id);
      if (!hasSomething) {
        expect(figure).toBe('');
        return;
      }
      expect(figure).not.toBe('');
      const title = decode(/<title id="[^"]+">([^<]+)<\/title>/.exec(figure)?.[1] ?? '');
      expect(title).toContain(body.name);
      const contractors = new Set(dir.contracts.filter((c) => c.commissioner === body.id).map((c) => c.contractor));
      const shown = dir.coops.filter(
        (c) => (coopsIn(body, dir.coops, bodies).includes(c) || contractors.has(c.id)) && placeOf(c, bodies),
      );
      if (shown.length) expect(title).toContain(`${shown.length}団体`);
      // Pins at one spot are drawn once with their count; the counts add up to the organisations shown.
      const marks = [...figure.matchAll(/<g class="pin"[^>]*>([\s\S]*?)<\/g>/g)].map((m) =>
        Number(/<text[^>]*>(\d+)<\/text>/.exec(m[1]!)?.[1] ?? 1),
      );
      expect(marks.reduce((a, b) => a + b, 0)).toBe(shown.length);
      expect(figure).toMatch(/href="\/map\/(\?pref=\d{6})?"/);
      expect(figure).not.toMatch(/<script/);
    },
  );
});

test('「現在地から探す」 is described by the note beside it: the position is sent nowhere, the tiles around the place come from 国土地理院', () => {
  const html = page(paths.map());
  const ids = /<button[^>]*\sdata-locate\b[^>]*\saria-describedby="([^"]+)"[^>]*>現在地から探す<\/button>/.exec(
    html,
  )?.[1];
  expect(ids, 'the button names its note').toBeDefined();
  const notes = ids!.split(' ').map((id) => new RegExp(`<p id="${id}"[^>]*>([^<]*)</p>`).exec(html)?.[1]?.trim());
  expect(notes.every((n) => n)).toBe(true);
  const text = notes.join('');
  expect(text).toContain('どこにも送りません');
  expect(text).toContain('国土地理院から読み込む');
  expect(text).toContain('国土地理院のサーバーにはその地域が伝わります');
  // Japanese copy: no space between Japanese and Latin letters or digits.
  const kana = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}';
  expect(text).not.toMatch(new RegExp(`[${kana}]\\s+[A-Za-z0-9]|[A-Za-z0-9]\\s+[${kana}]`, 'u'));
});
