/** The Atom feed builder: newest first, stable ids, well-formed XML, on the valid fixture. */
import { describe, expect, test } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadContentDirectory } from '../../helpers/content.ts';
import {
  atomFeed,
  escapeXml,
  feedDocument,
  feedEntries,
  feedOf,
  feedScopes,
  pageFeed,
  uuidV5,
} from '../../../src/lib/publish/feed.ts';
import { bodyPrefecture, indexById, prefectureOf } from '../../../src/lib/model/directory.ts';
import { paths } from '../../../src/lib/model/paths.ts';

const dir = loadContentDirectory('tests/fixtures/valid');

describe('entries', () => {
  test('one per organisation and contract, newest first', () => {
    const entries = feedEntries(dir);
    expect(entries).toHaveLength(dir.coops.length + dir.contracts.length);
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.updated >= entries[i]!.updated).toBe(true);
    expect(feedEntries(dir, 1)).toHaveLength(1);
  });
});

describe('feeds per prefecture and per category', () => {
  const real = loadContentDirectory();
  const bodies = indexById(real.bodies);
  const scopes = feedScopes(real);

  test('a prefecture’s feed holds exactly its organisations and the contracts its public bodies give', () => {
    expect(scopes.prefectures.length).toBeGreaterThan(0);
    for (const code of scopes.prefectures) {
      const keys = feedEntries(real, Infinity, { prefecture: code }).map((e) => e.key);
      const expected = [
        ...real.coops.filter((c) => prefectureOf(c, bodies) === code).map((c) => `coops/${c.id}`),
        ...real.contracts
          .filter((k) => bodyPrefecture(bodies.get(k.commissioner)) === code)
          .map((k) => `contracts/${k.id}`),
      ];
      expect(keys.length, code).toBeGreaterThan(0);
      expect([...keys].sort(), code).toEqual(expected.sort());
    }
  });

  test('a category’s feed holds exactly its organisations and contracts', () => {
    expect(scopes.categories.length).toBeGreaterThan(0);
    for (const id of scopes.categories) {
      const keys = feedEntries(real, Infinity, { category: id }).map((e) => e.key);
      const expected = [
        ...real.coops.filter((c) => c.categories.includes(id)).map((c) => `coops/${c.id}`),
        ...real.contracts.filter((k) => k.category === id).map((k) => `contracts/${k.id}`),
      ];
      expect([...keys].sort(), id).toEqual(expected.sort());
    }
  });

  test('only scopes with an entry have a feed: the others get no feed and no link', () => {
    for (const p of real.bodies.filter((b) => b.kind === '都道府県')) {
      const has = feedEntries(real, 1, { prefecture: p.id }).length > 0;
      expect(scopes.prefectures.includes(p.id), p.id).toBe(has);
      expect(pageFeed(real, { prefecture: p.id }) !== undefined, p.id).toBe(has);
    }
    for (const c of real.categories) {
      const has = feedEntries(real, 1, { category: c.id }).length > 0;
      expect(scopes.categories.includes(c.id), c.id).toBe(has);
      expect(pageFeed(real, { category: c.id })?.path, c.id).toBe(has ? paths.categoryFeed(c.id) : undefined);
    }
  });

  test('each feed has its own stable id, its page as the alternate link, and the same builder as /feed.xml', () => {
    const code = scopes.prefectures[0]!;
    const category = scopes.categories[0]!;
    const parser = new XMLParser({ ignoreAttributes: false });
    const docs = [undefined, { prefecture: code }, { category }].map((scope) =>
      feedDocument(real, scope, (p) => `https://atlas.example.org/${p}`, true),
    );
    const ids = new Set<string>();
    for (const [i, xml] of docs.entries()) {
      expect(XMLValidator.validate(xml)).toBe(true);
      const feed = parser.parse(xml).feed;
      ids.add(feed.id);
      const scope = [undefined, { prefecture: code }, { category }][i];
      const links = [feed.link].flat() as Array<Record<string, string>>;
      expect(links.find((l) => l['@_rel'] === 'alternate')!['@_href']).toBe(
        `https://atlas.example.org/${feedOf(real, scope).page}`,
      );
      expect(links.find((l) => l['@_rel'] === 'self')!['@_href']).toBe(
        `https://atlas.example.org/${feedOf(real, scope).path}`,
      );
    }
    expect(ids.size).toBe(3);
    // The site-wide feed keeps the id it always had.
    expect(parser.parse(docs[0]!).feed.id).toBe(`urn:uuid:${uuidV5('roukyou-atlas:feed')}`);
  });
});

describe('Atom document', () => {
  const xml = atomFeed({
    title: 'T & <x>',
    subtitle: 's',
    entries: feedEntries(dir),
    url: (p) => `/${p}`,
    rights: 'CC BY 4.0',
  });
  test('is well-formed XML with one entry per item and escaped text', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.feed.title).toBe('T & <x>');
    expect(doc.feed.entry).toHaveLength(feedEntries(dir).length);
    expect(doc.feed.entry[0].updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+09:00$/);
    expect(xml).not.toContain('rel="self"');
  });
  test('a self link only when an absolute URL is known', () => {
    expect(
      atomFeed({
        title: 't',
        subtitle: 's',
        entries: [],
        url: (p) => `https://example.test/${p}`,
        selfUrl: 'https://example.test/feed.xml',
        rights: 'r',
      }),
    ).toContain('<link rel="self" type="application/atom+xml" href="https://example.test/feed.xml"/>');
  });
});

describe('helpers', () => {
  test('UUID v5 matches the RFC 9562 test vector and is stable', () => {
    // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    // The site's own ids: version 5 and the RFC variant, one per name.
    const alpha = uuidV5('roukyou-atlas:coops/alpha');
    expect(alpha).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('roukyou-atlas:coops/alphb')).not.toBe(alpha);
    // Entries carry them as urn:uuid ids, so a reader sees the same entry across builds.
    expect(
      atomFeed({ title: 't', subtitle: 's', entries: feedEntries(dir), url: (p) => `/${p}`, rights: 'r' }),
    ).toContain(`urn:uuid:${uuidV5(`roukyou-atlas:coops/${dir.coops[0]!.id}`)}`);
  });
  test('escapeXml', () =>
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'));
});
