/** /api/index.json: every collection of the JSON API with its index, schema and count (documented on /data/). */
import type { APIRoute } from 'astro';
import { rootIndex, toJsonText } from '../../lib/publish/api.ts';
import { dates, jsonResponse, lookup } from '../data/_respond.ts';

export const GET: APIRoute = async ({ site }) => {
  const l = await lookup(site);
  return jsonResponse(toJsonText(rootIndex(l.dir, dates(l), l.url)));
};
