/** /feed.xml: an Atom feed of organisations and contracts, newest source date first. */
import type { APIRoute } from 'astro';
import { loadDirectory } from '../content/load.ts';
import { atomFeed, feedEntries } from '../lib/publish/feed.ts';
import { paths, siteUrl } from '../lib/model/paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const xml = atomFeed({
    title: '労協アトラス 新着・更新',
    subtitle: '掲載した団体と委託を、出典の日付が新しい順に並べています。',
    entries: feedEntries(await loadDirectory()),
    url: (p) => siteUrl(site, base, p),
    selfUrl: site ? siteUrl(site, base, paths.feed()) : undefined,
    rights: 'このまとめはCC BY 4.0（出典は各ページに記載）',
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
