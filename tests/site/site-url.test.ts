/**
 * A build with SITE_URL and a base path (the shared sub-path build, tests/helpers/build.ts): the sitemap lists every
 * page with absolute URLs under the base; canonical, og:url, JSON-LD, feed, CSV and embed URLs become absolute;
 * robots.txt names the sitemap; the 404 page has no canonical.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { distFiles } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { jsonLd, parseCsv, text } from '../helpers/open-data.ts';
import { SUB_PATH, subPathBuild, type BuildResult } from '../helpers/build.ts';
import { paths } from '../../src/lib/model/paths.ts';

const dir = loadContentDirectory();

describe('an isolated build with SITE_URL and a base path', () => {
  const { site, base } = SUB_PATH;
  let r: BuildResult;
  beforeAll(async () => {
    r = await subPathBuild();
    expect(r.status, r.output).toBe(0);
  });
  const built = () => distFiles(r.outDir);
  test('the sitemap lists every page (not embeds, not the 404 page), with absolute URLs under the base', () => {
    expect(existsSync(join(r.outDir, 'sitemap-index.xml'))).toBe(true);
    const index = new XMLParser({ isArray: (n) => n === 'sitemap' || n === 'url' }).parse(
      text('sitemap-index.xml', r.outDir),
    );
    const locs: string[] = [];
    for (const s of index.sitemapindex.sitemap as Array<{ loc: string }>) {
      expect(s.loc.startsWith(`${site}${base}`)).toBe(true);
      const xml = text(s.loc.slice(`${site}${base}`.length), r.outDir);
      expect(XMLValidator.validate(xml)).toBe(true);
      locs.push(
        ...(new XMLParser({ isArray: (n) => n === 'url' }).parse(xml).urlset.url as Array<{ loc: string }>).map(
          (u) => u.loc,
        ),
      );
    }
    const pages = built()
      .filter((f) => f.endsWith('index.html') && !f.startsWith('embed/'))
      .map((f) => `${site}${base}${f.replace(/index\.html$/, '')}`)
      .sort();
    expect([...locs].sort()).toEqual(pages);
  });
  test('canonical, og:url, JSON-LD, feed and CSV URLs become absolute', () => {
    const coop = dir.coops[0]!;
    const html = text(join(paths.coop(coop.id), 'index.html'), r.outDir);
    const url = `${site}${base}${paths.coop(coop.id)}`;
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(html).toContain(`<meta property="og:url" content="${url}">`);
    expect(jsonLd(html)[0]!.mainEntityOfPage).toBe(url);
    const feed = text('feed.xml', r.outDir);
    expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${site}${base}feed.xml"/>`);
    const row = parseCsv(text(paths.dataFile('coops.csv'), r.outDir)).data.find((x) => x['ID'] === coop.id)!;
    expect(row['ページURL']).toBe(url);
    const body = dir.bodies[0]!;
    expect(text(join(paths.body(body.id), 'index.html'), r.outDir)).toContain(
      `&lt;iframe src=&quot;${site}${base}${paths.embed(body.id)}&quot;`,
    );
  });
  test('robots.txt names the sitemap', () => {
    expect(text('robots.txt', r.outDir)).toContain(`Sitemap: ${site}${base}sitemap-index.xml`);
  });
  test('the 404 page has no canonical', () => {
    expect(text('404.html', r.outDir)).not.toContain('rel="canonical"');
  });
});
