/**
 * The map's data: every organisation that has a point (from placeOf), as
 * plain entries for the server-rendered list and as a GeoJSON
 * FeatureCollection (RFC 7946) for download. The map script reads the same
 * entries packed by src/map/pins.ts (/data/map-pins.json).
 */
import type { Body, Coop } from '../lib/model/types.ts';
import { placeName, placeOf, prefectureOf, type Place } from '../lib/model/directory.ts';
import { paths } from '../lib/model/paths.ts';

export { PRECISION_LABELS } from './precision.ts';

/** One organisation on the map. */
export interface MapEntry {
  id: string;
  name: string;
  kind: Coop['kind'];
  categories: string[];
  /** Prefecture's body id (6-digit code), when known. */
  prefecture?: string | undefined;
  /** Municipality's body id (6-digit code), when known. */
  municipality?: string | undefined;
  /** Where it is, in words (placeName): prefecture, a ward's city, municipality. */
  placeName: string;
  lat: number;
  lng: number;
  /** What the point stands for: the address, or the municipality's or prefecture's representative point. */
  precision: Place['precision'];
  /** The organisation's page, relative to the site's base. */
  page: string;
}

/** Every organisation with a point, in the order given. */
export function mapEntries(coops: readonly Coop[], bodies: Map<string, Body>): MapEntry[] {
  return coops.flatMap((coop) => {
    const place = placeOf(coop, bodies);
    if (!place) return [];
    const prefecture = prefectureOf(coop, bodies);
    return [
      {
        id: coop.id,
        name: coop.name,
        kind: coop.kind,
        categories: [...coop.categories],
        ...(prefecture ? { prefecture } : {}),
        ...(coop.municipality ? { municipality: coop.municipality } : {}),
        placeName: placeName(coop, bodies) ?? '未確認',
        lat: place.lat,
        lng: place.lng,
        precision: place.precision,
        page: paths.coop(coop.id),
      },
    ];
  });
}

/** A GeoJSON Point feature of one organisation. */
export interface CoopFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Omit<MapEntry, 'lat' | 'lng'> & { url?: string };
}

/** A GeoJSON FeatureCollection of organisations. */
export interface CoopFeatureCollection {
  type: 'FeatureCollection';
  features: CoopFeature[];
}

/** Entries as a GeoJSON FeatureCollection: [lng, lat] points, every other field in properties; `url` maps a page path to its public URL. */
export function toFeatureCollection(
  entries: readonly MapEntry[],
  url?: (page: string) => string,
): CoopFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: entries.map(({ lat, lng, ...properties }) => ({
      type: 'Feature',
      id: properties.id,
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: url ? { ...properties, url: url(properties.page) } : properties,
    })),
  };
}
