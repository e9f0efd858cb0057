/**
 * Every entity of content/ has its page in the built site, headed by its name, with its sources, figures (values and
 * notes), services and council members; each contract shows on its commissioner's and contractor's pages, and a
 * public body lists exactly the contracts it commissions.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { hasPage, page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

function h1(html: string): string {
  return text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').trim();
}

describe('every entity has its page', () => {
  test.each(dir.coops.map((c) => [c.id, c]))('coop %s', (_id, c) => {
    expect(hasPage(paths.coop(c.id))).toBe(true);
    const html = page(paths.coop(c.id));
    expect(h1(html)).toBe(c.name);
    // Every source is listed, by title.
    for (const s of c.sources) expect(text(html)).toContain(s.title);
  });
  test.each(dir.categories.map((c) => [c.id, c]))('category %s', (_id, c) => {
    expect(h1(page(paths.category(c.id)))).toContain(c.name);
  });
  test.each(dir.bodies.map((b) => [b.id, b]))('public body %s', (_id, b) => {
    expect(h1(page(paths.body(b.id)))).toBe(b.name);
  });
  test.each(dir.councils.map((c) => [c.id, c]))('council %s', (_id, c) => {
    const html = page(paths.council(c.id));
    expect(h1(html)).toBe(c.name);
    for (const m of c.members ?? []) expect(text(html)).toContain(m.name);
  });
});

describe('contracts', () => {
  test.each(dir.contracts.map((c) => [c.id, c]))('%s shows on its commissioner and contractor pages', (_id, c) => {
    for (const route of [paths.body(c.commissioner), paths.coop(c.contractor)]) {
      const html = page(route);
      expect(html).toContain(`data-contract="${c.id}"`);
    }
    const row = new RegExp(`<tr[^>]*data-contract="${c.id}"[\\s\\S]*?</tr>`).exec(page(paths.body(c.commissioner)))![0];
    expect(text(row)).toContain(c.programme);
    for (const s of c.services ?? []) expect(text(row)).toContain(s);
  });
  test('a public body lists exactly the contracts it commissions', () => {
    for (const b of dir.bodies) {
      const html = page(paths.body(b.id));
      const shown = [...html.matchAll(/data-contract="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(shown).toEqual(
        dir.contracts
          .filter((c) => c.commissioner === b.id)
          .map((c) => c.id)
          .sort(),
      );
    }
  });
});

describe('facts render from content', () => {
  test('figures appear with their values and notes', () => {
    const nf = new Intl.NumberFormat('ja-JP');
    for (const c of dir.coops.filter((c) => c.figures)) {
      const t = text(page(paths.coop(c.id)));
      for (const f of c.figures!) expect(t).toContain(`${nf.format(f.value)} ${f.unit}`);
      for (const f of c.figures!.filter((f) => f.note))
        expect(t, `${c.id}: ${f.label}`).toContain(`${f.label}: ${f.note}`);
    }
    expect(dir.coops.some((c) => c.figures?.some((f) => f.note))).toBe(true);
  });
  test('every listed service appears on its co-op page', () => {
    for (const c of dir.coops.filter((c) => c.services)) {
      const t = text(page(paths.coop(c.id)));
      for (const s of c.services!) for (const item of s.items) expect(t).toContain(item);
    }
  });
  test('council members that are in the directory link to their pages', () => {
    for (const c of dir.councils) {
      const html = page(paths.council(c.id));
      for (const m of c.members ?? []) {
        if (m.coop) expect(html).toContain(`href="/${paths.coop(m.coop)}"`);
        if (m.body) expect(html).toContain(`href="/${paths.body(m.body)}"`);
      }
    }
  });
});
