/** The Atom feed of the built site: well-formed, one entry per newest organisation or contract, newest first, each linking to a built page. */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DIST, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { text } from '../helpers/open-data.ts';
import { paths } from '../../src/lib/model/paths.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

describe('feed', () => {
  const xml = () => text(paths.feed());
  test('feed.xml is well-formed Atom with one entry per newest organisation or contract', () => {
    expect(XMLValidator.validate(xml())).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml());
    expect(doc.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = doc.feed.entry as Array<Record<string, any>>;
    expect(entries).toHaveLength(Math.min(50, dir.coops.length + dir.contracts.length));
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const updated = entries.map((e) => e.updated as string);
    expect([...updated].sort().reverse()).toEqual(updated);
    // Every entry's link leads to a built page.
    for (const e of entries) {
      const href = new URL(e.link['@_href'], 'http://x/').pathname.replace(/^\//, '');
      expect(existsSync(join(DIST, href, 'index.html')), href).toBe(true);
    }
  });
});
