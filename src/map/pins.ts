/**
 * /data/map-pins.json: the map's own compact copy of its points, read by
 * /map/ and its 「近くの団体を探す」 widget instead of the open-data GeoJSON
 * (at 10,000 organisations about a tenth of its bytes, so the map reaches
 * its clustered view sooner). Both files come from the same entries
 * (mapEntries in geojson.ts), so what a pin is is defined once; this file
 * only packs the fields the map reads.
 *
 * The format is columnar: one array per field, all of the same length, one
 * position per pin; strings that recur (kinds, precisions, prefectures, municipality codes,
 * place names, categories) are stored once in a table and referred to by
 * their index. A pin's page is `page[0] + id + page[1]` unless `pages`
 * names it. No DOM and no server code here: the decoder runs in the browser.
 */
import type { MapEntry } from './geojson.ts';

/** What the map, its filters, popups and the near-me widget read of an organisation. */
export type PinProperties = Pick<
  MapEntry,
  'id' | 'name' | 'kind' | 'categories' | 'prefecture' | 'municipality' | 'placeName' | 'precision' | 'page'
>;

/** One pin as the map uses it: a GeoJSON-shaped point (what Supercluster clusters) with the pin's properties. */
export interface MapPin {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PinProperties;
}

/** The identifier of this format, checked by the decoder. */
export const MAP_PINS_FORMAT = 'roukyou-atlas/map-pins@2';

/** The file: lookup tables, then one array per field. */
export interface MapPinsFile {
  format: typeof MAP_PINS_FORMAT;
  /** A pin's page is page[0] + id + page[1] (unless `pages` names another). */
  page: [string, string];
  kinds: string[];
  precisions: string[];
  prefectures: string[];
  /** Municipality codes (the near-me list leaves out a picked place's own organisations). */
  municipalities: string[];
  places: string[];
  categories: string[];
  id: string[];
  name: string[];
  lng: number[];
  lat: number[];
  /** Index into kinds. */
  kind: number[];
  /** Index into precisions. */
  precision: number[];
  /** Index into prefectures; -1 when the prefecture is not known. */
  prefecture: number[];
  /** Index into municipalities; -1 when the municipality is not known. */
  municipality: number[];
  /** Index into places (the placeName). */
  place: number[];
  /** Indexes into categories, in the entry's order. */
  category: number[][];
  /** Pages that do not follow `page`, by the pin's position. */
  pages?: Record<string, string> | undefined;
  /** Only in /data/map-overview.json: the clusters of the map's first views (src/map/overview.ts). */
  overview?: MapOverview | undefined;
}

/** One entry of a zoom's overview: a cluster as [lng, lat, count, cluster id], or a single pin as its position in the columns. */
export type OverviewEntry = [number, number, number, number] | number;

/**
 * What Supercluster gives for the whole map at the widest zooms, so the map can draw its first view before it has read
 * the pin file and clustered every pin itself (which it then does, and draws the same).
 */
export interface MapOverview {
  /** South, west, north, east of every pin. */
  bounds: [number, number, number, number];
  /** The options they were clustered with (src/map/clusters.ts): the map uses them only when they are its own. */
  options: { radius: number; extent: number; minZoom: number; maxZoom: number };
  /** One list per zoom from options.minZoom up: every cluster and single pin of the map at that zoom (a pin as its position in the overview file). */
  zooms: OverviewEntry[][];
}

/** A table of distinct strings in order of first use, with the index of each. */
function table(): { values: string[]; index: (v: string) => number } {
  const values: string[] = [];
  const at = new Map<string, number>();
  return {
    values,
    index(v) {
      let i = at.get(v);
      if (i === undefined) at.set(v, (i = values.push(v) - 1));
      return i;
    },
  };
}

