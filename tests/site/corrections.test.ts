/**
 * The correction path never dead-ends. A deploy build (SITE_URL) with REPO_URL links every correction link to the
 * repository's issue form with the page's id and URL filled in (a fixture build); a fixture deploy build at a sub-path
 * with CONTACT_EMAIL only links them to an e-mail naming the page; a deploy build with neither stops, naming both
 * variables. (The default build, without SITE_URL, is checked in freshness.test.ts.) The REPO_URL build's /admin/ starts
 * the CMS on that repository.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSite, SUB_PATH, type BuildResult } from '../helpers/build.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { parse } from 'yaml';
import { CORRECTION_FIELDS } from '../../src/lib/model/site.ts';
import { DECAP_FOLDER } from '../../src/lib/publish/cms/decap.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { enPaths } from '../../src/lib/views/i18n.ts';

/** A fixture build takes over 100 s on a busy machine, after waiting for the build lock other test files hold. */
const BUILD_TIMEOUT = 600_000;
const FIXTURE = 'tests/fixtures/valid';
const fixture = loadContentDirectory(FIXTURE);

/** One correction link: the page it is on (its own URL), the page id that page shows, and where the link goes. */
interface Found {
  file: string;
  pageUrl: string;
  shownId: string | undefined;
  href: string;
}

/** Every link marked data-correction in a built site, with the page it is on. */
function correctionLinks(outDir: string, site: string, base: string): Found[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  const found: Found[] = [];
  for (const path of walk(outDir).filter((f) => f.endsWith('.html'))) {
    const file = relative(outDir, path);
    const html = readFileSync(path, 'utf8');
    const shownId = /<p class="correction[^"]*"[^>]*data-page-id="([^"]+)"/.exec(html)?.[1];
    for (const m of html.matchAll(/<a\b[^>]*\bdata-correction\b[^>]*>/g)) {
      const href = /\bhref="([^"]*)"/.exec(m[0])![1]!.replaceAll('&amp;', '&');
      found.push({ file, pageUrl: `${site}${base}${file.replace(/index\.html$/, '')}`, shownId, href });
    }
  }
  return found;
}

/** The pages whose correction link must name them: every entity page of the fixture, in both languages for co-ops. */
const entityPages = [
  ...fixture.coops.flatMap((c) => [
    [paths.coop(c.id), `coops/${c.id}`],
    [enPaths.coop(c.id), `coops/${c.id}`],
  ]),
  ...fixture.categories.map((c) => [paths.category(c.id), `categories/${c.id}`]),
  ...fixture.councils.map((c) => [paths.council(c.id), `model-project/${c.id}`]),
  ...fixture.bodies.map((b) => [paths.body(b.id), `municipalities/${b.id}`]),
] as Array<[string, string]>;

