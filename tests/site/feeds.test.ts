/**
 * Feeds per prefecture and per category on the built site: exactly the scopes with an entry have one; each is
 * well-formed Atom holding that scope's newest organisations and contracts, with links to built pages; its page
 * announces it in <head> and links it visibly; pages of scopes without entries have neither. Derived from content/.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DIST, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { feedEntries, feedScopes, uuidV5, type FeedScope } from '../../src/lib/publish/feed.ts';
import { paths } from '../../src/lib/model/paths.ts';

beforeAll(requireDist);
const dir = loadContentDirectory();
const scopes = feedScopes(dir);
const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' || n === 'link' });

const prefectures = dir.bodies.filter((b) => b.kind === '都道府県');
const cases: Array<[string, NonNullable<FeedScope>, string, string, boolean]> = [
  ...prefectures.map(
    (p) =>
      [p.id, { prefecture: p.id }, paths.prefectureFeed(p.id), paths.body(p.id), scopes.prefectures.includes(p.id)] as [
        string,
        NonNullable<FeedScope>,
        string,
        string,
        boolean,
      ],
  ),
  ...dir.categories.map(
    (c) =>
      [c.id, { category: c.id }, paths.categoryFeed(c.id), paths.category(c.id), scopes.categories.includes(c.id)] as [
        string,
        NonNullable<FeedScope>,
        string,
        string,
        boolean,
      ],
  ),
];

describe('which feeds exist', () => {
  test('some prefectures and categories have a feed, and the feed folders hold exactly those', () => {
    expect(scopes.prefectures.length).toBeGreaterThan(0);
    expect(scopes.categories.length).toBeGreaterThan(0);
    expect(readdirSync(join(DIST, 'feed/prefecture')).sort()).toEqual(scopes.prefectures.map((c) => `${c}.xml`));
    expect(readdirSync(join(DIST, 'feed/category')).sort()).toEqual(scopes.categories.map((c) => `${c}.xml`));
  });
});

describe.each(cases)('%s', (_id, scope, feedPath, pagePath, has) => {
  test(has ? 'its feed is well-formed Atom with its newest entries, newest first' : 'has no feed file', () => {
    expect(existsSync(join(DIST, feedPath))).toBe(has);
    if (!has) return;
    const xml = readFileSync(join(DIST, feedPath), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const expected = feedEntries(dir, 50, scope);
    expect(expected.length).toBeGreaterThan(0);
    const entries = feed.entry as Array<Record<string, any>>;
    expect(entries.map((e) => e.id)).toEqual(expected.map((e) => `urn:uuid:${uuidV5(`roukyou-atlas:${e.key}`)}`));
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'alternate')['@_href']).toBe(`/${pagePath}`);
    for (const e of entries) {
      const href = (e.link[0]['@_href'] as string).replace(/^\//, '');
      expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    }
  });
  test(has ? 'its page announces the feed in <head> and links it' : 'its page links no feed of its own', () => {
    const html = page(pagePath);
    const head = html.slice(0, html.indexOf('</head>'));
    const announced = new RegExp(`<link rel="alternate" type="application/atom\\+xml"[^>]*href="/${feedPath}"`);
    expect(announced.test(head)).toBe(has);
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main.includes(`href="/${feedPath}"`)).toBe(has);
    if (!has) expect(html).not.toMatch(/href="\/feed\/(prefecture|category)\//);
  });
});
