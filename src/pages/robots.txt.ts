/** /robots.txt: everything may be crawled; the sitemap is named when SITE_URL gives its absolute address. */
import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/model/paths.ts';

export const GET: APIRoute = ({ site }) => {
  const lines = [
    'User-agent: *',
    'Allow: /',
    ...(site ? ['', `Sitemap: ${siteUrl(site, import.meta.env.BASE_URL, 'sitemap-index.xml')}`] : []),
  ];
  return new Response(`${lines.join('\n')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
