/** /feed/prefecture/<code>.xml: the Atom feed of one prefecture (organisations there, contracts its bodies give); only prefectures with an entry. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDirectory } from '../../../content/load.ts';
import { feedScopes } from '../../../lib/publish/feed.ts';
import { feedResponse } from '../_respond.ts';

export const getStaticPaths = (async () =>
  feedScopes(await loadDirectory()).prefectures.map((code) => ({ params: { code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => feedResponse({ prefecture: params.code! }, site);
