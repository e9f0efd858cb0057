/**
 * /data/map-overview.json: the clusters of the map's first views and the pins
 * they show alone (src/map/overview.ts), made from /data/map-pins.json, so
 * /map/ draws its first view before it has read the pin file.
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../content/load.ts';
import { overviewFile } from '../../map/overview.ts';
import { jsonResponse, mapPins } from './_respond.ts';

export const GET: APIRoute = async () => jsonResponse(JSON.stringify(overviewFile(mapPins(await loadDirectory()))));
