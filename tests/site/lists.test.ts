/**
 * The list pages of the built site, derived from content/: the per-prefecture co-op lists hold every organisation once
 * in 五十音順, split by the rule of src/lib/views/lists.ts; /coops/, prefecture pages and /municipalities/ list or link
 * by that rule; every category page lists exactly its organisations, continued on further pages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { distFiles, hasPage, page, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { COOP_LIST_SEGMENT, paths } from '../../src/lib/model/paths.ts';
import { compareReading, sortByReading } from '../../src/lib/model/sort.ts';
import {
  coopGroups,
  coopListPages,
  LIST_PAGE_SIZE,
  needsSplit,
  NO_PREFECTURE,
  paginate,
} from '../../src/lib/views/lists.ts';
import { coopsIn, prefectureOf, indexById } from '../../src/lib/model/directory.ts';

const dir = loadContentDirectory();
beforeAll(requireDist);

describe('lists', () => {
  /** The co-op ids a list page links to from its table rows, in order. */
  const rows = (html: string) =>
    [...html.matchAll(/<th scope="row"[^>]*><a href="\/coops\/([^/]+)\/"/g)].map((m) => m[1]!);
  const listPages = coopListPages(dir.coops, indexById(dir.bodies));

  test('the per-prefecture lists hold every organisation once, in 五十音順 within each prefecture, split by the rule of src/lib/views/lists.ts', () => {
    const linked: string[] = [];
    const coops = indexById(dir.coops);
    const bodies = indexById(dir.bodies);
    for (const p of listPages) {
      const html = page(paths.coopsIn(p.prefecture, p.page));
      const ids = rows(html);
      expect(ids, `${p.prefecture} page ${p.page}`).toEqual(p.coops.map((c) => c.id));
      expect(ids.length).toBeLessThanOrEqual(LIST_PAGE_SIZE);
      for (const id of ids)
        expect(p.prefecture === NO_PREFECTURE ? undefined : p.prefecture).toBe(prefectureOf(coops.get(id)!, bodies));
      // A page list with previous/next links whenever the prefecture has more than one page.
      expect(html.includes('rel="next"')).toBe(p.page < p.pages);
      expect(html.includes('rel="prev"')).toBe(p.page > 1);
      for (let n = 1; n <= p.pages && p.pages > 1; n++)
        expect(html).toContain(`href="/${paths.coopsIn(p.prefecture, n)}"`);
      linked.push(...ids);
    }
    expect([...linked].sort()).toEqual(dir.coops.map((c) => c.id).sort());
    for (let i = 1; i < linked.length; i++) {
      const a = coops.get(linked[i - 1]!)!;
      const b = coops.get(linked[i]!)!;
      if (prefectureOf(a, bodies) === prefectureOf(b, bodies))
        expect(compareReading(a.reading, b.reading)).toBeLessThanOrEqual(0);
    }
    // No page beyond the rule's: the prefecture folders hold exactly the pages the rule makes.
    const built = distFiles().filter((f) => f.startsWith(`coops/${COOP_LIST_SEGMENT}/`) && f.endsWith('index.html'));
    expect(built.sort()).toEqual(listPages.map((p) => `${paths.coopsIn(p.prefecture, p.page)}index.html`).sort());
  });

  test('/coops/ links to every prefecture list with its count; it lists the organisations itself only while they fit on one page', () => {
    const html = page(paths.coops());
    for (const g of coopGroups(dir.coops, indexById(dir.bodies)))
      expect(html).toMatch(new RegExp(`href="/${paths.coopsIn(g.prefecture)}"[^>]*>${g.name}</a>（${g.coops.length}`));
    const ids = rows(html);
    if (needsSplit(dir.coops.length)) expect(ids).toEqual([]);
    else expect(ids).toEqual(listPages.flatMap((p) => p.coops.map((c) => c.id)));
  });

  test('a prefecture page lists its organisations while they fit on one list page, else links to its list', () => {
    const bodies = indexById(dir.bodies);
    for (const g of coopGroups(dir.coops, bodies).filter((x) => x.prefecture !== NO_PREFECTURE)) {
      const html = page(paths.body(g.prefecture));
      const section = /<section aria-labelledby="coops-heading"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
      if (needsSplit(g.coops.length)) {
        expect(section).toContain(`href="/${paths.coopsIn(g.prefecture)}"`);
        expect(rows(section)).toEqual([]);
      } else expect(rows(section).sort()).toEqual(g.coops.map((c) => c.id).sort());
    }
  });

  test('/municipalities/ names the municipalities with organisations or contracts while they fit on one list page, else only the prefectures', () => {
    const bodies = indexById(dir.bodies);
    const html = page(paths.bodies());
    const active = dir.bodies.filter(
      (b) =>
        b.prefecture &&
        b.kind !== '都道府県' &&
        (coopsIn(b, dir.coops, bodies).length > 0 || dir.contracts.some((c) => c.commissioner === b.id)),
    );
    expect(active.length).toBeGreaterThan(0);
    for (const b of active) expect(html.includes(`href="/${paths.body(b.id)}"`), b.id).toBe(!needsSplit(active.length));
    for (const b of dir.bodies.filter((x) => x.kind === '都道府県'))
      expect(html).toContain(`href="/${paths.body(b.id)}"`);
  });

  test('every category page lists exactly its organisations, continued on further pages past the list page size', () => {
    for (const cat of dir.categories) {
      const expected = sortByReading(dir.coops.filter((c) => c.categories.includes(cat.id))).map((c) => c.id);
      const pages = paginate(expected);
      const linked: string[] = [];
      pages.forEach((slice, i) => {
        const html = page(paths.category(cat.id, i + 1));
        const table = /<table class="coop-table[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
        const ids = [...table.matchAll(/href="\/coops\/([^/]+)\/"/g)].map((m) => m[1]!);
        expect(ids, `${cat.id} page ${i + 1}`).toEqual(slice);
        expect(html.includes('rel="next"')).toBe(i + 1 < pages.length);
        linked.push(...ids);
      });
      expect(linked).toEqual(expected);
      expect(hasPage(paths.category(cat.id, pages.length + 1))).toBe(false);
    }
  });
});
