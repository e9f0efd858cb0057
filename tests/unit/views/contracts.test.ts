/** Contract periods, grouping and filters, on small hand-made contracts (fictitious) and on the content's own contracts. */
import { describe, expect, test } from 'vitest';
import {
  contractCounts,
  contractFacets,
  countContracts,
  filterContracts,
  groupByProgramme,
  hasPeriod,
  isCurrent,
  periodText,
  sortContracts,
  type ContractFilter,
} from '../../../src/lib/views/contracts.ts';
import { contractSchema, idRef } from '../../../src/lib/model/schemas/index.ts';
import { loadContentDirectory } from '../../helpers/content.ts';
import { indexById } from '../../../src/lib/model/directory.ts';
import type { Body, Contract } from '../../../src/lib/model/types.ts';

const src = [{ title: 'テスト資料', document: '架空資料', asOf: '2017-04-01' }];
const c = (over: Partial<Contract>): Contract => ({
  id: 'x',
  commissioner: '131041',
  contractor: 'alpha',
  kind: 'konkyu',
  programme: 'テスト事業',
  category: 'fukushi',
  sources: src,
  ...over,
});

describe('period', () => {
  test('dates, fiscal years, or 期間不明 with the date of the document', () => {
    expect(periodText(c({ from: '2023-04-01', to: '2028-03-31' }))).toBe('2023年4月1日〜2028年3月31日');
    expect(periodText(c({ fiscalYears: { from: 2024, to: 2026 } }))).toBe('2024年度〜2026年度');
    expect(periodText(c({ asOf: '2017-04-01' }))).toBe('期間不明（資料の時点 2017年4月1日）');
    expect(periodText(c({}))).toBe('期間不明（資料の時点 2017年4月1日）');
    expect(hasPeriod(c({ asOf: '2017-04-01' }))).toBe(false);
  });
  test('current only when a known period covers the day', () => {
    expect(isCurrent(c({ from: '2023-04-01', to: '2028-03-31' }), '2026-11-30')).toBe(true);
    expect(isCurrent(c({ from: '2020-04-01', to: '2023-03-31' }), '2026-11-30')).toBe(false);
    expect(isCurrent(c({ fiscalYears: { from: 2024, to: 2026 } }), '2027-03-31')).toBe(true);
    expect(isCurrent(c({ asOf: '2026-01-01' }), '2026-11-30')).toBe(false);
  });
  test('contracts with a period sort first, newest start first', () => {
    const list = sortContracts([
      c({ id: 'a', asOf: '2017-04-01' }),
      c({ id: 'b', from: '2020-04-01', to: '2023-03-31' }),
      c({ id: 'd', from: '2023-04-01' }),
    ]);
    expect(list.map((x) => x.id)).toEqual(['d', 'b', 'a']);
  });
});

describe('grouping and filters', () => {
  test('one group per programme; services, note and sources shown once when the group shares them', () => {
    const groups = groupByProgramme([
      c({ id: 'a', commissioner: '1', services: ['相談'], note: 'n' }),
      c({ id: 'b', commissioner: '2', services: ['相談'], note: 'n' }),
      c({ id: 'c', kind: 'jidokan', programme: '児童館', services: ['x'] }),
    ]);
    expect(groups.map((g) => [g.kind, g.contracts.length])).toEqual([
      ['konkyu', 2],
      ['jidokan', 1],
    ]);
    expect(groups[0]!.shared).toEqual({ services: ['相談'], note: 'n', sources: src });
    const mixed = groupByProgramme([c({ id: 'a', services: ['1'] }), c({ id: 'b', services: ['2'] })]);
    expect(mixed[0]!.shared.services).toBeUndefined();
  });
  test('filters by kind, prefecture and category; national bodies under "national"', () => {
    const bodies = new Map<string, Body>([
      [
        '131041',
        { id: '131041', name: '新宿区', reading: 'しんじゅくく', kind: '特別区', prefecture: '130001', sources: [] },
      ],
      ['mhlw', { id: 'mhlw', name: '厚生労働省', reading: 'こうせいろうどうしょう', kind: '国', sources: [] }],
    ]);
    const list = [c({ id: 'a' }), c({ id: 'b', commissioner: 'mhlw', kind: 'wakamono', category: 'shuro' })];
    expect(filterContracts(list, bodies, { prefecture: '130001' }).map((x) => x.id)).toEqual(['a']);
    expect(filterContracts(list, bodies, { prefecture: 'national', kind: 'wakamono' }).map((x) => x.id)).toEqual(['b']);
    expect(filterContracts(list, bodies, { category: 'shuro' }).map((x) => x.id)).toEqual(['b']);
    expect(filterContracts(list, bodies, { category: 'shuro', kind: 'konkyu' })).toEqual([]);
    // Every combination, by the grouping remembered per list: the same as a plain filter, in the list's order.
    const plain = (f: ContractFilter) =>
      list.filter(
        (x) =>
          (!f.kind || x.kind === f.kind) &&
          (!f.category || x.category === f.category) &&
          (!f.prefecture || (x.commissioner === 'mhlw' ? 'national' : '130001') === f.prefecture),
      );
    for (const kind of [undefined, 'konkyu', 'wakamono'] as const)
      for (const prefecture of [undefined, '130001', 'national'])
        for (const category of [undefined, 'fukushi', 'shuro']) {
          const f = { kind, prefecture, category };
          expect(filterContracts(list, bodies, f)).toEqual(plain(f));
          expect(countContracts(list, bodies, f)).toBe(plain(f).length);
        }
    // A new array each time: a caller may change what it gets.
    filterContracts(list, bodies, {}).pop();
    expect(filterContracts(list, bodies, {})).toHaveLength(2);
    expect(contractFacets(list, bodies)).toEqual({
      kinds: ['konkyu', 'wakamono'],
      prefectures: ['130001'],
      national: true,
      categories: ['fukushi', 'shuro'],
    });
  });
});

describe('schema', () => {
  test('every field is described, and an unknown kind is refused', () => {
    const shape = contractSchema(idRef).shape as Record<string, { description?: string }>;
    for (const [k, v] of Object.entries(shape)) expect(v.description, k).toBeTruthy();
    const bad = contractSchema(idRef).safeParse({
      commissioner: '131041',
      contractor: 'a',
      kind: 'nope',
      programme: 'p',
      category: 'c',
      sources: src,
    });
    expect(bad.success).toBe(false);
  });
});

describe('the content', () => {
  const dir = loadContentDirectory();
  test('every contract shows a period or the date of its document', () => {
    for (const x of dir.contracts) expect(periodText(x), x.id).toMatch(/年/);
  });
  test('counts add up', () => {
    const n = contractCounts(dir.contracts, '2026-11-30');
    expect(n.total).toBe(dir.contracts.length);
    expect(n.withPeriod).toBe(dir.contracts.filter(hasPeriod).length);
    expect(n.current).toBeLessThanOrEqual(n.withPeriod);
    expect(contractFacets(dir.contracts, indexById(dir.bodies)).kinds.length).toBeGreaterThan(0);
  });
});