describe('a deploy build with REPO_URL', () => {
  const site = 'https://atlas.example.org';
  const repo = 'https://github.com/example/roukyou-atlas';
  let r: BuildResult;
  let links: Found[];
  beforeAll(() => {
    r = buildSite({ CONTENT_DIR: FIXTURE, SITE_URL: site, REPO_URL: `${repo}/`, CONTACT_EMAIL: '' });
    links = r.status === 0 ? correctionLinks(r.outDir, site, '/') : [];
  }, BUILD_TIMEOUT);

  test('every correction link opens the issue form, with the page’s id and its own URL filled in', () => {
    expect(r.status, r.output).toBe(0);
    expect(links.length).toBeGreaterThan(entityPages.length);
    const wrong: string[] = [];
    for (const l of links) {
      const url = new URL(l.href);
      if (`${url.origin}${url.pathname}` !== `${repo}/issues/new`) wrong.push(`${l.file}: ${l.href}`);
      if (url.searchParams.get('template') !== 'correction.yml') wrong.push(`${l.file}: ${l.href}`);
      const id = url.searchParams.get(CORRECTION_FIELDS.pageId);
      // A link that names a page names the page it is on; only the about pages' general link names none.
      if (id === null) {
        if (!l.file.startsWith('about/')) wrong.push(`${l.file}: no page id in ${l.href}`);
        continue;
      }
      if (url.searchParams.get(CORRECTION_FIELDS.pageUrl) !== l.pageUrl) wrong.push(`${l.file}: URL in ${l.href}`);
      if (l.shownId !== undefined && id !== l.shownId) wrong.push(`${l.file}: id ${id} ≠ shown ${l.shownId}`);
    }
    expect(wrong).toEqual([]);
  });

  test("/admin/ loads Decap CMS from the site, configured for the repository's pull requests", () => {
    expect(r.status, r.output).toBe(0);
    const html = readFileSync(join(r.outDir, paths.admin(), 'index.html'), 'utf8');
    expect(html).toContain(`<script src="/${DECAP_FOLDER}/decap-cms.js"></script>`);
    expect(existsSync(join(r.outDir, DECAP_FOLDER, 'decap-cms.js'))).toBe(true);
    const config = parse(readFileSync(join(r.outDir, paths.adminConfig()), 'utf8'), { maxAliasCount: -1 });
    expect(config.backend).toMatchObject({ name: 'github', repo: 'example/roukyou-atlas', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.site_url).toBe(`${site}/`);
    expect(config).not.toHaveProperty('local_backend');
  });

  test('every entity page has a correction link naming its own id', () => {
    const byFile = Map.groupBy(links, (l) => l.file);
    for (const [route, id] of entityPages) {
      const mine = byFile.get(`${route}index.html`) ?? [];
      expect(mine.length, route).toBeGreaterThan(0);
      for (const l of mine) expect(new URL(l.href).searchParams.get(CORRECTION_FIELDS.pageId), route).toBe(id);
    }
  });
});

describe('a deploy build at a sub-path with only CONTACT_EMAIL', () => {
  test(
    'every correction link is an e-mail to that address whose subject and body name the page',
    { timeout: BUILD_TIMEOUT },
    () => {
      const { site, base, contactEmail } = SUB_PATH;
      const r = buildSite({
        CONTENT_DIR: FIXTURE,
        SITE_URL: site,
        BASE_PATH: base,
        CONTACT_EMAIL: contactEmail,
        REPO_URL: '',
      });
      expect(r.status, r.output).toBe(0);
      const links = correctionLinks(r.outDir, site, base);
      expect(links.length).toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const l of links) {
        const url = new URL(l.href);
        if (url.protocol !== 'mailto:' || url.pathname !== contactEmail) wrong.push(`${l.file}: ${l.href}`);
        const subject = url.searchParams.get('subject') ?? '';
        const body = url.searchParams.get('body') ?? '';
        if (!subject.includes('労協アトラス')) wrong.push(`${l.file}: subject ${subject}`);
        // Only the about pages' general link names no page (its subject carries no id).
        if (!subject.includes('（')) {
          if (!l.file.startsWith('about/')) wrong.push(`${l.file}: no page named in ${l.href}`);
          continue;
        }
        if (!body.includes(l.pageUrl)) wrong.push(`${l.file}: body lacks ${l.pageUrl}`);
        if (l.shownId !== undefined && !(subject.includes(l.shownId) && body.includes(l.shownId)))
          wrong.push(`${l.file}: id ${l.shownId} missing`);
      }
      expect(wrong).toEqual([]);
    },
  );
});

describe('builds that must stop', () => {
  test(
    'a deploy build without REPO_URL and without CONTACT_EMAIL fails, naming both, before writing a page',
    { timeout: BUILD_TIMEOUT },
    () => {
      const r = buildSite({
        CONTENT_DIR: FIXTURE,
        SITE_URL: 'https://atlas.example.org',
        REPO_URL: '',
        CONTACT_EMAIL: '',
      });
      expect(r.status).not.toBe(0);
      expect(r.output).toContain('REPO_URL');
      expect(r.output).toContain('CONTACT_EMAIL');
      expect(existsSync(join(r.outDir, 'index.html'))).toBe(false);
    },
  );
  test('a REPO_URL that is not an http(s) URL stops the build with a clear message', { timeout: BUILD_TIMEOUT }, () => {
    const r = buildSite({ CONTENT_DIR: FIXTURE, REPO_URL: 'javascript:alert(1)' });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('REPO_URL');
  });
});
