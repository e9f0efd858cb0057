/**
 * The English summaries under en/, derived from content/: one page per
 * organisation with its registered name (lang="ja"), Hepburn reading, place
 * and categories in English, website, sources and as-of; the summary pages;
 * hreflang both ways between every twin; a language switch; no script; every
 * page is Japanese (lang="ja") except those under en/.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST, distFiles, hasPage, isPublic, page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { indexById, lastChecked, prefectureOf } from '../../src/lib/model/directory.ts';
import { bodyEnglish, englishTwin, enPaths, romanisedName } from '../../src/lib/views/i18n.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { coopListPages, needsSplit } from '../../src/lib/views/lists.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const categories = indexById(dir.categories);
beforeAll(requireDist);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const decode = (html: string) => html.replaceAll('&#39;', "'").replaceAll('&amp;', '&').replaceAll('&quot;', '"');
const SUMMARY_PAGES = ['', 'about/', 'model-project/', 'stats/', 'data/', 'coops/'];

describe('one English page per organisation', () => {
  test.each(dir.coops.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const route = enPaths.coop(c.id);
    expect(hasPage(route), route).toBe(true);
    const html = decode(page(route));
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"/);
    expect(html).toMatch(new RegExp(`<h1[^>]*><span lang="ja"[^>]*>${esc(c.name)}</span></h1>`));
    expect(html).toContain(romanisedName(c.reading));
    if (c.registry?.nameEn) expect(html).toContain(c.registry.nameEn);
    for (const id of c.categories) expect(html).toContain(categories.get(id)!.nameEn);
    const pref = prefectureOf(c, bodies);
    if (pref) expect(html).toContain(bodyEnglish(bodies.get(pref)!)!);
    const muni = c.municipality ? bodies.get(c.municipality) : undefined;
    if (muni && muni.kind !== '都道府県') expect(html).toContain(bodyEnglish(muni)!);
    if (c.contact?.website) expect(html).toContain(`href="${c.contact.website}"`);
    for (const s of c.sources) if (s.url) expect(html).toContain(`href="${s.url}"`);
    const asOf = lastChecked(c.sources);
    if (asOf) expect(html).toContain(`datetime="${asOf}"`);
    // Japanese free text stays Japanese, marked as such.
    if (c.summary) expect(html).toMatch(new RegExp(`<p lang="ja"[^>]*>${esc(c.summary)}</p>`));
  });
});

describe('hreflang and the language switch', () => {
  const lists = coopListPages(dir.coops, indexById(dir.bodies)).map((p) => paths.coopsIn(p.prefecture, p.page));
  const twins: Array<[string, string]> = [...SUMMARY_PAGES, ...lists, ...dir.coops.map((c) => paths.coop(c.id))].map(
    (ja) => [ja, englishTwin(ja)!],
  );
  test('every Japanese page with an English twin links to it with hreflang, and the twin links back', () => {
    for (const [ja, en] of twins) {
      const jaHtml = page(ja);
      const enHtml = page(en);
      for (const html of [jaHtml, enHtml]) {
        expect(html, ja).toContain(`<link rel="alternate" hreflang="ja" href="/${ja}">`);
        expect(html, en).toContain(`<link rel="alternate" hreflang="en" href="/${en}">`);
      }
      // The header's switch goes to the twin.
      expect(jaHtml).toMatch(new RegExp(`<a href="/${esc(en)}" lang="en" hreflang="en"[^>]*>English</a>`));
      expect(enHtml).toMatch(new RegExp(`<a href="/${esc(ja)}" lang="ja" hreflang="ja"[^>]*>日本語</a>`));
    }
  });
  test('a Japanese page without a twin says so in its language switch and offers the English home page', () => {
    const withTwin = new Set(twins.flat());
    const lone = distFiles()
      .filter((f) => f.endsWith('index.html') && !f.startsWith('en/') && !f.startsWith('embed/') && isPublic(f))
      .map((f) => f.replace(/index\.html$/, ''))
      .filter((r) => !withTwin.has(r));
    expect(lone).toContain(paths.map());
    for (const route of lone) {
      const html = page(route);
      expect(html, route).toContain('data-twin="none"');
      expect(text(html), route).toContain('英語版なし');
      expect(html, route).toMatch(/<a href="\/en\/" lang="en" hreflang="en"[^>]*>English home<\/a>/);
    }
    for (const [ja] of twins) expect(page(ja), ja).toContain('data-twin="yes"');
  });
  test('pages without a twin carry no hreflang; every page under en/ is a twin', () => {
    const html = distFiles()
      .filter((f) => f.endsWith('index.html'))
      .map((f) => f.replace(/index\.html$/, ''));
    const withTwin = new Set(twins.flat());
    for (const route of html) {
      if (withTwin.has(route)) continue;
      expect(route.startsWith('en/'), route).toBe(false);
      expect(page(route), route).not.toContain('hreflang="en" href=');
    }
  });
  test('English pages ship no script and say English things in English', () => {
    for (const [, en] of twins) {
      const html = page(en);
      expect(html).not.toMatch(/<script/);
      expect(html).toContain('Skip to main content');
      expect(html).toContain('aria-label="Main menu"');
    }
  });
});

describe('page language', () => {
  const htmlFiles = distFiles().filter((f) => f.endsWith('.html'));
  test('every page is Japanese, except the English summaries under en/', () => {
    for (const f of htmlFiles)
      expect(page(f), f).toMatch(
        f.startsWith('en/') ? /^<!DOCTYPE html><html lang="en"/ : /^<!DOCTYPE html><html lang="ja"/,
      );
  });
});

describe('summary pages', () => {
  test('open data: the API example is a real document of this build, verbatim', () => {
    const html = page(enPaths.data());
    const href = /Example: <a href="\/([^"]+)"/.exec(html)![1]!;
    const shown = /<pre class="example"[^>]*>\s*<code[^>]*>([\s\S]*?)<\/code>\s*<\/pre>/.exec(html)![1]!;
    const decoded = shown
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    expect(decoded.trim()).toBe(readFileSync(join(DIST, href), 'utf8').trim());
  });
  test('statistics: the chart and a row for every national count', () => {
    const html = page(enPaths.stats());
    expect(html).toContain('<svg viewBox=');
    for (const n of dir.nationalCounts)
      expect(html).toMatch(new RegExp(`<time datetime="${n.asOf}"[^>]*>${n.asOf}</time>`));
  });
  test('model project: every council, linked to its Japanese page', () => {
    const html = page(enPaths.modelProject());
    for (const c of dir.councils) expect(html).toContain(`href="/${paths.council(c.id)}"`);
  });
  test('organisation lists: every organisation once on the lists by prefecture (split as the Japanese ones), and on /en/coops/ while they fit on one page', () => {
    const linked: string[] = [];
    for (const p of coopListPages(dir.coops, indexById(dir.bodies))) {
      const html = page(enPaths.coopsIn(p.prefecture, p.page));
      const ids = [...html.matchAll(/<li[^>]*><a href="\/en\/coops\/([^/]+)\/"/g)].map((m) => m[1]!);
      expect(ids, `${p.prefecture} page ${p.page}`).toEqual(p.coops.map((c) => c.id));
      linked.push(...ids);
    }
    expect(linked.sort()).toEqual(dir.coops.map((c) => c.id).sort());
    const index = page(enPaths.coops());
    for (const c of dir.coops)
      expect(index.includes(`href="/${enPaths.coop(c.id)}"`)).toBe(!needsSplit(dir.coops.length));
  });
});

describe('page weight', () => {
  test('every English organisation page: HTML + CSS ≤ 15 kB gzip, no JavaScript', () => {
    const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
    const heavy: string[] = [];
    for (const c of dir.coops) {
      const html = page(enPaths.coop(c.id));
      const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) =>
        gz(readFileSync(join(DIST, m[1]!))),
      );
      const total = gz(html) + css.reduce((a, b) => a + b, 0);
      if (total > 15_000) heavy.push(`${c.id}: ${total} bytes`);
      expect(html).not.toMatch(/<script|modulepreload/);
    }
    expect(heavy).toEqual([]);
  });
});
