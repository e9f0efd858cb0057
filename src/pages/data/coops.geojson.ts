/**
 * /data/coops.geojson: every organisation with a point on the map (RFC 7946), the open-data download. The map itself reads
 * /data/map-pins.json, its compact copy made from the same entries (src/map/pins.ts).
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../content/load.ts';
import { indexById } from '../../lib/model/directory.ts';
import { mapEntries, toFeatureCollection } from '../../map/geojson.ts';
import { siteUrl } from '../../lib/model/paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const dir = await loadDirectory();
  const collection = toFeatureCollection(mapEntries(dir.coops, indexById(dir.bodies)), (page) =>
    siteUrl(site, import.meta.env.BASE_URL, page),
  );
  return new Response(JSON.stringify(collection), {
    headers: { 'content-type': 'application/geo+json; charset=utf-8' },
  });
};
