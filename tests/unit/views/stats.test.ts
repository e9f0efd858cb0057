/** Statistics over the directory: which organisations count, by prefecture, category and origin, and coverage. */
import { describe, expect, test } from 'vitest';
import {
  countByCategory,
  countByOrigin,
  countByPrefecture,
  coverage,
  listedCoops,
  prefectureCoverage,
} from '../../../src/lib/views/stats.ts';
import type { Body, Category, Coop, NationalCount } from '../../../src/lib/model/types.ts';

const src = [{ title: 't', document: 'd', asOf: '2024-01-01' }];
const coop = (id: string, more: Partial<Coop> = {}): Coop => ({
  id,
  name: id,
  reading: id,
  kind: 'coop',
  legalForm: '労働者協同組合',
  categories: ['a'],
  sources: src,
  ...more,
});
const body = (id: string, name: string, more: Partial<Body> = {}): Body => ({
  id,
  name,
  reading: name,
  kind: '市',
  sources: src,
  ...more,
});
const bodies = new Map<string, Body>([
  ['130001', body('130001', '東京都', { kind: '都道府県' })],
  ['140007', body('140007', '神奈川県', { kind: '都道府県' })],
  ['131041', body('131041', '新宿区', { kind: '特別区', prefecture: '130001' })],
]);
const coops: Coop[] = [
  coop('a', { prefecture: '140007', origin: 'new', established: '2023-04' }),
  coop('b', {
    municipality: '131041',
    legalForm: '特定労働者協同組合',
    categories: ['a', 'b'],
    origin: 'converted-npo',
    established: '2025-10-20',
  }),
  coop('c', { legalForm: '未確認' }),
  coop('d', { kind: 'hq', parent: 'a', prefecture: '130001' }),
  coop('e', { kind: 'federation', legalForm: '労働者協同組合連合会' }),
  coop('f', { prefecture: '130001', categories: ['b'] }),
  coop('g', {}),
];

test('listedCoops keeps kind coop with a 労協 legal form only', () => {
  expect(listedCoops(coops).map((c) => c.id)).toEqual(['a', 'b', 'f', 'g']);
});

test('countByPrefecture: code order, municipality gives the prefecture, unknown last', () => {
  expect(countByPrefecture(listedCoops(coops), bodies)).toEqual([
    { id: '130001', name: '東京都', count: 2 },
    { id: '140007', name: '神奈川県', count: 1 },
    { id: '', name: '都道府県未確認', count: 1 },
  ]);
});

test('countByCategory follows the categories order and drops empty ones', () => {
  const cats: Category[] = ['b', 'x', 'a'].map((id, i) => ({
    id,
    name: id.toUpperCase(),
    nameEn: id,
    reading: id,
    order: i,
    description: 'd',
    sources: src,
  }));
  expect(countByCategory(listedCoops(coops), cats)).toEqual([
    { id: 'b', name: 'B', count: 2 },
    { id: 'a', name: 'A', count: 3 },
  ]);
});

test('countByOrigin puts missing origins under unknown', () => {
  expect(countByOrigin(listedCoops(coops))).toEqual({ new: 1, 'converted-kigyo': 0, 'converted-npo': 1, unknown: 2 });
});

describe('coverage', () => {
  const official: NationalCount = {
    id: '2025-10-01',
    asOf: '2025-10-01',
    corporations: 168,
    official: true,
    sources: src,
  };
  test('against the newest official count, counting co-ops set up after it', () => {
    expect(coverage(listedCoops(coops), official)).toEqual({
      listed: 4,
      listedAfter: 1,
      total: 168,
      asOf: '2025-10-01',
      percent: 2,
    });
  });
  test('without an official count only the listed number is known', () => {
    expect(coverage(listedCoops(coops), undefined)).toEqual({ listed: 4, listedAfter: 0 });
  });
});

describe('dissolved and registry-only organisations', () => {
  test('a dissolved co-op leaves the listed count; a registry-only draft stays in it', () => {
    const more = [
      ...coops,
      coop('h', { dissolved: { date: '2025-12-01', cause: '清算の結了等' } }),
      coop('i', { registryOnly: true, categories: [] }),
    ];
    expect(listedCoops(more).map((c) => c.id)).toEqual(['a', 'b', 'f', 'g', 'i']);
  });
  test('coverage counts a co-op registered or converted after the count as set up after it', () => {
    const official: NationalCount = {
      id: '2025-10-01',
      asOf: '2025-10-01',
      corporations: 168,
      official: true,
      sources: src,
    };
    const later = [
      coop('r', { registered: '2025-11-05' }),
      coop('s', { converted: '2025-10-02' }),
      coop('t', { registered: '2025-09-30' }),
    ];
    expect(coverage(later, official).listedAfter).toBe(2);
  });
});

describe('coverage per prefecture', () => {
  const rows = countByPrefecture(listedCoops(coops), bodies);
  const names = (id: string) => bodies.get(id)?.name ?? id;
  test('without an official prefectural figure, only listed counts', () => {
    expect(
      prefectureCoverage(rows, undefined, names).every((r) => r.official === undefined && r.percent === undefined),
    ).toBe(true);
  });
  test('with one, each prefecture gets the figure and a percentage; a prefecture we list none in appears with 0', () => {
    const official: NationalCount = {
      id: 'x',
      asOf: '2025-10-01',
      corporations: 20,
      official: true,
      sources: src,
      byPrefecture: [
        { prefecture: '130001', corporations: 8 },
        { prefecture: '270008', corporations: 4 },
      ],
    };
    const out = prefectureCoverage(rows, official, (id) => (id === '270008' ? '大阪府' : names(id)));
    expect(out.find((r) => r.id === '130001')).toEqual({
      id: '130001',
      name: '東京都',
      count: 2,
      official: 8,
      percent: 25,
    });
    expect(out.find((r) => r.id === '140007')?.official).toBeUndefined();
    expect(out.find((r) => r.id === '270008')).toEqual({
      id: '270008',
      name: '大阪府',
      count: 0,
      official: 4,
      percent: 0,
    });
    expect(out.at(-1)!.id).toBe('');
  });
});
