/** Shared by the feed routes: one scope's Atom document for this build, with the right media type (not a route: its name starts with _). */
import { loadDirectory } from '../../content/load.ts';
import { feedDocument, type FeedScope } from '../../lib/publish/feed.ts';
import { siteUrl } from '../../lib/model/paths.ts';

/** The feed of `scope` (every entry when undefined); links are absolute when SITE_URL gives the site's origin. */
export async function feedResponse(scope: FeedScope, site: URL | undefined): Promise<Response> {
  const xml = feedDocument(
    await loadDirectory(),
    scope,
    (p) => siteUrl(site, import.meta.env.BASE_URL, p),
    site !== undefined,
  );
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
