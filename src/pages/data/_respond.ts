/**
 * Shared by the download routes: the lookups with URLs for this build, the
 * reproducible dates, and responses with the right media type. (Files whose
 * name starts with _ are not routes.)
 */
import { loadDirectory } from '../../content/load.ts';
import { exportDates, makeLookup, type Lookup } from '../../lib/publish/datasets/index.ts';
import { siteUrl } from '../../lib/model/paths.ts';
import { indexById } from '../../lib/model/directory.ts';
import { rememberedPer } from '../../lib/model/remember.ts';
import type { Directory } from '../../lib/model/types.ts';
import { mapEntries } from '../../map/geojson.ts';
import { encodePins, type MapPinsFile } from '../../map/pins.ts';

const lookups = new Map<string, Promise<Lookup>>();

/** Lookups whose URLs are absolute when SITE_URL is set; built once per build (every body's CSV route asks). */
export function lookup(site: URL | undefined): Promise<Lookup> {
  const key = site?.href ?? '';
  let l = lookups.get(key);
  if (!l) {
    l = loadDirectory().then((dir) => makeLookup(dir, (p) => siteUrl(site, import.meta.env.BASE_URL, p)));
    lookups.set(key, l);
  }
  return l;
}

/** generatedAt and dataAsOf, from SOURCE_DATE_EPOCH or the newest source date. */
export function dates(l: Lookup) {
  return exportDates(l.dir, process.env.SOURCE_DATE_EPOCH);
}

/** A CSV file (the text already begins with its BOM). */
export function csvResponse(text: string): Response {
  return new Response(new TextEncoder().encode(text), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}

/** A JSON file. */
export function jsonResponse(text: string): Response {
  return new Response(text, { headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** The map's pin file (src/map/pins.ts), made once per build: /data/map-pins.json and the overview made from it both ask. */
export const mapPins = rememberedPer((dir: Directory): MapPinsFile =>
  encodePins(mapEntries(dir.coops, indexById(dir.bodies))),
);
