/** /feed/category/<id>.xml: the Atom feed of one category (its organisations and contracts); only categories with an entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDirectory } from '../../../content/load.ts';
import { feedScopes } from '../../../lib/publish/feed.ts';
import { feedResponse } from '../_respond.ts';

export const getStaticPaths = (async () =>
  feedScopes(await loadDirectory()).categories.map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => feedResponse({ category: params.id! }, site);
