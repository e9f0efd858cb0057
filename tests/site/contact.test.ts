/**
 * The 連絡先 row on the built site: every organisation page (Japanese and English) has one; a stated phone is a
 * tel: link written as the source writes it (ASCII hyphens); an organisation with no known contact says so, names
 * its prefecture's window (or that there is none, and the ministry's line) and links to corrections. Expectations
 * come from content/.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { distFiles, page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { indexById, whereIs } from '../../src/lib/model/directory.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { enPaths } from '../../src/lib/views/i18n.ts';
import type { Coop } from '../../src/lib/model/types.ts';

beforeAll(requireDist);
const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const ministry = dir.bodies.find((b) => b.kind === '国' && b.windows?.length)!.windows![0]!;

/** The 連絡先 row of a page: how many there are, and the first one's whole <dd> (it holds a nested list). */
function contactRow(html: string, label: string): { count: number; dd: string } {
  const rows = [...html.matchAll(new RegExp(`<dt[^>]*>${label}</dt><dd class="contact"`, 'g'))];
  if (rows.length === 0) return { count: 0, dd: '' };
  const start = rows[0]!.index + rows[0]![0].indexOf('<dd');
  const re = /<(\/?)dd\b[^>]*>/g;
  re.lastIndex = start;
  let depth = 0;
  for (let t = re.exec(html); t; t = re.exec(html)) {
    depth += t[1] ? -1 : 1;
    if (depth === 0) return { count: rows.length, dd: html.slice(start, t.index + t[0].length) };
  }
  throw new Error(`unclosed 連絡先 row`);
}

const withPhone = dir.coops.filter((c) => c.contact?.phone);
const without = dir.coops.filter((c) => !c.contact);

describe('every organisation page has a 連絡先 row', () => {
  test.each(dir.coops.map((c) => [c.id, c] as [string, Coop]))('%s (Japanese and English)', (_id, c) => {
    const known = c.contact !== undefined && Object.keys(c.contact).some((k) => k !== 'asOf');
    for (const [route, label] of [
      [paths.coop(c.id), '連絡先'],
      [enPaths.coop(c.id), 'Contact'],
    ] as const) {
      const row = contactRow(page(route), label);
      expect(row.count, route).toBe(1);
      expect(row.dd, route).toContain(`data-contact="${known ? 'known' : 'unknown'}"`);
      if (c.contact?.website) expect(row.dd).toContain(`href="${c.contact.website}"`);
      if (c.contact?.email) expect(row.dd).toContain(`href="mailto:${c.contact.email}"`);
      if (c.contact?.fax) expect(text(row.dd)).toContain(c.contact.fax);
    }
  });
});

describe('phones', () => {
  test('content/ has an organisation with a phone (the case below is not empty)', () =>
    expect(withPhone.length).toBeGreaterThan(0));
  test.each(withPhone.map((c) => [c.id, c.contact!.phone!]))(
    '%s shows %s as a tel: link, with ASCII hyphens, on both pages',
    (id, phone) => {
      for (const route of [paths.coop(id), enPaths.coop(id)]) {
        const html = page(route);
        expect(html).toMatch(new RegExp(`<a class="phone"[^>]*href="tel:${phone}"[^>]*>${phone}</a>`));
      }
    },
  );
  test('no page writes a non-breaking hyphen (U+2011): copy and in-page search find numbers as typed', () => {
    const bad = distFiles()
      .filter((f) => f.endsWith('.html') && /^(coops|en|municipalities|model-project|about)\//.test(f))
      .filter((f) => page(f).includes('\u2011'));
    expect(bad).toEqual([]);
  });
});

describe('no contact known', () => {
  test('content/ has an organisation without a contact (the cases below are not empty)', () =>
    expect(without.length).toBeGreaterThan(0));
  test.each(without.map((c) => [c.id, c] as [string, Coop]))(
    '%s says so, names its prefecture’s window (or the ministry’s line) and links to corrections',
    (_id, c) => {
      const pref = whereIs(c, bodies).prefecture;
      const own = pref?.windows?.[0];
      const { dd } = contactRow(page(paths.coop(c.id)), '連絡先');
      const words = text(dd);
      expect(words).toContain('連絡先は確認できていません');
      if (own) {
        expect(dd).toContain('data-contact-ask="prefecture"');
        expect(words).toContain(`${pref!.name}の窓口`);
        expect(words).toContain(own.department);
        if (own.phone) expect(dd).toContain(`href="tel:${own.phone}"`);
      } else {
        expect(dd).toContain('data-contact-ask="ministry"');
        if (pref) expect(words).toContain(`${pref.name}の窓口は確認できていません`);
        expect(words).toContain('厚生労働省の相談窓口');
        if (ministry.phone) expect(dd).toContain(`href="tel:${ministry.phone}"`);
      }
      // The window's own page (with its source) is one link away: the prefecture's 相談・届出の窓口 section.
      if (pref) expect(dd).toContain(`href="/${paths.body(pref.id)}#ask-heading"`);
      expect(dd).toMatch(/<a href="[^"]+" data-correction[^>]*>訂正・追加の依頼<\/a>/);
      // The English page says the same.
      const en = contactRow(page(enPaths.coop(c.id)), 'Contact').dd;
      expect(text(en)).toContain('Contact details not confirmed');
      expect(en).toContain(`data-contact-ask="${own ? 'prefecture' : 'ministry'}"`);
      const phone = own ? own.phone : ministry.phone;
      if (phone) expect(en).toContain(`href="tel:${phone}"`);
      expect(en).toMatch(/<a href="[^"]+" data-correction[^>]*>send a correction<\/a>/);
    },
  );
});
