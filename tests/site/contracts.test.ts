/**
 * Contracts on the built site: /contracts/ lists every contract once, each programme kind, prefecture and category
 * has a pre-rendered filter page with exactly its contracts, a category's page shows no more than the bound of
 * src/lib/views/lists.ts and links to its list, from which every contract of the category is reached; body pages show
 * the contractor and period first, and every table on every page has a caption and header cells with a scope.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { DIST, distFiles, hasPage, page, requireDist, text } from '../helpers/dist.ts';
import { CATEGORY_CONTRACTS_SHOWN, CONTRACT_PAGE_SIZE, contractPreview, paginate } from '../../src/lib/views/lists.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { contractFacets, filterContracts, periodText, type ContractFilter } from '../../src/lib/views/contracts.ts';
import { contractListFilters } from '../../src/lib/views/contract-filters.ts';
import { bodyPrefecture } from '../../src/lib/model/directory.ts';
import { indexById, lastChecked } from '../../src/lib/model/directory.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const ids = (html: string) => [...html.matchAll(/<tr data-contract="([^"]+)"/g)].map((m) => m[1]!).sort();

beforeAll(requireDist);

describe('/contracts/', () => {
  /** The contract ids on every page of a list, split by the rule of src/lib/views/lists.ts. */
  const allPages = (f: ContractFilter, n: number) => {
    const pages = paginate(Array.from({ length: n }), CONTRACT_PAGE_SIZE).length;
    expect(hasPage(paths.contracts(f, pages + 1))).toBe(false);
    return Array.from({ length: pages }, (_, i) => {
      const html = page(paths.contracts(f, i + 1));
      expect(ids(html).length).toBeLessThanOrEqual(CONTRACT_PAGE_SIZE);
      expect(html.includes('rel="next"')).toBe(i + 1 < pages);
      return ids(html);
    }).flat();
  };
  test('lists every contract once, across its pages', () => {
    expect(allPages({}, dir.contracts.length).sort()).toEqual(dir.contracts.map((c) => c.id).sort());
  });
  const { kinds, prefectures, national, categories } = contractFacets(dir.contracts, bodies);
  const filters = contractListFilters(dir.contracts, bodies);
  test('every programme kind, prefecture and category has a list, and so has every combination with contracts', () => {
    const single = [
      ...kinds.map((kind) => ({ kind })),
      ...[...prefectures, ...(national ? ['national'] : [])].map((prefecture) => ({ prefecture })),
      ...categories.map((category) => ({ category })),
    ];
    for (const f of single) expect(filters).toContainEqual(f);
    const built = distFiles()
      .filter((f) => /^contracts\/(programme|prefecture|category)\/.*index\.html$/.test(f))
      .map((f) => f.replace(/index\.html$/, ''))
      .filter((f) => !/\/\d{1,3}\/$/.test(f)); // page 2 … of a list
    expect(built.sort()).toEqual(filters.map((f) => paths.contracts(f)).sort());
  });
  test.each(filters.map((f) => [paths.contracts(f), f] as const))(
    '%s lists exactly its contracts and links back to all',
    (route, f) => {
      const html = page(route);
      const expected = filterContracts(dir.contracts, bodies, f).map((c) => c.id);
      expect(allPages(f, expected.length).sort()).toEqual(expected.sort());
      expect(html).toContain(`href="/${paths.contracts()}"`);
      expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
      // Every filter link is to a built list; a chip of an empty combination is no link and says 0件.
      const nav = /<nav class="filters[\s\S]*?<\/nav>/.exec(html)![0];
      for (const m of nav.matchAll(/<a href="\/([^"]+)"[^>]*data-count="(\d+)"/g)) {
        expect(hasPage(m[1]!), m[1]).toBe(true);
        expect(Number(m[2])).toBeGreaterThan(0);
      }
      for (const m of nav.matchAll(/<span class="empty"[^>]*data-count="0"[^>]*>([\s\S]*?)<\/span>/g))
        expect(text(m[1]!)).toContain('0件');
    },
  );
  test('a note and sources that rows of a list share are said once, above the table', () => {
    const html = page(paths.contracts());
    const notes = dir.contracts.map((c) => c.note).filter((n): n is string => Boolean(n));
    const shared = [...new Set(notes)].filter((n) => notes.filter((x) => x === n).length >= 2);
    for (const n of shared) expect(text(html).split(n).length - 1, n).toBe(1);
  });
});

