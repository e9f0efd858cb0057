/**
 * Straight-line distances: great-circle distance on a sphere (haversine), how
 * a distance reads, and the point a public body is measured from. Pure: used
 * at build time by the place pages and in the browser by the map's near-me
 * list (the rule of what is nearby is in nearby.ts).
 */

/** Mean Earth radius in km (IUGG). */
export const EARTH_RADIUS_KM = 6371.0088;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Kilometres per degree of latitude on the sphere of EARTH_RADIUS_KM (a lower bound's factor, never above the true figure). */
export const KM_PER_DEGREE_LATITUDE = ((2 * Math.PI * EARTH_RADIUS_KM) / 360) * (1 - 1e-9);

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
