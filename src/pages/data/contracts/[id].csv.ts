/** /data/contracts/<code>.csv for every public body: the contracts it commissions (a header row alone when none), so the URL never breaks. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDirectory } from '../../../content.ts';
import { bodyContractsCsv } from '../../../lib/export.ts';
import { csvResponse, lookup } from '../_respond.ts';

export const getStaticPaths = (async () => (await loadDirectory()).bodies.map((b) => ({ params: { id: b.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => csvResponse(bodyContractsCsv(params.id!, await lookup(site)));