describe('category pages', () => {
  /** The route of a link in the page, without the base ('/' in this build). */
  const route = (hrefValue: string) => hrefValue.replace(/^\//, '');
  /** Contract ids on a list and every page after it, reached only by the list's own 「次へ」 links (rel="next"). */
  const follow = (start: string): { ids: string[]; pages: number } => {
    const seen: string[] = [];
    let pages = 0;
    for (let at: string | undefined = start; at; pages++) {
      expect(pages, start).toBeLessThan(1000);
      const html = page(at);
      expect(ids(html).length).toBeLessThanOrEqual(CONTRACT_PAGE_SIZE);
      seen.push(...ids(html));
      const next = /<a href="([^"]+)" rel="next"/.exec(html)?.[1];
      at = next && route(next);
    }
    return { ids: seen, pages };
  };
  test('some category has contracts (the tests below have something to check)', () => {
    expect(dir.categories.some((cat) => dir.contracts.some((c) => c.category === cat.id))).toBe(true);
  });
  test.each(dir.categories.map((cat) => [cat.id, cat] as const))(
    '%s: at most the bound of contracts, the newest, and a link from which every contract of the category is reached',
    (id, cat) => {
      const mine = dir.contracts.filter((c) => c.category === id);
      const html = page(paths.category(id));
      const shown = ids(html);
      expect(shown.length).toBeLessThanOrEqual(CATEGORY_CONTRACTS_SHOWN);
      expect(shown).toEqual(
        contractPreview(mine)
          .shown.map((c) => c.id)
          .sort(),
      );
      // The printout's 情報の時点 is that of what the page shows: the category and the contracts on it.
      const printed = /class="print-only print-as-of"[\s\S]*?<time datetime="([^"]+)"/.exec(html)?.[1];
      const asOf = lastChecked([...cat.sources, ...contractPreview(mine).shown.flatMap((c) => c.sources)])!;
      expect(printed, id).toBe(asOf.length === 10 || asOf.length === 7 ? asOf : asOf.slice(0, 4));
      const link = /<a href="([^"]+)"[^>]*data-all-contracts[^>]*>([\s\S]*?)<\/a>/.exec(html);
      if (mine.length === 0) {
        expect(link).toBeNull();
        expect(hasPage(paths.contracts({ category: id }))).toBe(false);
        return;
      }
      expect(link, id).not.toBeNull();
      expect(text(link![2]!).trim()).toBe(`この分野の委託をすべて見る（${mine.length}件）`);
      expect(route(link![1]!)).toBe(paths.contracts({ category: id }));
      const reached = follow(route(link![1]!));
      expect(reached.ids.sort()).toEqual(mine.map((c) => c.id).sort());
      expect(reached.pages).toBe(paginate(mine, CONTRACT_PAGE_SIZE).length);
      // The list names its category (the current filter) and links back to the category's page.
      const list = page(paths.contracts({ category: id }));
      const chosen = [...list.matchAll(/<a href="[^"]+" aria-current="page"[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
        text(m[1]!).trim(),
      );
      expect(chosen).toContain(`✓ ${cat.name} ${mine.length}件 （選択中）`);
      expect(list).toContain(`href="/${paths.category(id)}"`);
    },
  );
});

describe('public body pages', () => {
  test.each(dir.bodies.filter((b) => dir.contracts.some((c) => c.commissioner === b.id)).map((b) => [b.id] as const))(
    '%s: one row per contract, contractor then period first',
    (id) => {
      const html = page(paths.body(id));
      const mine = dir.contracts.filter((c) => c.commissioner === id);
      expect(ids(html)).toEqual(mine.map((c) => c.id).sort());
      const head =
        /<table class="contract-table[^"]*"[^>]*>[\s\S]*?<thead[^>]*>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
      expect([...head.matchAll(/<th scope="col"[^>]*>([^<]+)</g)].map((m) => m[1]).slice(0, 2)).toEqual([
        '受託者',
        '期間',
      ]);
      for (const c of mine) expect(html).toContain(periodText(c));
      // Several programme kinds: a filter link per kind to the pre-rendered page of that kind in the body's prefecture.
      const kinds = [...new Set(mine.map((c) => c.kind))];
      if (kinds.length > 1) {
        const pref = bodyPrefecture(bodies.get(id)) ?? 'national';
        for (const kind of kinds) expect(html).toContain(`href="/${paths.contracts({ kind, prefecture: pref })}"`);
      }
    },
  );
});

describe('tables', () => {
  test('every table on every page has a caption and scoped header cells', () => {
    const bad: string[] = [];
    for (const file of distFiles().filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(`${DIST}/${file}`, 'utf8');
      for (const t of html.match(/<table[\s\S]*?<\/table>/g) ?? []) {
        if (!/<caption[\s>]/.test(t)) bad.push(`${file}: table without caption`);
        const ths = t.match(/<th\b[^>]*>/g) ?? [];
        if (ths.length === 0) bad.push(`${file}: table without header cells`);
        for (const th of ths) if (!/scope="(col|row)"/.test(th)) bad.push(`${file}: ${th}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
