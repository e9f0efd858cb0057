/**
 * The clusters of the map's first views, carried in /data/map-pins.json
 * (`overview`, see MapOverview in src/map/pins.ts). At 10,000 organisations
 * reading every pin and clustering them takes the page's main thread about
 * 150 ms; with these the map draws its first view (Japan at a wide zoom) as
 * soon as Leaflet is there, then reads and clusters the pins itself and draws
 * the same clusters again (they are Supercluster's, made from the same pins in
 * the same order with the same options, so they are the same).
 *
 * Written for the widest zooms only, from CLUSTER_OPTIONS.minZoom up to the
 * closest zoom a fitted view opens at, while the entries stay within
 * OVERVIEW_LIMIT (at 10,000 organisations the file grows by about 4 % gzipped).
 */
import Supercluster, { type AnyProps, type ClusterFeature, type ClusterProperties } from 'supercluster';
import { CLUSTER_OPTIONS, FIT_MAX_ZOOM } from './clusters.ts';
import { decodePin, decodePins, type MapOverview, type MapPin, type MapPinsFile, type OverviewEntry } from './pins.ts';

/**
 * The most entries (clusters and single pins, all zooms together) the overview holds: at 10,000 organisations across
 * Japan, zooms 4 to 8 (457 entries; zoom 9 alone would add 987). A fitted view of all Japan opens at zoom 4 on a phone
 * and 5 or 6 on a wider screen.
 */
export const OVERVIEW_LIMIT = 500;

/** A cluster's position is written to 5 decimal places (about a metre; a pixel is 76 m at zoom 11). */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The whole world, as Supercluster reads a box (west, south, east, north). */
const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

/** South, west, north, east of the pins (undefined for none). */
export function boundsOf(pins: readonly MapPin[]): [number, number, number, number] | undefined {
  if (!pins.length) return undefined;
  let south = 90,
    west = 180,
    north = -90,
    east = -180;
  for (const { geometry } of pins) {
    const [lng, lat] = geometry.coordinates;
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
  }
  return [south, west, north, east];
}

/** The file with its overview (the file as it is when it has no pin). */
export function withOverview(file: MapPinsFile): MapPinsFile {
  // The pins as the map reads them, in its order: the clusters then are the ones it makes.
  const pins = decodePins(JSON.parse(JSON.stringify(file)) as MapPinsFile);
  if (!pins.length) return file;
  // Supercluster gives a single pin as a new feature around the pin's own properties object.
  const position = new Map(pins.map((p, i) => [p.properties, i]));
  const index = new Supercluster<MapPin['properties']>({ ...CLUSTER_OPTIONS }).load(pins);
  const zooms: OverviewEntry[][] = [];
  let total = 0;
  for (let zoom = CLUSTER_OPTIONS.minZoom; zoom <= FIT_MAX_ZOOM; zoom++) {
    const items = index.getClusters(WORLD, zoom);
    if (total + items.length > OVERVIEW_LIMIT) break;
    total += items.length;
    zooms.push(
      items.map((item): OverviewEntry => {
        const props = item.properties as Partial<ClusterProperties>;
        const [lng, lat] = item.geometry.coordinates as [number, number];
        if (props.cluster) return [round(lng), round(lat), props.point_count!, props.cluster_id!];
        const at = position.get(item.properties as MapPin['properties']);
        if (at === undefined) throw new Error('map-pins: 概観のピンが元の一覧にありません');
        return at;
      }),
    );
  }
  const overview: MapOverview = { bounds: boundsOf(pins)!, options: { ...CLUSTER_OPTIONS }, zooms };
  return { ...file, overview };
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
