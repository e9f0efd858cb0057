/** A public body's page (src/lib/views/place.ts): co-ops covering it, the nearest ones, where to ask, on real content too. */
import { describe, expect, test } from 'vitest';
import { coopsCovering, nearestCoops, placePage, whereToAsk } from '../../../src/lib/views/place.ts';
import { buildIndex, coopsLocatedIn, nearCandidates } from '../../../src/lib/model/directory.ts';
import { compareReading } from '../../../src/lib/model/sort.ts';
import { loadContentDirectory } from '../../helpers/content.ts';
import type { Body, Coop, Council } from '../../../src/lib/model/types.ts';

const src = [{ title: 'テスト資料', document: 'テスト用の架空資料', asOf: '2024-01-01' }];
const body = (id: string, name: string, kind: Body['kind'], extra: Partial<Body> = {}): Body =>
  ({ id, name, reading: name, kind, sources: src, ...extra }) as Body;
const coop = (id: string, extra: Partial<Coop> = {}): Coop =>
  ({
    id,
    name: id,
    reading: id,
    kind: 'coop',
    legalForm: '労働者協同組合',
    categories: ['x'],
    sources: src,
    ...extra,
  }) as Coop;

const pref = body('110001', '埼玉県', '都道府県', {
  location: { lat: 35.9, lng: 139.4 },
  windows: [{ department: 'テスト課', source: 0 }],
});
const town = body('112313', '桶川市', '市', { prefecture: '110001', location: { lat: 36.0, lng: 139.54 } });
const city = body('111007', 'さいたま市', '市', { prefecture: '110001', location: { lat: 35.86, lng: 139.65 } });
const ward = body('111015', '西区', '区', { prefecture: '110001', parent: '111007' });
const ministry = body('mhlw', '厚生労働省', '国', {
  windows: [{ department: '本省', phone: '0120-000-000', source: 0 }],
});
const bodies = new Map([pref, town, city, ward, ministry].map((b) => [b.id, b]));

describe('coopsCovering', () => {
  const wide = coop('wide', { areaCodes: { prefectures: ['110001'], source: 0 } });
  const named = coop('named', { areaCodes: { municipalities: ['111007'], source: 0 } });
  const none = coop('none');
  test('prefecture-wide and named areas, a ward counting as its city; those located here left out', () => {
    expect(coopsCovering(town, [wide, named, none]).map((c) => [c.coop.id, c.scope])).toEqual([['wide', 'prefecture']]);
    expect(coopsCovering(ward, [wide, named, none]).map((c) => [c.coop.id, c.scope])).toEqual([
      ['wide', 'prefecture'],
      ['named', 'municipality'],
    ]);
    expect(coopsCovering(city, [wide, named], new Set(['named'])).map((c) => c.coop.id)).toEqual(['wide']);
    expect(coopsCovering(pref, [wide, named]).map((c) => [c.coop.id, c.scope])).toEqual([['wide', 'prefecture']]);
    expect(coopsCovering(ministry, [wide])).toEqual([]);
  });
});

describe('nearestCoops', () => {
  test('from the body point; only organisations a resident can visit, placed better than their prefecture', () => {
    const coops = [
      coop('in-city', { municipality: '111007', prefecture: '110001' }),
      coop('at-address', { location: { lat: 36.01, lng: 139.55 }, prefecture: '110001' }),
      coop('pref-only', { prefecture: '110001' }),
      coop('federation', { kind: 'federation', municipality: '112313' }),
    ];
    const r = nearestCoops(town, { bodies, nearCandidates: nearCandidates(coops, bodies) })!;
    expect(r.from.own).toBe(true);
    expect(r.within.map((n) => [n.item.id, n.precision])).toEqual([
      ['at-address', 'address'],
      ['in-city', 'municipality'],
    ]);
    expect(r.within[0]!.km).toBeLessThan(r.within[1]!.km);
  });
  test("a place's own organisations (a city's: its wards' too) are never nearby", () => {
    const coops = [
      coop('in-town', { municipality: '112313', prefecture: '110001' }),
      coop('in-city', { municipality: '111007', prefecture: '110001' }),
      coop('in-ward', { municipality: '111015', location: { lat: 35.9, lng: 139.6 }, prefecture: '110001' }),
    ];
    const near = (b: Body) =>
      nearestCoops(b, { bodies, nearCandidates: nearCandidates(coops, bodies) })!.within.map((n) => n.item.id);
    expect(near(town)).toEqual(['in-ward', 'in-city']);
    expect(near(city)).toEqual(['in-town']);
  });
  test('a ward without a point is measured from its city and says so; ties at that point are all listed', () => {
    const coops = Array.from({ length: 7 }, (_, i) => coop(`c${i}`, { municipality: '111007', prefecture: '110001' }));
    const r = nearestCoops(ward, { bodies, nearCandidates: nearCandidates(coops, bodies) })!;
    expect(r.from.own).toBe(false);
    expect(r.from.of.id).toBe('111007');
    expect(r.within.map((n) => n.item.id)).toEqual(coops.map((c) => c.id));
    expect(r.within.every((n) => n.km === 0)).toBe(true);
  });
});

