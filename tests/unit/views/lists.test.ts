/** List pages (src/lib/views/lists.ts, contracts.ts): pagination, per-prefecture lists, list URLs and contract lists. */
import { describe, expect, test } from 'vitest';
import {
  CATEGORY_CONTRACTS_SHOWN,
  CONTRACT_PAGE_SIZE,
  contractListRoutes,
  contractPreview,
  coopGroups,
  coopListPages,
  LIST_PAGE_SIZE,
  needsSplit,
  NO_PREFECTURE,
  paginate,
} from '../../../src/lib/views/lists.ts';
import { filterContracts, sortContracts } from '../../../src/lib/views/contracts.ts';
import { COOP_LIST_SEGMENT, paths } from '../../../src/lib/model/paths.ts';
import { idProblem } from '../../../src/lib/model/schemas/index.ts';
import type { Body, Contract, Coop } from '../../../src/lib/model/types.ts';

const body = (id: string, name: string, kind: string, prefecture?: string) =>
  ({ id, name, kind, prefecture }) as unknown as Body;
const bodies = new Map(
  [
    body('130001', '東京都', '都道府県'),
    body('131016', '千代田区', '特別区', '130001'),
    body('010006', '北海道', '都道府県'),
  ].map((b) => [b.id, b]),
);
const coop = (id: string, reading: string, where: { municipality?: string; prefecture?: string }) =>
  ({ id, name: id, reading, categories: [], ...where }) as unknown as Coop;

describe('paginate', () => {
  test('pages of at most the size, in order, the last one shorter', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2, 3, 4], 2)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  test('an empty list is one empty page; a size under 1 is refused', () => {
    expect(paginate([], 10)).toEqual([[]]);
    expect(() => paginate([1], 0)).toThrow(/at least 1/);
  });
  test('a list splits only past the page size', () => {
    expect(needsSplit(LIST_PAGE_SIZE)).toBe(false);
    expect(needsSplit(LIST_PAGE_SIZE + 1)).toBe(true);
  });
});

describe('the per-prefecture lists', () => {
  const coops = [
    coop('b', 'いいい', { municipality: '131016' }),
    coop('a', 'あああ', { prefecture: '130001' }),
    coop('c', 'かかか', { prefecture: '010006' }),
    coop('d', 'ううう', {}),
  ];
  test('prefectures in code order, organisations in 五十音順, those without a prefecture last', () => {
    expect(coopGroups(coops, bodies).map((g) => [g.prefecture, g.name, g.coops.map((c) => c.id)])).toEqual([
      ['010006', '北海道', ['c']],
      ['130001', '東京都', ['a', 'b']],
      [NO_PREFECTURE, '所在地未確認', ['d']],
    ]);
  });
  test('a prefecture past the page size gets further pages, each knowing its place', () => {
    const many = Array.from({ length: 5 }, (_, i) => coop(`t${i}`, `た${'あいうえお'[i]}`, { prefecture: '130001' }));
    const pages = coopListPages(many, bodies, 2);
    expect(pages.map((p) => [p.page, p.pages, p.total, p.from, p.coops.map((c) => c.id)])).toEqual([
      [1, 3, 5, 1, ['t0', 't1']],
      [2, 3, 5, 3, ['t2', 't3']],
      [3, 3, 5, 5, ['t4']],
    ]);
  });
});

