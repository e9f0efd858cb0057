/**
 * The search index in the built site: a Pagefind bundle in dist/pagefind/,
 * one record per content page (not the map, search or error pages), each
 * with the filters and meta content/ gives it and our encoded fields; the
 * header search form on every page; the search page reads the bundle from
 * under the base.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DIST, page, publicPages, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { indexById, prefectureOf } from '../../src/lib/model/directory.ts';
import { kindLabel } from '../../src/search/facets.ts';
import { TERM_FIELDS } from '../../src/search/fields.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const categories = indexById(dir.categories);

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
let records: Map<string, Fragment>;

/** A record's text as the page reads: Pagefind joins the words it segments with zero-width spaces. */
function textOf(r: Fragment): string {
  return r.content.replaceAll('\u200b', '');
}

beforeAll(() => {
  requireDist();
  const folder = join(DIST, 'pagefind/fragment');
  records = new Map(
    readdirSync(folder).map((f) => {
      const json = JSON.parse(
        gunzipSync(readFileSync(join(folder, f)))
          .subarray(12)
          .toString('utf8'),
      ) as Fragment;
      return [json.url.replace(/^\//, ''), json];
    }),
  );
});

describe('the bundle', () => {
  test('Pagefind library, metadata and index are in dist/pagefind/; its own UIs are not', () => {
    for (const f of ['pagefind.js', 'pagefind-entry.json']) expect(existsSync(join(DIST, 'pagefind', f)), f).toBe(true);
    const files = readdirSync(join(DIST, 'pagefind'));
    expect(files.some((f) => f.endsWith('.pf_meta'))).toBe(true);
    expect(files.filter((f) => /^pagefind-(ui|component-ui|modular-ui)\./.test(f))).toEqual([]);
  });
  test('every entity page is a record; the search, map and error pages and the CMS are not', () => {
    const expected = [
      ...dir.coops.map((c) => paths.coop(c.id)),
      ...dir.bodies.map((b) => paths.body(b.id)),
      ...dir.categories.map((c) => paths.category(c.id)),
      ...dir.councils.map((c) => paths.council(c.id)),
      ...dir.guides.map((g) => paths.guide(g.id)),
    ];
    for (const p of expected) expect(records.has(p), p).toBe(true);
    for (const p of [paths.search(), paths.map(), '404.html', paths.admin()]) expect(records.has(p), p).toBe(false);
    expect([...records.keys()].filter((p) => p.startsWith(paths.admin()))).toEqual([]);
  });
  test('records hold the main content only: no header, footer or breadcrumbs', () => {
    const r = records.get(paths.coop(dir.coops[0]!.id))!;
    expect(r.content).not.toContain('本文へ移動');
    expect(r.content).not.toContain('パンくず');
    expect(textOf(r)).not.toContain('訂正の依頼');
  });
});

describe('filters and meta derive from content/', () => {
  test.each(dir.coops.map((c) => [c.id, c]))('co-op %s', (_id, c) => {
    const r = records.get(paths.coop(c.id))!;
    const pref = prefectureOf(c, bodies);
    expect(r.filters.kind).toEqual([kindLabel('coop')]);
    expect(r.filters.prefecture ?? []).toEqual(pref ? [bodies.get(pref)!.name] : []);
    expect([...(r.filters.category ?? [])].sort()).toEqual(c.categories.map((id) => categories.get(id)!.name).sort());
    expect(r.meta.title).toBe(c.name);
    expect(r.meta.kind).toBe(kindLabel('coop'));
    if (c.municipality) expect(r.meta.municipality).toContain(bodies.get(c.municipality)!.name);
    for (const f of Object.values(TERM_FIELDS)) expect(r.meta[f] ?? '', f).toMatch(/^[0-9a-z ]*$/);
    expect(r.meta[TERM_FIELDS.names]).toBeTruthy();
    expect(r.meta[TERM_FIELDS.hub] ?? '').toBe('');
  });
  test('hub pages (categories, public bodies) index their names in the hub field, not the names field; categories their services as subjects', () => {
    const hubs: Array<[string, string]> = [
      ...dir.bodies.map((b): [string, string] => [paths.body(b.id), b.name]),
      ...dir.categories.map((c): [string, string] => [paths.category(c.id), c.name]),
    ];
    for (const [path, name] of hubs) {
      const r = records.get(path)!;
      expect(r.meta[TERM_FIELDS.hub], path).toBeTruthy();
      expect(r.meta[TERM_FIELDS.names] ?? '', path).toBe('');
      expect(r.meta.aka?.split(' | '), path).toContain(name);
    }
    for (const c of dir.categories) {
      const listed = dir.coops.flatMap((o) =>
        (o.services ?? []).filter((g) => g.category === c.id).flatMap((g) => g.items),
      );
      const subjects = records.get(paths.category(c.id))!.meta.subjects?.split(' | ') ?? [];
      for (const s of listed) expect(subjects, c.id).toContain(s);
    }
  });
  test('result text separates labels from values (「区分：市 ／ よみ：…」)', () => {
    for (const b of dir.bodies.filter((b) => b.kind === '市').slice(0, 3)) {
      const text = textOf(records.get(paths.body(b.id))!);
      expect(text, b.id).toContain(`区分：${b.kind} ／ `);
      expect(text, b.id).toContain(`よみ：${b.reading} ／ `);
    }
  });
  test('public bodies carry their prefecture; categories their own name', () => {
    for (const b of dir.bodies) {
      const r = records.get(paths.body(b.id))!;
      const pref = b.kind === '都道府県' ? b.name : b.prefecture ? bodies.get(b.prefecture)?.name : undefined;
      expect(r.filters.kind, b.id).toEqual([kindLabel('body')]);
      expect(r.filters.prefecture ?? [], b.id).toEqual(pref ? [pref] : []);
    }
    for (const c of dir.categories) expect(records.get(paths.category(c.id))!.filters.category).toEqual([c.name]);
  });
});

describe('pages', () => {
  const html = publicPages();
  test('every page but the search page has the header search form, a GET to the search page under the base', () => {
    for (const f of html) {
      if (f.startsWith('embed/')) continue; // iframe pages have no site header
      if (f.startsWith('en/')) continue; // the English summaries have no search box: the search UI and index are Japanese
      if (f === `${paths.search()}index.html`) continue;
      expect(page(f), f).toMatch(
        new RegExp(`<form[^>]*class="header-search"[^>]*action="/${paths.search()}"[^>]*method="get"`),
      );
    }
  });
  test('the search page has one search box: its own, not the header form', () => {
    const s = page(paths.search());
    expect(s.match(/<input[^>]*type="search"/g)?.length).toBe(1);
    expect(s).not.toContain('header-search');
  });
  test("the search page's script sits inside the body (nothing after </html>)", () => {
    const s = page(paths.search()).trimEnd();
    expect(s.endsWith('</html>')).toBe(true);
    expect(s).toMatch(/<script type="module"[^>]*><\/script>[\s\S]*<\/body>/);
  });
  test('the search page reads the bundle from under the base and has a no-JS way on', () => {
    const s = page(paths.search());
    expect(s).toMatch(/<site-search[^>]*data-bundle="\/pagefind\/"/);
    expect(s).toContain(`href="/${paths.coops()}"`);
    expect(s).toMatch(/<form[^>]*role="search"[^>]*action="\/search\/"[^>]*method="get"/);
  });
});

describe("the site's own repeated notes stay out of the index", () => {
  // Each is the site's wording, the same on many organisation pages; a search for its words would find them all.
  const notes = ['連絡先は確認できていません', 'この団体の連絡先をご存じの方は', '地図上の位置', '出典は創立総会'];
  const coopPages = dir.coops.map((c) => paths.coop(c.id));
  test.each(notes)('「%s」: on organisation pages, in none of their records', (note) => {
    const shown = coopPages.filter((p) => page(p).includes(note));
    // content/ has organisations whose pages carry each note, so the check below has pages to look at.
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) {
      const record = records.get(p);
      expect(record, p).toBeDefined();
      expect(textOf(record!), p).not.toContain(note);
    }
  });
  test("an organisation's record still has its own facts: its name and its place", () => {
    for (const c of dir.coops) {
      const content = textOf(records.get(paths.coop(c.id))!);
      expect(content, c.id).toContain(c.name);
      const muni = c.municipality ? bodies.get(c.municipality) : undefined;
      if (muni) expect(content, c.id).toContain(muni.name);
    }
  });
});
