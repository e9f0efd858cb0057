/**
 * A build with SITE_URL and a base path (the shared sub-path build, tests/helpers/build.ts): every internal link of
 * its pages, API and data package starts with the base and resolves; the sitemap lists every page with absolute URLs
 * under the base; canonical, og:url, JSON-LD, feed, CSV and embed URLs become absolute; robots.txt names the sitemap;
 * the 404 page has no canonical.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { distFiles, isPublic } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { jsonLd, parseCsv, text } from '../helpers/open-data.ts';
import { SUB_PATH, subPathBuild, type BuildResult } from '../helpers/build.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { commissioningBodies } from '../../src/lib/model/directory.ts';

const dir = loadContentDirectory();

describe('an isolated build with SITE_URL and a base path', () => {
  const { site, base } = SUB_PATH;
  let r: BuildResult;
  beforeAll(async () => {
    r = await subPathBuild();
    expect(r.status, r.output).toBe(0);
  });
  const built = () => distFiles(r.outDir);
  test('the sitemap lists every page (not embeds, not the CMS, not the 404 page), with absolute URLs under the base', () => {
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
      .filter((f) => f.endsWith('index.html') && !f.startsWith('embed/') && isPublic(f))
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
    // A body with something to embed (only those have an embed page and offer the snippet).
    const body = commissioningBodies(dir)[0]!;
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

describe('a build at a sub-path', () => {
  test('every internal link of the real site starts with the base and resolves (root-relative and absolute alike)', async () => {
    const { site, base } = SUB_PATH;
    const r = await subPathBuild();
    expect(r.status, r.output).toBe(0);
    const files = distFiles(r.outDir);
    const set = new Set(files);
    const outside: string[] = [];
    const broken: string[] = [];
    const origin = site.replace(/[.]/g, '\\.');
    const check = (f: string, url: string) => {
      if (!url.startsWith(base)) {
        outside.push(`${f} → ${url}`);
        return;
      }
      const target = url.slice(base.length);
      const resolved = target === '' || target.endsWith('/') ? `${target}index.html` : target;
      if (!set.has(decodeURIComponent(resolved))) broken.push(`${f} → ${url}`);
    };
    let absolute = 0;
    const local = (m: RegExpMatchArray) => {
      if (m[1]!.startsWith(site)) absolute++;
      return m[1]!.startsWith(site) ? m[1]!.slice(site.length) : m[1]!;
    };
    for (const f of files.filter((f) => f.endsWith('.html'))) {
      for (const m of readFileSync(join(r.outDir, f), 'utf8').matchAll(
        new RegExp(`(?:href|src|content)="((?:${origin})?/[^"#?]*)`, 'g'),
      ))
        check(f, local(m));
    }
    // The JSON API's URLs ($schema, url, page, index, schema …) and the data package's resource paths too.
    for (const f of files.filter((f) => f.startsWith('api/') && f.endsWith('.json'))) {
      for (const m of readFileSync(join(r.outDir, f), 'utf8').matchAll(new RegExp(`"((?:${origin})?/[^"#?{]*)"`, 'g')))
        check(f, local(m));
    }
    // SITE_URL is set: canonical links, og:url and the API's URLs are absolute, and they were checked too.
    expect(absolute).toBeGreaterThan(files.filter((f) => f.endsWith('.html')).length);
    const pkg = JSON.parse(readFileSync(join(r.outDir, 'datapackage.json'), 'utf8')) as {
      resources: Array<{ path: string; schema: unknown }>;
    };
    for (const res of pkg.resources) {
      if (!set.has(res.path)) broken.push(`datapackage.json → ${res.path}`);
      if (typeof res.schema === 'string' && !set.has(res.schema)) broken.push(`datapackage.json → ${res.schema}`);
    }
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
    expect(broken).toEqual([]);
  });
});
