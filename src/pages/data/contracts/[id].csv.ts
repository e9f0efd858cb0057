/** /data/contracts/<code>.csv for every public body that commissions something: the contracts it commissions. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDirectory } from '../../../content.ts';
import { bodyContractsCsv } from '../../../lib/export.ts';
import { csvResponse, lookup } from '../_respond.ts';

/** Only bodies that commission something get a file (about 1,900 bodies of the official list have none). */
export const getStaticPaths = (async () => {
  const dir = await loadDirectory();
  const commissioners = new Set(dir.contracts.map((c) => c.commissioner));
  return dir.bodies.filter((b) => commissioners.has(b.id)).map((b) => ({ params: { id: b.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => csvResponse(bodyContractsCsv(params.id!, await lookup(site)));
