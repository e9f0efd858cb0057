/**
 * /data/map-pins.json: the map's compact copy of the points in
 * /data/coops.geojson (src/lib/map-pins.ts), read by /map/ and its
 * 「近くの団体を探す」. Made from the same entries as the GeoJSON, so the
 * two always hold the same pins; the GeoJSON stays the open-data file.
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../content.ts';
import { indexById } from '../../lib/directory.ts';
import { mapEntries } from '../../lib/geojson.ts';
import { encodePins } from '../../lib/map-pins.ts';

export const GET: APIRoute = async () => {
  const dir = await loadDirectory();
  return new Response(JSON.stringify(encodePins(mapEntries(dir.coops, indexById(dir.bodies)))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
