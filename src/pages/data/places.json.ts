/**
 * /data/places.json: every prefecture and municipality with its
 * representative point, as compact rows [code, full name, reading, lat, lng,
 * (whose point, when not its own)] — loaded by the map's municipality picker
 * only when a visitor uses it.
 */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../../content/load.ts';
import { placeRows } from '../../map/place-pick.ts';

export const GET: APIRoute = async () => {
  const dir = await loadDirectory();
  return new Response(JSON.stringify(placeRows(dir.bodies)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
