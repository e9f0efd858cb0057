/** /admin/config.yml: Decap CMS's configuration, generated from the schemas (src/lib/publish/cms/config.ts). */
import type { APIRoute } from 'astro';
import { bodyOptions, cmsConfigYaml, cmsSettingsFrom } from '../../lib/publish/cms/config.ts';
import { loadDirectory } from '../../content/load.ts';
import { siteUrl } from '../../lib/model/paths.ts';

export const GET: APIRoute = async ({ site }) => {
  const dir = await loadDirectory();
  const yaml = cmsConfigYaml({
    ...cmsSettingsFrom(process.env),
    ...(site ? { siteUrl: siteUrl(site, import.meta.env.BASE_URL, '') } : {}),
    bodies: bodyOptions(dir.bodies),
  });
  return new Response(yaml, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
};
