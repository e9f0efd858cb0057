/**
 * /data/map-overview.json: the clusters of the map's first views, and the
 * few pins they show alone. At 10,000 organisations the pin file
 * (/data/map-pins.json) is about 160 kB gzip, and reading every pin and
 * clustering them took the page's main thread 160–180 ms (traced). With this file
 * (about 1 kB gzip) the map draws its first view (Japan at a wide zoom) as
 * soon as Leaflet is there, then reads the pin file, clusters the pins itself
 * and draws the same clusters again: they are Supercluster's, made from the
 * same pins in the same order with the same options (src/map/clusters.ts).
 *
 * Written for the widest zooms only, from CLUSTER_OPTIONS.minZoom up to the
 * closest zoom a view fitted to the pins can open at (closestFirstZoom),
 * while the entries stay within OVERVIEW_LIMIT. The file is a pin file
 * (src/map/pins.ts) of the pins the overview shows alone, with `overview`
 * (MapOverview), whose single pins are positions in it.
 */
import Supercluster, { type AnyProps, type ClusterFeature, type ClusterProperties } from 'supercluster';
import { CLUSTER_OPTIONS, FIT_MAX_ZOOM, sameClusterOptions } from './clusters.ts';
import {
  decodePin,
  decodePins,
  encodePins,
  type MapOverview,
  type MapPin,
  type MapPinsFile,
  type OverviewEntry,
} from './pins.ts';
import type { MapEntry } from './geojson.ts';
import { bboxOf } from '../lib/places/geometry.ts';

/**
 * The most entries (clusters and single pins, all zooms together) the overview holds: a cap on the file's size. The
 * zooms up to closestFirstZoom hold far fewer for a spread like Japan's (about 50 at 10,000 pins) and about 500 for
 * 10,000 pins spread evenly over the largest box that opens at zoom 11 (tests/unit/map/overview.test.ts).
 */
export const OVERVIEW_LIMIT = 500;

/**
 * The largest canvas a first view is fitted to, in CSS pixels (the map's canvas is at most 40rem high, or 60vh on a
 * narrow screen, and its column narrower than a wide screen; this leaves room for large text and tall screens). A fitted view of the pins opens no
 * closer than the zoom at which their bounds fill it, so the overview stops there.
 */
const WIDEST_CANVAS = { width: 2560, height: 1280 };

/** The closest zoom at which `bounds` (south, west, north, east) still fit WIDEST_CANVAS (at most FIT_MAX_ZOOM). */
export function closestFirstZoom([south, west, north, east]: [number, number, number, number]): number {
  // Web Mercator on 256 px tiles, as Leaflet projects.
  const x = (lng: number) => (lng / 360 + 0.5) * 256;
  const y = (lat: number) => {
    const sin = Math.sin((lat * Math.PI) / 180);
    return (0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI) * 256;
  };
  const width = x(east) - x(west);
  const height = y(south) - y(north);
  let zoom = CLUSTER_OPTIONS.minZoom;
  while (
    zoom < FIT_MAX_ZOOM &&
    width * 2 ** (zoom + 1) <= WIDEST_CANVAS.width &&
    height * 2 ** (zoom + 1) <= WIDEST_CANVAS.height
  )
    zoom++;
  return zoom;
}

/** A cluster's position is written to 5 decimal places (about a metre; a pixel is 76 m at zoom 11). */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The whole world, as Supercluster reads a box (west, south, east, north). */
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** South, west, north, east of the pins (undefined for none). */
export function boundsOf(pins: readonly MapPin[]): [number, number, number, number] | undefined {
  const box = bboxOf(pins.map((p) => p.geometry.coordinates));
  return box && [box[1], box[0], box[3], box[2]];
}

/**
 * /data/map-overview.json for the pin file `file` (/data/map-pins.json): a pin file of its own holding only the pins
 * the overview shows alone, with the overview, whose single pins are positions in this smaller file. It holds no pin
 * and no overview when `file` has no pin.
 */
