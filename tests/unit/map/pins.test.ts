/** The map's compact pin file (src/map/pins.ts): what encodePins packs, decodePins gives back, on the real content and on edge cases. */
import { describe, expect, test } from 'vitest';
import { indexById } from '../../../src/lib/model/directory.ts';
import { mapEntries, type MapEntry } from '../../../src/map/geojson.ts';
import { decodePins, encodePins, MAP_PINS_FORMAT, type MapPinsFile } from '../../../src/map/pins.ts';
import { loadContentDirectory } from '../../helpers/content.ts';

const dir = loadContentDirectory();
const entries = mapEntries(dir.coops, indexById(dir.bodies));

/** What the map reads of an entry, in the shape decodePins gives. */
const expected = (e: MapEntry) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [e.lng, e.lat] },
  properties: {
    id: e.id,
    name: e.name,
    kind: e.kind,
    categories: e.categories,
    ...(e.prefecture !== undefined ? { prefecture: e.prefecture } : {}),
    ...(e.municipality !== undefined ? { municipality: e.municipality } : {}),
    placeName: e.placeName,
    precision: e.precision,
    page: e.page,
  },
});

/** Through JSON, as the browser gets it. */
const roundTrip = (list: readonly MapEntry[]) =>
  decodePins(JSON.parse(JSON.stringify(encodePins(list))) as MapPinsFile);

describe('map pins on the real content', () => {
  test('there is something to check', () => expect(entries.length).toBeGreaterThan(0));

  test('every pin comes back with the fields the map uses, in order', () => {
    expect(roundTrip(entries)).toEqual(entries.map(expected));
  });

  test('recurring strings are stored once, and pages follow the one pattern', () => {
    const file = encodePins(entries);
    expect(file.format).toBe(MAP_PINS_FORMAT);
    expect(file.categories.length).toBe(new Set(entries.flatMap((e) => e.categories)).size);
    expect(file.places.length).toBe(new Set(entries.map((e) => e.placeName)).size);
    expect(file.municipalities.length).toBe(new Set(entries.flatMap((e) => e.municipality ?? [])).size);
    expect(file.pages).toBeUndefined();
  });
});

describe('map pins edge cases', () => {
  const base = entries[0]!;
  test('no prefecture, no category, and a page off the pattern survive', () => {
    const odd: MapEntry[] = [
      base,
      { ...base, id: 'x-1', prefecture: undefined, municipality: undefined, categories: [], page: 'elsewhere/x-1/' },
      { ...base, id: 'x-2', categories: ['b', 'a', 'b2'] },
    ];
    delete odd[1]!.prefecture;
    delete odd[1]!.municipality;
    expect(roundTrip(odd)).toEqual(odd.map(expected));
    expect(roundTrip(odd)[1]!.properties).not.toHaveProperty('prefecture');
    expect(roundTrip(odd)[1]!.properties).not.toHaveProperty('municipality');
  });
  test('an empty list', () => expect(roundTrip([])).toEqual([]));
  test('a file of another format, or with columns of unequal length, is refused by name', () => {
    const file = encodePins(entries);
    expect(() => decodePins({ ...file, format: 'x' } as unknown as MapPinsFile)).toThrow(/format/);
    expect(() => decodePins({ ...file, lat: file.lat.slice(1) })).toThrow(/lat/);
  });
});