describe('whereToAsk', () => {
  test('the prefecture window with its source, the ministry line, the councils of the prefecture', () => {
    const council = { id: 'saitama', prefecture: '110001', windows: [] } as unknown as Council;
    const other = { id: 'kanagawa', prefecture: '140007' } as unknown as Council;
    const ask = whereToAsk(town, bodies, [council, other]);
    expect(ask.prefecture?.id).toBe('110001');
    expect(ask.prefectureWindow?.window.department).toBe('テスト課');
    expect(ask.prefectureWindow?.source).toEqual(src[0]);
    expect(ask.ministryWindow?.window.phone).toBe('0120-000-000');
    expect(ask.councils.map((c) => c.id)).toEqual(['saitama']);
    expect(whereToAsk(body('130001', '東京都', '都道府県'), bodies, []).prefectureWindow).toBeUndefined();
  });
});

describe('placePage (what a public body page shows), on the real content', () => {
  const dir = loadContentDirectory();
  const index = buildIndex(dir);
  const prefecture = dir.bodies.find((b) => b.kind === '都道府県' && coopsLocatedIn(index, b).length > 0)!;
  const city = dir.bodies.find((b) => dir.bodies.some((w) => w.parent === b.id))!;
  const ministry = dir.bodies.find((b) => b.kind === '国')!;
  test('a prefecture: its municipalities (not wards) in 五十音順 with their counts, no nearest list, its code and trail', () => {
    const v = placePage(prefecture, dir, index);
    expect(v.locals.length).toBeGreaterThan(0);
    expect(v.locals.every((l) => l.body.prefecture === prefecture.id && l.body.parent === undefined)).toBe(true);
    expect(v.locals.map((l) => l.body.reading)).toEqual([...v.locals.map((l) => l.body.reading)].sort(compareReading));
    for (const l of v.locals) expect(l.count).toBe(coopsLocatedIn(index, l.body).length);
    expect(v.near).toBeUndefined();
    expect(v.codeLabel).toBe(prefecture.id);
    expect(v.trail.map((t) => t.label)).toEqual(['自治体・委託元', prefecture.name]);
    expect(v.listedCoops.every((c) => c.kind === 'coop')).toBe(true);
  });
  test('a designated city lists its wards; a municipality gets the nearest co-ops and where to ask', () => {
    const v = placePage(city, dir, index);
    expect(v.locals.map((l) => l.body.parent)).toEqual(v.locals.map(() => city.id));
    expect(v.near!.within.length + v.near!.beyond.length).toBeGreaterThan(0);
    expect(v.near!.within.some((n) => n.item.municipality === city.id)).toBe(false);
    expect(v.ask?.prefecture?.id).toBe(city.prefecture);
  });
  test('the ministry is not a place: no nearest, no windows section of its own, no code shown', () => {
    const v = placePage(ministry, dir, index);
    expect([v.place, v.near, v.ask, v.codeLabel, v.covering.length]).toEqual([
      false,
      undefined,
      undefined,
      undefined,
      0,
    ]);
  });
});
