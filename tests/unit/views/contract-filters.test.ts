/** The /contracts/ filters: combinations with contracts only, chips that keep the other groups, shared notes. */
import { describe, expect, test } from 'vitest';
import { contractFilterGroups, contractListFilters, sharedParts } from '../../../src/lib/views/contract-filters.ts';
import { filterContracts } from '../../../src/lib/views/contracts.ts';
import { paths } from '../../../src/lib/model/paths.ts';
import type { Body, Contract } from '../../../src/lib/model/types.ts';

const body = (id: string, name: string, kind: Body['kind'], prefecture?: string): Body =>
  ({ id, name, reading: name, kind, prefecture, sources: [] }) as Body;
const bodies = new Map(
  [
    body('130001', '東京都', '都道府県'),
    body('131016', '千代田区', '特別区', '130001'),
    body('120006', '千葉県', '都道府県'),
    body('122254', '君津市', '市', '120006'),
    body('mhlw', '厚生労働省', '国'),
  ].map((b) => [b.id, b]),
);
const src = [{ title: 'パンフレット', publisher: '発行者', asOf: '2017-04-01' }] as Contract['sources'];
const contract = (i: number, over: Partial<Contract> = {}): Contract =>
  ({
    id: `k${i}`,
    commissioner: '131016',
    contractor: 'a',
    kind: 'konkyu',
    programme: 'テスト事業',
    category: 'fukushi',
    asOf: '2020-01-01',
    sources: src,
    ...over,
  }) as Contract;
const list = [
  contract(1),
  contract(2, { kind: 'hogo' }),
  contract(3, { commissioner: '122254', kind: 'konkyu', category: 'kosodate' }),
  contract(4, { commissioner: 'mhlw', kind: 'wakamono' }),
];
const labels = { prefecture: (id: string) => bodies.get(id)?.name ?? '国の機関', category: (id: string) => id };

describe('the filter pages', () => {
  const filters = contractListFilters(list, bodies);
  test('every combination of kind, prefecture and category that has contracts, each once, and no other', () => {
    for (const f of filters) expect(filterContracts(list, bodies, f).length, JSON.stringify(f)).toBeGreaterThan(0);
    expect(new Set(filters.map((f) => paths.contracts(f))).size).toBe(filters.length);
    expect(filters).toContainEqual({ kind: 'konkyu', prefecture: '120006', category: 'kosodate' });
    expect(filters).toContainEqual({ prefecture: 'national' });
    expect(filters).not.toContainEqual({ kind: 'hogo', prefecture: '120006' });
    // Bounded by the contracts: at most seven filters each, whatever the number of groups' values.
    expect(filters.length).toBeLessThanOrEqual(7 * list.length);
    const every = (['konkyu', 'hogo', 'wakamono', undefined] as const).flatMap((kind) =>
      (['130001', '120006', 'national', undefined] as const).flatMap((prefecture) =>
        (['fukushi', 'kosodate', undefined] as const).map((category) => ({ kind, prefecture, category })),
      ),
    );
    const nonEmpty = every.filter(
      (f) => (f.kind || f.prefecture || f.category) && filterContracts(list, bodies, f).length > 0,
    );
    expect(filters.length).toBe(nonEmpty.length);
  });
});

describe('chips', () => {
  const groups = contractFilterGroups(list, bodies, { prefecture: '120006' }, labels, ['kosodate', 'fukushi']);
  const group = (key: string) => groups.find((g) => g.key === key)!;
  test('a programme chip keeps the prefecture chosen, with the count of the combination', () => {
    const konkyu = group('kind').chips.find((c) => c.value === 'konkyu')!;
    expect(konkyu).toMatchObject({
      count: 1,
      selected: false,
      path: paths.contracts({ kind: 'konkyu', prefecture: '120006' }),
    });
  });
  test('a chip whose combination is empty has no link and a count of 0', () => {
    const hogo = group('kind').chips.find((c) => c.value === 'hogo')!;
    expect(hogo).toMatchObject({ count: 0, path: undefined, selected: false });
  });
  test('the chosen value is selected; すべて drops only its own group', () => {
    const pref = group('prefecture');
    expect(pref.chips.filter((c) => c.selected).map((c) => c.label)).toEqual(['千葉県']);
    expect(pref.chips[0]).toMatchObject({ label: 'すべて', selected: false, count: 4, path: paths.contracts() });
    expect(group('kind').chips[0]).toMatchObject({ label: 'すべて', selected: true, count: 1 });
    expect(pref.chips.map((c) => c.label)).toEqual(['すべて', '千葉県', '東京都', '国の機関']);
    expect(group('category').chips.map((c) => c.value)).toEqual([undefined, 'kosodate', 'fukushi']);
  });
});

describe('shared notes and sources', () => {
  test('said once when two rows or more share them, numbered in the order they appear', () => {
    const note = '資料は受託先の一つとして挙げています。';
    const rows = [
      contract(1, { note }),
      contract(2, { note, sources: [{ ...src[0]!, title: '別の資料' }] }),
      contract(3, { note: '一件だけの注記' }),
      contract(4),
    ];
    const s = sharedParts(rows);
    expect(s.notes).toEqual([{ n: 1, text: note, count: 2 }]);
    expect(s.sources).toEqual([{ n: 1, sources: src, count: 3 }]);
    expect(rows.map((c) => s.noteOf(c))).toEqual([1, 1, undefined, undefined]);
    expect(rows.map((c) => s.sourcesOf(c))).toEqual([1, undefined, 1, 1]);
  });
});
