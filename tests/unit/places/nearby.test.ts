import { describe, expect, test } from 'vitest';
import { haversineKm } from '../../../src/lib/places/nearest.ts';
import {
  isOwnOf,
  moreAtCutText,
  nearby,
  nearbyCandidate,
  NEARBY_COUNT,
  NEARBY_MAX_SHOWN,
  NEARBY_RADIUS_KM,
  noneWithinText,
  pointLabel,
} from '../../../src/lib/places/nearby.ts';

const from = { lat: 35, lng: 139 };
/** A candidate `km` kilometres due north of `from` (along a meridian distances add up exactly). */
const north = (item: string, km: number) => ({ item, point: { lat: from.lat + km / 111.19508, lng: from.lng } });
const ids = (list: Array<{ item: string }>) => list.map((n) => n.item);

describe('nearby: the radius', () => {
  test('within the radius: the nearest NEARBY_COUNT, nearest first, none beyond the radius', () => {
    const items = [
      north('a', 3),
      north('far', 150),
      north('b', 1),
      north('c', 40),
      north('d', 99),
      north('e', 70),
      north('f', 80),
    ];
    const r = nearby(from, items);
    expect(r.radiusKm).toBe(NEARBY_RADIUS_KM);
    expect(ids(r.within)).toEqual(['b', 'a', 'c', 'e', 'f'].slice(0, NEARBY_COUNT));
    expect(r.within.every((n) => n.km <= NEARBY_RADIUS_KM)).toBe(true);
    expect(r.beyond).toEqual([]);
    expect(r.moreAtCut).toBe(0);
  });
  test('fewer within the radius than the count: only those, never one beyond', () => {
    const r = nearby(from, [north('near', 10), north('far', 157), north('farther', 1038)]);
    expect(ids(r.within)).toEqual(['near']);
    expect(r.beyond).toEqual([]);
  });
  test('none within the radius: the nearest beyond it, said as such', () => {
    const r = nearby(from, [north('farther', 1038), north('far', 157), north('farthest', 1329)]);
    expect(r.within).toEqual([]);
    expect(ids(r.beyond)).toEqual(['far']);
    expect(r.beyond[0]!.km).toBeCloseTo(157, 3);
    expect(noneWithinText(r.radiusKm)).toBe('100km以内に掲載団体はありません。');
  });
  test('nothing at all', () => {
    expect(nearby(from, [])).toEqual({ radiusKm: NEARBY_RADIUS_KM, within: [], beyond: [], moreAtCut: 0 });
  });
  test('the radius and count can be given', () => {
    const r = nearby(from, [north('a', 5), north('b', 15), north('c', 25)], { radiusKm: 20, count: 1 });
    expect(ids(r.within)).toEqual(['a']);
  });
});

describe('nearby: ties are never dropped unsaid', () => {
  const samePoint = (n: number, km = 0) => Array.from({ length: n }, (_, i) => north(`t${i}`, km));
  test('every organisation at the distance of the last one is shown, in the order given', () => {
    const r = nearby(from, [...samePoint(NEARBY_COUNT + 1), north('later', 16)]);
    expect(ids(r.within)).toEqual(samePoint(NEARBY_COUNT + 1).map((c) => c.item));
    expect(r.moreAtCut).toBe(0);
  });
  test('a tie at the cut after closer ones: all of the tie', () => {
    const r = nearby(from, [north('x', 1), north('y', 2), north('z', 3), ...samePoint(4, 7)]);
    expect(ids(r.within)).toEqual(['x', 'y', 'z', 't0', 't1', 't2', 't3']);
  });
  test('past NEARBY_MAX_SHOWN, the rest of the tie is counted and said', () => {
    const many = samePoint(NEARBY_MAX_SHOWN + 3, 6.81);
    const r = nearby(from, many);
    expect(r.within).toHaveLength(NEARBY_MAX_SHOWN);
    expect(r.moreAtCut).toBe(3);
    expect(moreAtCutText(r.moreAtCut, r.within.at(-1)!.km)).toBe('ほかに3団体が同じ距離（6.8km）にあります。');
  });
  test('beyond the radius too: the nearest and those at its distance', () => {
    const r = nearby(from, [north('far', 500), ...samePoint(2, 157)]);
    expect(ids(r.beyond)).toEqual(['t0', 't1']);
  });
});

