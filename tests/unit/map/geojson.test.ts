/** The map's entries and GeoJSON (src/map/geojson.ts) and its filters read from and written to the URL (src/map/filter.ts). */
import { describe, expect, test } from 'vitest';
import { mapEntries, toFeatureCollection, PRECISION_LABELS } from '../../../src/map/geojson.ts';
import { filterSearch, matchesFilter, parseFilter } from '../../../src/map/filter.ts';
import type { Body, Coop } from '../../../src/lib/model/types.ts';

const src = [{ title: 't', document: 'd', asOf: '2024-01-01' }];
const bodies = new Map<string, Body>([
  [
    '130001',
    {
      id: '130001',
      name: '東京都',
      reading: 'とうきょうと',
      kind: '都道府県',
      location: { lat: 35.6, lng: 139.7 },
      sources: src,
    },
  ],
  [
    '131041',
    {
      id: '131041',
      name: '新宿区',
      reading: 'しんじゅくく',
      kind: '特別区',
      prefecture: '130001',
      location: { lat: 35.69, lng: 139.7 },
      sources: src,
    },
  ],
  ['140007', { id: '140007', name: '神奈川県', reading: 'かながわけん', kind: '都道府県', sources: src }],
]);
const coop = (id: string, extra: Partial<Coop>): Coop => ({
  id,
  name: `組合${id}`,
  reading: id,
  kind: 'coop',
  categories: ['fukushi'],
  sources: src,
  ...extra,
});
const coops = [
  coop('a', { prefecture: '130001', municipality: '131041', location: { lat: 35.7, lng: 139.71 } }),
  coop('b', { prefecture: '130001', municipality: '131041', categories: ['kosodate', 'fukushi'] }),
  coop('c', { prefecture: '130001' }),
  coop('d', { prefecture: '140007' }), // no point anywhere: left off the map
];

describe('mapEntries', () => {
  const entries = mapEntries(coops, bodies);
  test('one entry per organisation with a point, in the given order', () => {
    expect(entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
  test('precision follows placeOf: own coordinates, municipality point, prefecture point', () => {
    expect(entries.map((e) => e.precision)).toEqual(['address', 'municipality', 'prefecture']);
    expect(entries[1]).toMatchObject({
      lat: 35.69,
      lng: 139.7,
      prefecture: '130001',
      municipality: '131041',
      placeName: '東京都新宿区',
      page: 'coops/b/',
    });
    expect(entries[2]!.placeName).toBe('東京都');
    expect(PRECISION_LABELS[entries[1]!.precision]).toBe('市区町村の代表点');
  });
  test('GeoJSON: [lng, lat] points, id on the feature and in properties, optional public URL', () => {
    const fc = toFeatureCollection(entries, (p) => `https://example.org/${p}`);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0]).toMatchObject({
      type: 'Feature',
      id: 'a',
      geometry: { type: 'Point', coordinates: [139.71, 35.7] },
    });
    expect(fc.features[0]!.properties).toMatchObject({
      id: 'a',
      url: 'https://example.org/coops/a/',
      categories: ['fukushi'],
    });
    expect(fc.features[0]!.properties).not.toHaveProperty('lat');
    expect(toFeatureCollection(entries).features[0]!.properties).not.toHaveProperty('url');
  });
});

describe('map filters', () => {
  const known = { categories: new Set(['fukushi', 'kosodate']), prefectures: new Set(['130001']) };
  test('match by category and prefecture; no filter matches all', () => {
    const item = { categories: ['kosodate', 'fukushi'], prefecture: '130001' };
    expect(matchesFilter(item, {})).toBe(true);
    expect(matchesFilter(item, { category: 'fukushi' })).toBe(true);
    expect(matchesFilter(item, { category: 'zoen' })).toBe(false);
    expect(matchesFilter(item, { category: 'fukushi', pref: '140007' })).toBe(false);
    expect(matchesFilter({ categories: [] }, { pref: '130001' })).toBe(false);
  });
  test('the query is read, ignoring unknown values', () => {
    expect(parseFilter('?category=kosodate&pref=130001', known)).toEqual({ category: 'kosodate', pref: '130001' });
    expect(parseFilter('?category=nope&pref=999999', known)).toEqual({});
    expect(parseFilter('', known)).toEqual({});
  });
  test('the query is written back, keeping other parameters but not focus', () => {
    expect(filterSearch({ category: 'kosodate' })).toBe('?category=kosodate');
    expect(filterSearch({}, '?category=kosodate&focus=a&lang=ja')).toBe('?lang=ja');
    expect(filterSearch({ pref: '130001', category: 'fukushi' }, '?x=1')).toBe('?x=1&category=fukushi&pref=130001');
  });
});
