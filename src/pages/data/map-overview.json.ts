/**
 * /data/map-overview.json: the clusters of the map's first views and the pins
 * they show alone (src/map/overview.ts), made from /data/map-pins.json, so
 * /map/ draws its first view before it has read the pin file.
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../content/load.ts';
import { indexById } from '../../lib/model/directory.ts';
import { mapEntries } from '../../map/geojson.ts';
import { encodePins } from '../../map/pins.ts';
import { overviewFile } from '../../map/overview.ts';

export const GET: APIRoute = async () => {
  const dir = await loadDirectory();
  return new Response(JSON.stringify(overviewFile(encodePins(mapEntries(dir.coops, indexById(dir.bodies))))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
