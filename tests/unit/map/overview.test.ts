/**
 * The overview file of the map's first views (src/map/overview.ts): at every zoom it holds, what overviewAt gives is
 * what Supercluster gives the map from the pin file, on the real content and on synthetic points generated here; it
 * holds the pins it shows alone and no other; within its limit; and nothing where the pin file has no pin.
 */
import { describe, expect, test } from 'vitest';
import Supercluster, { type ClusterProperties } from 'supercluster';
import { indexById } from '../../../src/lib/model/directory.ts';
import { mapEntries, type MapEntry } from '../../../src/map/geojson.ts';
import { decodePin, decodePins, encodePins, type MapPin, type MapPinsFile } from '../../../src/map/pins.ts';
import {
  closestFirstZoom,
  OVERVIEW_LIMIT,
  overviewAt,
  overviewFile,
  usableOverview,
} from '../../../src/map/overview.ts';
import { CLUSTER_OPTIONS, FIT_MAX_ZOOM, sameClusterOptions } from '../../../src/map/clusters.ts';
import { prng } from '../../../scripts/lib/bench-common.ts';
import { loadContentDirectory } from '../../helpers/content.ts';

const dir = loadContentDirectory();
const real = mapEntries(dir.coops, indexById(dir.bodies));

/** `n` synthetic organisations at random points of Japan's bounding box (tests only; nothing reaches content/). */
function synthetic(n: number): MapEntry[] {
  const rand = prng(n);
  return Array.from({ length: n }, (_, i) => ({
    id: `synthetic-${i}`,
    name: `合成データ組合${i}`,
    kind: 'coop',
    categories: ['care'],
    placeName: '合成',
    lat: Math.round((24 + rand() * 21.5) * 1e5) / 1e5,
    lng: Math.round((123 + rand() * 22.8) * 1e5) / 1e5,
    precision: 'address',
    page: `coops/synthetic-${i}/`,
  }));
}

/** `n` synthetic organisations in a 1.6° × 0.6° box around Tokyo (tests only): a view fitted to them opens at zoom 11. */
function dense(n: number): MapEntry[] {
  const rand = prng(n + 1);
  return synthetic(n).map((e) => ({
    ...e,
    lat: Math.round((35.4 + rand() * 0.6) * 1e5) / 1e5,
    lng: Math.round((139.2 + rand() * 1.6) * 1e5) / 1e5,
  }));
}

/** A file as the browser gets it: through JSON. */
const served = (file: MapPinsFile) => JSON.parse(JSON.stringify(file)) as MapPinsFile;

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** A drawing, comparable: clusters by id, count and position (to the overview's 5 places), pins by id. */
function drawing(items: ReadonlyArray<{ properties: unknown; geometry: { coordinates: number[] } }>): string[] {
  const r = (x: number) => (Math.round(x * 1e5) / 1e5).toFixed(5);
  return items
    .map((i) => {
      const p = i.properties as Partial<ClusterProperties> & Partial<MapPin['properties']>;
      const [lng, lat] = i.geometry.coordinates as [number, number];
      return p.cluster
        ? `cluster ${p.cluster_id} ×${p.point_count} (${String(p.point_count_abbreviated)}) @${r(lng)},${r(lat)}`
        : `pin ${p.id} @${r(lng)},${r(lat)}`;
    })
    .sort();
}

describe.each([
  ['the real content', real],
  ['1,000 synthetic organisations', synthetic(1_000)],
  ['10,000 synthetic organisations', synthetic(10_000)],
  // Dense in a small area: a fitted view opens at zoom 11, so the overview holds every zoom up to it.
  ['10,000 synthetic organisations around Tokyo', dense(10_000)],
])('the overview of %s', (_, entries) => {
  const pinsFile = served(encodePins(entries));
  const file = served(overviewFile(pinsFile));
  const overview = file.overview!;
  const all = decodePins(pinsFile);
  const index = new Supercluster<MapPin['properties']>({ ...CLUSTER_OPTIONS }).load(all);

  test('is there, made with the map’s own options, from the widest zoom up, within its limit', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(sameClusterOptions(overview.options)).toBe(true);
    expect(overview.zooms.length).toBeGreaterThan(0);
    expect(overview.zooms.length).toBeLessThanOrEqual(FIT_MAX_ZOOM - CLUSTER_OPTIONS.minZoom + 1);
    expect(overview.zooms.flat().length).toBeLessThanOrEqual(OVERVIEW_LIMIT);
    // It stops at the closest zoom a fitted view can open at, or at the limit, not before.
    const next = CLUSTER_OPTIONS.minZoom + overview.zooms.length;
    expect(
      next > closestFirstZoom(overview.bounds) ||
        overview.zooms.flat().length + index.getClusters(WORLD, next).length > OVERVIEW_LIMIT,
    ).toBe(true);
  });

  test('bounds every pin of the pin file, tightly', () => {
    const lats = all.map((p) => p.geometry.coordinates[1]);
    const lngs = all.map((p) => p.geometry.coordinates[0]);
    expect(overview.bounds).toEqual([Math.min(...lats), Math.min(...lngs), Math.max(...lats), Math.max(...lngs)]);
  });

  test('draws at each of its zooms what Supercluster draws from the file, for the whole map and for a box', () => {
    const boxes: Array<[number, number, number, number]> = [WORLD, [135, 33, 141, 37]];
    overview.zooms.forEach((_, i) => {
      const zoom = CLUSTER_OPTIONS.minZoom + i;
      for (const box of boxes)
        expect(drawing(overviewAt(file, zoom, box)!)).toEqual(drawing(index.getClusters(box, zoom)));
    });
  });

  test('holds the pins it shows alone, as the pin file has them, and no other', () => {
    const shownAlone = new Set(overview.zooms.flat().filter((e): e is number => typeof e === 'number'));
    const own = decodePins(file);
    expect([...shownAlone].sort((a, b) => a - b)).toEqual(own.map((_, i) => i));
    const byId = new Map(all.map((p) => [p.properties.id, p]));
    for (const pin of own) expect(pin).toEqual(byId.get(pin.properties.id));
  });

  test('has nothing for a zoom it does not hold', () => {
    expect(overviewAt(file, CLUSTER_OPTIONS.minZoom - 1, WORLD)).toBeUndefined();
    expect(overviewAt(file, CLUSTER_OPTIONS.minZoom + overview.zooms.length, WORLD)).toBeUndefined();
  });
});