describe('list URLs', () => {
  test('page 1 has no number; later pages do', () => {
    expect(paths.coopsIn('130001')).toBe(`coops/${COOP_LIST_SEGMENT}/130001/`);
    expect(paths.coopsIn('130001', 1)).toBe(paths.coopsIn('130001'));
    expect(paths.coopsIn('130001', 3)).toBe(`coops/${COOP_LIST_SEGMENT}/130001/3/`);
  });
  test('contract lists: the filters, then the page number', () => {
    expect(paths.contracts({}, 2)).toBe('contracts/2/');
    expect(paths.contracts({ kind: 'gakudo', prefecture: '130001' }, 3)).toBe(
      'contracts/programme/gakudo/prefecture/130001/3/',
    );
    expect(paths.contracts({ prefecture: 'national' })).toBe('contracts/prefecture/national/');
    expect(paths.category('kosodate', 2)).toBe('categories/kosodate/2/');
    expect(paths.contracts({ category: 'kosodate' })).toBe('contracts/category/kosodate/');
    expect(paths.contracts({ category: 'kosodate' }, 2)).toBe('contracts/category/kosodate/2/');
  });
  test('no co-op can take the id of the list folder, so its page never meets the lists', () => {
    expect(idProblem('coops', COOP_LIST_SEGMENT)).toMatch(/都道府県別一覧/);
    expect(idProblem('coops', 'prefecture-workers')).toBeUndefined();
    expect(idProblem('categories', COOP_LIST_SEGMENT)).toBeUndefined();
  });
});

describe('contract lists', () => {
  // Fictitious contracts: n of them in one category, dated a day apart, commissioned by 千代田区 (東京都).
  const src = [{ title: 'テスト資料', document: '架空資料', asOf: '2020-01-01' }];
  const contract = (i: number, over: Partial<Contract> = {}): Contract =>
    ({
      id: `k${String(i).padStart(4, '0')}`,
      commissioner: '131016',
      contractor: 'a',
      kind: 'konkyu',
      programme: 'テスト事業',
      category: 'fukushi',
      asOf: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
      sources: src,
      ...over,
    }) as Contract;
  test('a category page shows at most the bound, the first in the order of its contract table, and says whether that is all', () => {
    for (const n of [0, 1, CATEGORY_CONTRACTS_SHOWN, CATEGORY_CONTRACTS_SHOWN + 1, 3 * CATEGORY_CONTRACTS_SHOWN + 7]) {
      const list = Array.from({ length: n }, (_, i) => contract(i));
      const p = contractPreview(list);
      expect(p.total).toBe(n);
      expect(p.shown.length).toBe(Math.min(n, CATEGORY_CONTRACTS_SHOWN));
      expect(p.complete).toBe(n <= CATEGORY_CONTRACTS_SHOWN);
      expect(p.shown).toEqual(sortContracts(list).slice(0, CATEGORY_CONTRACTS_SHOWN));
    }
    expect(contractPreview([contract(1), contract(2), contract(3)], 2).shown.map((c) => c.id)).toEqual([
      'k0003',
      'k0002',
    ]);
    expect(() => contractPreview([], 0)).toThrow(/at least 1/);
  });
  test('every contract list is paged by CONTRACT_PAGE_SIZE; a category with more contracts than a page gets further pages', () => {
    const n = 2 * CONTRACT_PAGE_SIZE + 1;
    const list = Array.from({ length: n }, (_, i) => contract(i));
    const routes = contractListRoutes(list, bodies);
    const ofCategory = routes.filter((r) => r.props.category === 'fukushi' && !r.props.kind && !r.props.prefecture);
    expect(ofCategory.map((r) => [r.params.filter, r.props.page])).toEqual([
      ['category/fukushi', 1],
      ['category/fukushi/2', 2],
      ['category/fukushi/3', 3],
    ]);
    // Every route is the path of its filter and page; the unfiltered list's first page is /contracts/ itself, not a route here.
    for (const r of routes) expect(`contracts/${r.params.filter}/`).toBe(paths.contracts(r.props, r.props.page));
    expect(
      routes.filter((r) => !r.props.kind && !r.props.prefecture && !r.props.category).map((r) => r.props.page),
    ).toEqual([2, 3]);
    // Each page of a category's list holds its share, and together they hold every contract once.
    const pages = ofCategory.map(
      (r) => paginate(filterContracts(list, bodies, r.props), CONTRACT_PAGE_SIZE)[r.props.page - 1]!,
    );
    expect(pages.map((p) => p.length)).toEqual([CONTRACT_PAGE_SIZE, CONTRACT_PAGE_SIZE, 1]);
    expect(pages.flat().length).toBe(n);
  });
});
