/**
 * What other sites read from the built pages: OGP and Twitter card meta on every page, the feed announced, no
 * canonical on an invented domain, and schema.org JSON-LD on co-op and public-body pages with the required fields.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { page, publicPages, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { jsonLd } from '../helpers/open-data.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { indexById } from '../../src/lib/model/directory.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
beforeAll(requireDist);

describe('OGP and Twitter card meta', () => {
  // The CMS under admin/ is no public page: it carries no sharing meta (noindex, tests/site/admin.test.ts).
  const htmlFiles = publicPages();
  test('every page has OGP and Twitter card meta; the feed is announced; no canonical points to an invented domain', () => {
    for (const f of htmlFiles.filter((f) => !f.startsWith('embed/'))) {
      const html = page(f);
      for (const meta of [
        'property="og:title"',
        'property="og:description"',
        'property="og:type"',
        'property="og:site_name"',
        'name="twitter:card"',
      ])
        expect(html, `${f} ${meta}`).toContain(meta);
      expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/feed\.xml"/);
      for (const m of html.matchAll(/<link rel="canonical" href="([^"]*)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
    }
  });
});

describe('structured data (schema.org JSON-LD)', () => {
  test.each(dir.coops.map((c) => [c.id, c] as const))(
    'co-op %s: Organization with name, address, areaServed, url, sameAs',
    (_id, c) => {
      const [ld, ...rest] = jsonLd(page(paths.coop(c.id)));
      expect(rest).toEqual([]);
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name: c.name });
      expect(ld!.address['@type']).toBe('PostalAddress');
      expect(ld!.address.addressCountry).toBe('JP');
      if (c.prefecture) expect(ld!.address.addressRegion).toBe(bodies.get(c.prefecture)!.name);
      if (c.municipality) expect(ld!.address.addressLocality).toBe(bodies.get(c.municipality)!.name);
      if (c.area || c.municipality || c.prefecture) expect(ld!.areaServed.name).toBeTruthy();
      expect(typeof ld!.url).toBe('string');
      if (c.contact?.website) {
        expect(ld!.url).toBe(c.contact.website);
        expect(ld!.sameAs).toEqual([c.contact.website]);
      } else expect(ld!.url).toMatch(new RegExp(`/coops/${c.id}/$`));
    },
  );
  test.each(dir.bodies.map((b) => [b.id, b] as const))(
    'public body %s: GovernmentOrganization with name, address, areaServed',
    (_id, b) => {
      const [ld] = jsonLd(page(paths.body(b.id)));
      expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'GovernmentOrganization', name: b.name });
      expect(ld!.address['@type']).toBe('PostalAddress');
      expect(ld!.areaServed.name).toBe(b.kind === '国' ? '日本' : b.name);
      if (/^\d{6}$/.test(b.id)) expect(ld!.identifier.value).toBe(b.id);
    },
  );
});
