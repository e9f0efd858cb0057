/**
 * /data/map-pins.json: the map's compact copy of the points in
 * /data/coops.geojson (src/map/pins.ts), read by /map/ and its
 * 「近くの団体を探す」. Made from the same entries as the GeoJSON, so the
 * two always hold the same pins; the GeoJSON stays the open-data file.
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../content/load.ts';
import { jsonResponse, mapPins } from './_respond.ts';

export const GET: APIRoute = async () => jsonResponse(JSON.stringify(mapPins(await loadDirectory())));
