/**
 * The map's municipality picker: a compact list of every place with its
 * representative point (built into /data/places.json), and matching what a
 * visitor types — a name (「桶川市」「桶川」), a full name with the prefecture
 * (「埼玉県桶川市」) or the kana reading (「おけがわし」). Pure: built at build
 * time, matched in the browser.
 */
import type { Body } from '../lib/model/types.ts';
import { referencePoint } from '../lib/places/nearest.ts';
import type { OwnArea } from '../lib/places/nearby.ts';

/**
 * One place: [code, full name, reading, lat, lng, name of the body whose point it is when not its own ('' when its own),
 * a ward's city code]. Points are not rounded: the map's near-me list measures from the same point as the place page.
 */
export type PlaceRow = [
  code: string,
  label: string,
  reading: string,
  lat: number,
  lng: number,
  pointOf?: string,
  city?: string,
];

/** Full name for a picker: prefecture, then the city of a ward, then the name (「埼玉県桶川市」「札幌市中央区」 with 北海道). */
export function fullName(body: Body, bodies: ReadonlyMap<string, Body>): string {
  if (body.kind === '都道府県') return body.name;
  const pref = body.prefecture ? (bodies.get(body.prefecture)?.name ?? '') : '';
  const city = body.parent ? (bodies.get(body.parent)?.name ?? '') : '';
  return `${pref}${city}${body.name}`;
}

/** Every prefecture and municipality with a point (its own, or its city's or prefecture's), in code order. */
export function placeRows(bodies: readonly Body[]): PlaceRow[] {
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return bodies
    .filter((b) => b.kind !== '国')
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .flatMap((b) => {
      const p = referencePoint(b, byId);
      if (!p) return [];
      const row: PlaceRow = [b.id, fullName(b, byId), b.reading, p.lat, p.lng];
      if (!p.own || b.parent) row.push(p.own ? '' : p.of.name);
      if (b.parent) row.push(b.parent);
      return [row];
    });
}

/** Folds katakana to hiragana and drops spaces, for comparing readings. */
export function foldKana(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[\s\u3000]/g, '');
}

/**
 * The places a typed text names, best first: an exact full name, name or
 * reading; else full names, names or readings that start with it; else that
 * contain it. Empty when nothing matches.
 */
export function matchPlaces(query: string, rows: readonly PlaceRow[]): PlaceRow[] {
  const q = query
    .normalize('NFKC')
    .trim()
    .replace(/[\s\u3000]/g, '');
  if (!q) return [];
  const k = foldKana(q);
  const nameOf = (r: PlaceRow) => r[1].replace(/^(?:北海道|東京都|京都府|大阪府|.{2,3}?県)(?=.)/u, '');
  const tiers: Array<(r: PlaceRow) => boolean> = [
    (r) => r[1] === q || nameOf(r) === q || r[2] === k,
    (r) => r[1].startsWith(q) || nameOf(r).startsWith(q) || r[2].startsWith(k),
    (r) => r[1].includes(q) || r[2].includes(k),
  ];
  for (const t of tiers) {
    const hits = rows.filter(t);
    if (hits.length) return hits;
  }
  return [];
}

/** The own area of a picked place (places/nearby.ts): a prefecture (by its official code, XX000C), or a city and its wards. */
export function placeArea(row: PlaceRow, rows: readonly PlaceRow[]): OwnArea {
  const prefecture = /^\d{2}000\d$/.test(row[0]);
  return {
    id: row[0],
    prefecture,
    wards: new Set(prefecture ? [] : rows.filter((r) => r[6] === row[0]).map((r) => r[0])),
  };
}