export function overviewFile(file: MapPinsFile): MapPinsFile {
  // The pins as the map reads them, in its order: the clusters then are the ones it makes.
  const pins = decodePins(JSON.parse(JSON.stringify(file)) as MapPinsFile);
  if (!pins.length) return encodePins([]);
  // Supercluster gives a single pin as a new feature around the pin's own properties object.
  const pinOf = new Map(pins.map((p) => [p.properties, p]));
  const index = new Supercluster<MapPin['properties']>({ ...CLUSTER_OPTIONS }).load(pins);
  const singles = new Map<MapPin, number>();
  const zooms: OverviewEntry[][] = [];
  const bounds = boundsOf(pins)!;
  const last = closestFirstZoom(bounds);
  let total = 0;
  for (let zoom = CLUSTER_OPTIONS.minZoom; zoom <= last; zoom++) {
    const items = index.getClusters(WORLD, zoom);
    if (total + items.length > OVERVIEW_LIMIT) break;
    total += items.length;
    zooms.push(
      items.map((item): OverviewEntry => {
        const props = item.properties as Partial<ClusterProperties>;
        const [lng, lat] = item.geometry.coordinates as [number, number];
        if (props.cluster) return [round(lng), round(lat), props.point_count!, props.cluster_id!];
        const pin = pinOf.get(item.properties as MapPin['properties']);
        if (!pin) throw new Error('map-overview: 概観のピンが元の一覧にありません');
        let at = singles.get(pin);
        if (at === undefined) singles.set(pin, (at = singles.size));
        return at;
      }),
    );
  }
  const entries: MapEntry[] = [...singles.keys()].map(({ properties, geometry }) => ({
    ...properties,
    lng: geometry.coordinates[0],
    lat: geometry.coordinates[1],
  }));
  const overview: MapOverview = { bounds, options: { ...CLUSTER_OPTIONS }, zooms };
  return { ...encodePins(entries), overview };
}

/**
 * `file` when it is an overview file the map can draw from: a pin file with an overview made with the map's own
 * clustering (src/map/clusters.ts), whose bounds are four numbers and whose entries are clusters or positions of its
 * pins; else undefined (the map then waits for the pin file, as without one).
 */
export function usableOverview(file: unknown): MapPinsFile | undefined {
  const f = file as MapPinsFile | undefined;
  const o = f?.overview;
  if (!o || !sameClusterOptions(o.options)) return undefined;
  if (!Array.isArray(o.bounds) || o.bounds.length !== 4 || !o.bounds.every(Number.isFinite)) return undefined;
  let pins: number;
  try {
    pins = decodePins(f).length;
  } catch {
    return undefined;
  }
  const entryOk = (e: unknown) =>
    typeof e === 'number'
      ? Number.isInteger(e) && e >= 0 && e < pins
      : Array.isArray(e) && e.length === 4 && e.every(Number.isFinite);
  return Array.isArray(o.zooms) && o.zooms.every((z) => Array.isArray(z) && z.every(entryOk)) ? f : undefined;
}

/**
 * The clusters and single pins of the overview inside `bbox` (west, south, east, north) at `zoom`, shaped as
 * Supercluster's getClusters gives them; undefined when the overview has no such zoom.
 */
export function overviewAt(
  file: MapPinsFile,
  zoom: number,
  bbox: [number, number, number, number],
): Array<MapPin | ClusterFeature<AnyProps>> | undefined {
  const overview = file.overview;
  const entries = overview?.zooms[zoom - overview.options.minZoom];
  if (!overview || !entries || zoom < overview.options.minZoom) return undefined;
  const [west, south, east, north] = bbox;
  const inside = (lng: number, lat: number) => lng >= west && lng <= east && lat >= south && lat <= north;
  const out: Array<MapPin | ClusterFeature<AnyProps>> = [];
  for (const entry of entries) {
    if (typeof entry === 'number') {
      const pin = decodePin(file, entry);
      if (inside(...pin.geometry.coordinates)) out.push(pin);
      continue;
    }
    const [lng, lat, count, id] = entry;
    if (!inside(lng, lat)) continue;
    out.push({
      type: 'Feature',
      id,
      properties: {
        cluster: true,
        cluster_id: id,
        point_count: count,
        point_count_abbreviated:
          count >= 10000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${Math.round(count / 100) / 10}k` : count,
      },
      geometry: { type: 'Point', coordinates: [lng, lat] },
    });
  }
  return out;
}
