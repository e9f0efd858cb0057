/** /admin/: the page that starts Decap CMS (src/lib/publish/cms/page.ts); kept out of the sitemap and the search index. */
import type { APIRoute } from 'astro';
import { adminPage } from '../../lib/publish/cms/page.ts';
import { cmsSettingsFrom } from '../../lib/publish/cms/config.ts';

export const GET: APIRoute = () =>
  new Response(
    adminPage({ base: import.meta.env.BASE_URL, enabled: cmsSettingsFrom(process.env).repo !== undefined }),
    {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  );
