/**
 * Straight-line distances for "the nearest co-ops": great-circle distance on
 * a sphere (haversine), the point a public body is measured from, and the
 * nearest organisations to a point. Pure: used at build time by the place
 * pages and, on the same rules, by the map's "near me" list in the browser.
 */

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Kilometres per degree of latitude on the sphere of EARTH_RADIUS_KM (a lower bound's factor, never above the true figure). */
const KM_PER_DEGREE_LATITUDE = ((2 * Math.PI * EARTH_RADIUS_KM) / 360) * (1 - 1e-9);

/** Great-circle distance between two points, in km (haversine formula). */
export function haversineKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A distance for readers: one decimal under 10 km, whole km above (「3.2km」「48km」). */
export function formatKm(km: number): string {
  return km < 10 ? `${(Math.round(km * 10) / 10).toFixed(1)}km` : `${Math.round(km)}km`;
}

/** Something with a point (and a reading, so ties sort in 五十音順). */
export interface Placed<T> {
  item: T;
  point: LatLng;
  reading: string;
}

export interface Near<T> {
  item: T;
  km: number;
}

const collator = new Intl.Collator('ja');

const closer = (a: { km: number; reading: string }, b: { km: number; reading: string }) =>
  a.km - b.km || collator.compare(a.reading, b.reading);

/**
 * The `count` items nearest to `from`, nearest first (ties in reading order, then in the order given). One pass that
 * keeps the best `count`, so a place page among 10,000 co-ops does not sort all of them.
 */
export function nearest<T>(from: LatLng, items: readonly Placed<T>[], count: number): Array<Near<T>> {
  const k = Math.max(0, count);
  const best: Array<{ item: T; km: number; reading: string }> = [];
  if (k === 0) return [];
  for (const p of items) {
    // The north-south distance alone is a lower bound: past the k-th nearest, no need for the full formula.
    if (best.length === k && Math.abs(p.point.lat - from.lat) * KM_PER_DEGREE_LATITUDE > best[k - 1]!.km) continue;
    const candidate = { item: p.item, km: haversineKm(from, p.point), reading: p.reading };
    if (best.length === k && closer(candidate, best[k - 1]!) >= 0) continue;
    // After every item it does not come before, as a stable sort would place it.
    let i = best.length;
    while (i > 0 && closer(candidate, best[i - 1]!) < 0) i--;
    best.splice(i, 0, candidate);
    if (best.length > k) best.pop();
  }
  return best.map(({ item, km }) => ({ item, km }));
}

/** A public body as far as distances need it. */
export interface PointedBody {
  id: string;
  name: string;
  location?: LatLng | undefined;
  parent?: string | undefined;
  prefecture?: string | undefined;
}

/** The point a body's distances are measured from, and whose point it is. */
export interface ReferencePoint extends LatLng {
  /** The body whose representative point it is (the body itself, its city or its prefecture). */
  of: PointedBody;
  /** Whether it is the body's own point. */
  own: boolean;
}

/** The body's own representative point; else its city's (a ward), else its prefecture's. */
export function referencePoint(
  body: PointedBody,
  bodies: ReadonlyMap<string, PointedBody>,
): ReferencePoint | undefined {
  const chain = [
    body,
    body.parent ? bodies.get(body.parent) : undefined,
    body.prefecture ? bodies.get(body.prefecture) : undefined,
  ];
  for (const b of chain) if (b?.location) return { lat: b.location.lat, lng: b.location.lng, of: b, own: b === body };
  return undefined;
}
