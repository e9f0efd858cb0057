/** The Atom feed builder: newest first, stable ids, well-formed XML, on the valid fixture. */
import { describe, expect, test } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { loadContentDirectory } from '../../helpers/content.ts';
import { atomFeed, escapeXml, feedEntries, uuidV5 } from '../../../src/lib/publish/feed.ts';

const dir = loadContentDirectory('tests/fixtures/valid');

describe('entries', () => {
  test('one per organisation and contract, newest first', () => {
    const entries = feedEntries(dir);
    expect(entries).toHaveLength(dir.coops.length + dir.contracts.length);
    for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.updated >= entries[i]!.updated).toBe(true);
    expect(feedEntries(dir, 1)).toHaveLength(1);
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