/** Packs the map's entries (from mapEntries) into the compact file, keeping only the fields in PinProperties. */
export function encodePins(entries: readonly MapEntry[]): MapPinsFile {
  const first = entries[0];
  const at = first ? first.page.indexOf(first.id) : -1;
  const page: [string, string] =
    first && at >= 0 ? [first.page.slice(0, at), first.page.slice(at + first.id.length)] : ['', ''];
  const kinds = table();
  const precisions = table();
  const prefectures = table();
  const municipalities = table();
  const places = table();
  const categories = table();
  const pages: Record<string, string> = {};
  const file: MapPinsFile = {
    format: MAP_PINS_FORMAT,
    page,
    kinds: kinds.values,
    precisions: precisions.values,
    prefectures: prefectures.values,
    municipalities: municipalities.values,
    places: places.values,
    categories: categories.values,
    id: [],
    name: [],
    lng: [],
    lat: [],
    kind: [],
    precision: [],
    prefecture: [],
    municipality: [],
    place: [],
    category: [],
  };
  entries.forEach((e, i) => {
    file.id.push(e.id);
    file.name.push(e.name);
    file.lng.push(e.lng);
    file.lat.push(e.lat);
    file.kind.push(kinds.index(e.kind));
    file.precision.push(precisions.index(e.precision));
    file.prefecture.push(e.prefecture === undefined ? -1 : prefectures.index(e.prefecture));
    file.municipality.push(e.municipality === undefined ? -1 : municipalities.index(e.municipality));
    file.place.push(places.index(e.placeName));
    file.category.push(e.categories.map((c) => categories.index(c)));
    if (e.page !== page[0] + e.id + page[1]) pages[i] = e.page;
  });
  if (Object.keys(pages).length) file.pages = pages;
  return file;
}

const COLUMNS = [
  'id',
  'name',
  'lng',
  'lat',
  'kind',
  'precision',
  'prefecture',
  'municipality',
  'place',
  'category',
] as const;

/** Throws unless `file` is a pin file of this format with columns of equal length. */
function checkPins(file: MapPinsFile): void {
  if (file?.format !== MAP_PINS_FORMAT)
    throw new Error(
      `map-pins: format は ${String(MAP_PINS_FORMAT)} のはずですが ${String((file as { format?: unknown } | undefined)?.format)} です`,
    );
  const n = file.id.length;
  for (const c of COLUMNS)
    if (!Array.isArray(file[c]) || file[c].length !== n)
      throw new Error(`map-pins: ${c} の長さが id（${n}件）と違います`);
}

/** The pin at position `i` of a checked file. */
function pinAt(file: MapPinsFile, i: number): MapPin {
  const { kinds, precisions, prefectures, municipalities, places, categories, page, pages } = file;
  const id = file.id[i]!;
  const pref = file.prefecture[i]!;
  const muni = file.municipality[i]!;
  const properties: PinProperties = {
    id,
    name: file.name[i]!,
    kind: kinds[file.kind[i]!] as PinProperties['kind'],
    categories: file.category[i]!.map((c) => categories[c]!),
    ...(pref >= 0 ? { prefecture: prefectures[pref]! } : {}),
    ...(muni >= 0 ? { municipality: municipalities[muni]! } : {}),
    placeName: places[file.place[i]!]!,
    precision: precisions[file.precision[i]!] as PinProperties['precision'],
    page: pages?.[i] ?? page[0] + id + page[1],
  };
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [file.lng[i]!, file.lat[i]!] }, properties };
}

/** Unpacks the file into pins, in the order of the entries; throws on a file of another format or with columns of unequal length. */
export function decodePins(file: MapPinsFile): MapPin[] {
  checkPins(file);
  const n = file.id.length;
  const pins = new Array<MapPin>(n);
  for (let i = 0; i < n; i++) pins[i] = pinAt(file, i);
  return pins;
}

/** The pin at position `i` alone (what decodePins(file)[i] is), for a drawing that needs a few pins before all are read. */
export function decodePin(file: MapPinsFile, i: number): MapPin {
  checkPins(file);
  if (!Number.isInteger(i) || i < 0 || i >= file.id.length)
    throw new Error(`map-pins: ${i} 番目のピンはありません（${file.id.length}件）`);
  return pinAt(file, i);
}
