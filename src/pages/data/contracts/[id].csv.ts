/** /data/contracts/<code>.csv: the contracts one public body commissions, for every body that commissions any. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDirectory } from '../../../content/load.ts';
import { bodyContractsCsv } from '../../../lib/publish/datasets/index.ts';
import { commissioningBodies } from '../../../lib/model/directory.ts';
import { csvResponse, lookup } from '../_respond.ts';

/** Only bodies that commission something get a file (about 1,900 bodies of the official list have none). */
export const getStaticPaths = (async () => {
  return commissioningBodies(await loadDirectory()).map((b) => ({ params: { id: b.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => csvResponse(bodyContractsCsv(params.id!, await lookup(site)));
