/** The municipality picker of "near me" (src/map/place-pick.ts): its place rows and matching by name, full name or kana reading. */
import { describe, expect, test } from 'vitest';
import { foldKana, fullName, matchPlaces, placeArea, placeRows } from '../../../src/map/place-pick.ts';
import type { Body } from '../../../src/lib/model/types.ts';

const src = [{ title: 't', url: 'https://example.org/', seen: '2026-01-01' }];
const body = (id: string, name: string, reading: string, kind: Body['kind'], extra: Partial<Body> = {}): Body => ({
  id,
  name,
  reading,
  kind,
  sources: src,
  ...extra,
});
const bodies: Body[] = [
  body('110001', '埼玉県', 'さいたまけん', '都道府県', { location: { lat: 35.97542, lng: 139.41601 } }),
  body('112313', '桶川市', 'おけがわし', '市', { prefecture: '110001', location: { lat: 36.00215, lng: 139.54136 } }),
  body('111007', 'さいたま市', 'さいたまし', '市', {
    prefecture: '110001',
    location: { lat: 35.86164, lng: 139.6458 },
  }),
  body('111015', '西区', 'にしく', '区', { prefecture: '110001', parent: '111007' }),
  body('010006', '北海道', 'ほっかいどう', '都道府県'),
  body('014036', '泊村', 'とまりむら', '村', { prefecture: '010006' }),
  body('mhlw', '厚生労働省', 'こうせいろうどうしょう', '国'),
];
const rows = placeRows(bodies);

describe('placeRows', () => {
  test("one row per place with a point, own or borrowed, naming whose point it borrowed and a ward's city; no national body", () => {
    expect(rows.map((r) => r[0])).toEqual(['110001', '111007', '111015', '112313']);
    expect(rows.find((r) => r[0] === '112313')).toEqual(['112313', '埼玉県桶川市', 'おけがわし', 36.00215, 139.54136]);
    expect(rows.find((r) => r[0] === '111015')).toEqual([
      '111015',
      '埼玉県さいたま市西区',
      'にしく',
      35.86164,
      139.6458,
      'さいたま市',
      '111007',
    ]);
  });
  test("placeArea: a picked city's own area takes in its wards; a prefecture is told by its code", () => {
    const at = (code: string) => rows.find((r) => r[0] === code)!;
    expect(placeArea(at('111007'), rows)).toEqual({ id: '111007', prefecture: false, wards: new Set(['111015']) });
    expect(placeArea(at('112313'), rows)).toEqual({ id: '112313', prefecture: false, wards: new Set() });
    expect(placeArea(at('110001'), rows).prefecture).toBe(true);
  });
  test('fullName puts the prefecture and a ward city in front', () => {
    const map = new Map(bodies.map((b) => [b.id, b]));
    expect(fullName(map.get('111015')!, map)).toBe('埼玉県さいたま市西区');
    expect(fullName(map.get('110001')!, map)).toBe('埼玉県');
  });
});

describe('matchPlaces', () => {
  test('by name, by full name, by part of the name, by reading in hiragana or katakana', () => {
    for (const q of ['桶川市', '埼玉県桶川市', '桶川', 'おけがわし', 'オケガワシ', ' おけがわ '])
      expect(
        matchPlaces(q, rows).map((r) => r[0]),
        q,
      ).toEqual(['112313']);
  });
  test('an exact match wins over names that merely start with the text', () => {
    expect(matchPlaces('さいたま市', rows).map((r) => r[0])).toEqual(['111007']);
    expect(matchPlaces('さいたま', rows).map((r) => r[0])).toEqual(['110001', '111007', '111015']);
  });
  test('the prefecture is taken off a full name before matching the municipality name (京都府京都市)', () => {
    const kyoto = placeRows([
      body('260002', '京都府', 'きょうとふ', '都道府県', { location: { lat: 35.0, lng: 135.7 } }),
      body('261009', '京都市', 'きょうとし', '市', { prefecture: '260002', location: { lat: 35.01, lng: 135.76 } }),
    ]);
    expect(matchPlaces('京都市', kyoto).map((r) => r[0])).toEqual(['261009']);
  });
  test('nothing typed or nothing found gives an empty list', () => {
    expect(matchPlaces('', rows)).toEqual([]);
    expect(matchPlaces('存在しない町', rows)).toEqual([]);
  });
  test('foldKana', () => {
    expect(foldKana('オケガワ シ')).toBe('おけがわし');
  });
});
