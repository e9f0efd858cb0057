/**
 * Contracts on the built site: /contracts/ lists every contract once, each programme kind and prefecture has a
 * pre-rendered filter page with exactly its contracts, body pages show the contractor and period first, and
 * every table on every page has a caption and header cells with a scope.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { DIST, distFiles, hasPage, page, requireDist } from '../helpers/dist.ts';
import { CONTRACT_PAGE_SIZE, paginate } from '../../src/lib/list-pages.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/paths.ts';
import { contractFacets, filterContracts, periodText, bodyPrefecture } from '../../src/lib/contracts.ts';
import { indexById } from '../../src/lib/directory.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const ids = (html: string) => [...html.matchAll(/<tr data-contract="([^"]+)"/g)].map((m) => m[1]).sort();

beforeAll(requireDist);

describe('/contracts/', () => {
  /** The contract ids on every page of a list, split by the rule of src/lib/list-pages.ts. */
  const allPages = (f: { kind?: string; prefecture?: string }, n: number) => {
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
  const { kinds, prefectures, national } = contractFacets(dir.contracts, bodies);
  const filters = [...kinds.map((kind) => ({ kind })), ...[...prefectures, ...(national ? ['national'] : [])].map((prefecture) => ({ prefecture }))];
  test.each(filters.map((f) => [paths.contracts(f), f] as const))('%s lists exactly its contracts and links back to all', (route, f) => {
    const html = page(route);
    const expected = filterContracts(dir.contracts, bodies, f).map((c) => c.id);
    expect(allPages(f, expected.length).sort()).toEqual(expected.sort());
    expect(html).toContain(`href="/${paths.contracts()}"`);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});

describe('public body pages', () => {
  test.each(dir.bodies.filter((b) => dir.contracts.some((c) => c.commissioner === b.id)).map((b) => [b.id] as const))(
    '%s: one row per contract, contractor then period first',
    (id) => {
      const html = page(paths.body(id));
      const mine = dir.contracts.filter((c) => c.commissioner === id);
      expect(ids(html)).toEqual(mine.map((c) => c.id).sort());
      const head = /<table class="contract-table[^"]*"[^>]*>[\s\S]*?<thead[^>]*>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
      expect([...head.matchAll(/<th scope="col"[^>]*>([^<]+)</g)].map((m) => m[1]).slice(0, 2)).toEqual(['受託者', '期間']);
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