describe("nearby: a place's own organisations are not nearby", () => {
  const city = { id: '141003', prefecture: false, wards: new Set(['141097', '141011']) };
  const town = { id: '112313', prefecture: false, wards: new Set<string>() };
  const pref = { id: '130001', prefecture: true, wards: new Set<string>() };
  test('isOwnOf: the place itself, a city with its wards, a prefecture with everything in it', () => {
    expect(isOwnOf(city, { municipality: '141003' })).toBe(true);
    expect(isOwnOf(city, { municipality: '141097' })).toBe(true);
    expect(isOwnOf(city, { municipality: '142131' })).toBe(false);
    expect(isOwnOf(town, { municipality: '112313', prefecture: '110001' })).toBe(true);
    expect(isOwnOf(town, { prefecture: '110001' })).toBe(false);
    expect(isOwnOf(pref, { municipality: '131041', prefecture: '130001' })).toBe(true);
    expect(isOwnOf(pref, { municipality: '112313', prefecture: '110001' })).toBe(false);
  });
  test('own organisations are left out even at 0 km; the next ones move up', () => {
    const orgs = new Map([
      ['own1', '131041'],
      ['own2', '131041'],
      ['other', '131164'],
    ]);
    const items = [north('own1', 0), north('own2', 0), north('other', 4.81)];
    const shinjuku = { id: '131041', prefecture: false, wards: new Set<string>() };
    const r = nearby(from, items, { isOwn: (id) => isOwnOf(shinjuku, { municipality: orgs.get(id) }) });
    expect(ids(r.within)).toEqual(['other']);
  });
});

describe('nearby: the same as sorting every candidate', () => {
  test('on random points with many equal distances, for every count', () => {
    let s = 11;
    const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 30; round++) {
      const items = Array.from({ length: 120 }, (_, i) => ({
        item: `c${i}`,
        point: { lat: 34.5 + Math.floor(rand() * 12) / 10, lng: 138.5 + Math.floor(rand() * 12) / 10 },
      }));
      const own = new Set(items.filter(() => rand() < 0.1).map((c) => c.item));
      const sorted = items
        .filter((c) => !own.has(c.item))
        .map((c, at) => ({ item: c.item, km: haversineKm(from, c.point), at }))
        .sort((a, b) => a.km - b.km || a.at - b.at);
      for (const count of [1, 3, 5]) {
        const radiusKm = 20 + round * 3;
        const r = nearby(from, items, { isOwn: (id) => own.has(id), count, radiusKm });
        const inside = sorted.filter((x) => x.km <= radiusKm);
        const list = inside.length ? inside : sorted;
        const cut = inside.length ? count : 1;
        const last = list[Math.min(cut, list.length) - 1];
        const tied = last ? list.filter((x, i) => i >= cut && Math.abs(x.km - last.km) < 0.001) : [];
        const expected = [...list.slice(0, cut), ...tied].slice(0, Math.max(count, NEARBY_MAX_SHOWN));
        const got = inside.length ? r.within : r.beyond;
        expect(ids(got)).toEqual(expected.map((x) => x.item));
        expect(r.moreAtCut).toBe(Math.max(0, cut + tied.length - Math.max(count, NEARBY_MAX_SHOWN)));
      }
    }
  });
});

test('nearbyCandidate: organisations a resident can visit, with a point finer than their prefecture', () => {
  expect(nearbyCandidate('coop', 'address')).toBe(true);
  expect(nearbyCandidate('site', 'municipality')).toBe(true);
  expect(nearbyCandidate('hq', 'prefecture')).toBe(false);
  expect(nearbyCandidate('federation', 'address')).toBe(false);
});

test('pointLabel: whose point the distances are from, and why when it is borrowed', () => {
  expect(pointLabel('桶川市', undefined)).toBe('桶川市の代表点');
  expect(pointLabel('港北区', '横浜市')).toBe('横浜市の代表点（港北区の代表点がないため）');
});