test('a pin file with no pin has an overview file with no pin and no overview; a file without one draws nothing', () => {
  const empty = overviewFile(encodePins([]));
  expect(empty.overview).toBeUndefined();
  expect(decodePins(empty)).toEqual([]);
  expect(overviewAt(empty, CLUSTER_OPTIONS.minZoom, WORLD)).toBeUndefined();
  expect(overviewAt(encodePins(real), CLUSTER_OPTIONS.minZoom, WORLD)).toBeUndefined();
});

test('the closest first zoom: where the bounds still fit a 2,560 × 1,280 canvas, within the fitted views’ zooms', () => {
  // Japan from Yonaguni to Nemuro is 16.4 × 18.6 px at zoom 0 (Web Mercator, 256 px tiles): 1,193 px high at zoom 6,
  // 2,386 at zoom 7.
  expect(closestFirstZoom([24, 123, 45.6, 146])).toBe(6);
  // Half a degree of Tokyo Bay fits at zoom 11 and beyond; one point fits at any zoom: both stop at FIT_MAX_ZOOM.
  expect(closestFirstZoom([35, 139.5, 35.5, 140])).toBe(FIT_MAX_ZOOM);
  expect(closestFirstZoom([35, 139, 35, 139])).toBe(FIT_MAX_ZOOM);
  // The whole world fits no closer than the widest zoom.
  expect(closestFirstZoom([-85, -180, 85, 180])).toBe(CLUSTER_OPTIONS.minZoom);
});

test('a dense area, whose fitted view opens close, gets every zoom up to FIT_MAX_ZOOM within the limit', () => {
  const { overview } = overviewFile(encodePins(dense(10_000)));
  expect(closestFirstZoom(overview!.bounds)).toBe(FIT_MAX_ZOOM);
  expect(overview!.zooms.length).toBe(FIT_MAX_ZOOM - CLUSTER_OPTIONS.minZoom + 1);
  expect(overview!.zooms.flat().length).toBeLessThanOrEqual(OVERVIEW_LIMIT);
});

test('the map draws only from an overview file it can use', () => {
  const file = served(overviewFile(encodePins(real)));
  expect(usableOverview(file)).toBe(file);
  const broken = (change: (f: MapPinsFile) => void) => {
    const f = served(file);
    change(f);
    return usableOverview(f);
  };
  expect(usableOverview(undefined)).toBeUndefined();
  expect(usableOverview(encodePins(real))).toBeUndefined();
  expect(broken((f) => (f.overview!.options.radius = 40))).toBeUndefined();
  expect(
    broken((f) => (f.overview!.bounds = [1, 2, 3] as unknown as [number, number, number, number])),
  ).toBeUndefined();
  expect(broken((f) => f.overview!.zooms[0]!.push(f.id.length))).toBeUndefined();
  expect(broken((f) => f.overview!.zooms[0]!.push([1, 2, 3] as unknown as number))).toBeUndefined();
  expect(broken((f) => f.name.pop())).toBeUndefined();
  expect(broken((f) => (f.format = 'other' as MapPinsFile['format']))).toBeUndefined();
});

test('options other than the map’s are not the map’s', () => {
  expect(sameClusterOptions({ ...CLUSTER_OPTIONS })).toBe(true);
  expect(sameClusterOptions({ ...CLUSTER_OPTIONS, radius: 40 })).toBe(false);
  expect(sameClusterOptions(undefined)).toBe(false);
});

test('decodePin gives one pin as decodePins does, and refuses a position the file does not have', () => {
  const file = served(encodePins(real));
  const all = decodePins(file);
  for (const i of [0, all.length - 1]) expect(decodePin(file, i)).toEqual(all[i]);
  expect(() => decodePin(file, all.length)).toThrow(/ピンはありません/);
  expect(() => decodePin(file, -1)).toThrow(/ピンはありません/);
});
