/** /datapackage.json: the Frictionless Data Package (v2) describing every CSV download (src/lib/publish/datapackage.ts). */
import type { APIRoute } from 'astro';
import { dataPackage } from '../lib/publish/datapackage.ts';
import { toJsonText } from '../lib/publish/api.ts';
import { paths, siteUrl } from '../lib/model/paths.ts';
import { dates, jsonResponse, lookup } from './data/_respond.ts';

export const GET: APIRoute = async ({ site }) => {
  const l = await lookup(site);
  const homepage = site ? siteUrl(site, import.meta.env.BASE_URL, paths.data()) : undefined;
  return jsonResponse(toJsonText(dataPackage(l.dir, dates(l), { homepage })));
};
