/** National counts: reading 「1都1道2府27県」, the consistency rules, and the official series. */
import { describe, expect, test } from 'vitest';
import { nationalCountProblems, prefecturesInText } from '../../../src/lib/check/rules/national-counts.ts';
import {
  byDate,
  latestOfficial,
  latestOfficialByPrefecture,
  officialSeries,
} from '../../../src/lib/views/national-counts.ts';
import { nationalCountSchema } from '../../../src/lib/model/schemas/index.ts';
import type { NationalCount } from '../../../src/lib/model/types.ts';

const count = (asOf: string, corporations: number, more: Partial<NationalCount> = {}): NationalCount => ({
  id: asOf,
  asOf,
  corporations,
  official: true,
  sources: [{ title: 'テスト', document: '架空の資料', asOf }],
  ...more,
});

describe('prefecturesInText', () => {
  test.each([
    ['1都1道1府15県', 18],
    ['1都1道2府31県', 35],
    ['36都道府県', 36],
    ['1都2県', 3],
    ['全国', undefined],
  ])('%s → %s', (text, n) => expect(prefecturesInText(text)).toBe(n));
});

describe('nationalCountProblems', () => {
  test('a consistent count has none', () => {
    const c = count('2023-04-01', 34, {
      prefectures: 18,
      prefecturesText: '1都1道1府15県',
      newlyEstablished: 25,
      converted: 9,
      convertedFromKigyo: 8,
      convertedFromNpo: 1,
      tokutei: 3,
    });
    expect(nationalCountProblems('2023-04-01', c)).toEqual([]);
  });
  test('the file name must be the as-of day', () => {
    expect(nationalCountProblems('2023-04-02', count('2023-04-01', 1)).map((p) => p.field)).toEqual(['asOf']);
    expect(nationalCountProblems('2023-04', count('2023-04', 1))[0]!.message).toMatch(/年月日/);
  });
  test('totals that do not add up name their field', () => {
    const fields = (c: NationalCount) => nationalCountProblems(c.asOf, c).map((p) => p.field);
    expect(fields(count('2024-10-01', 110, { newlyEstablished: 89, converted: 20 }))).toEqual(['corporations']);
    expect(fields(count('2024-10-01', 110, { converted: 21, convertedFromKigyo: 18, convertedFromNpo: 2 }))).toEqual([
      'converted',
    ]);
    expect(fields(count('2024-10-01', 10, { tokutei: 11 }))).toEqual(['tokutei']);
    expect(fields(count('2024-10-01', 10, { prefectures: 3, prefecturesText: '1都1道1府' }))).toEqual([]);
    expect(fields(count('2024-10-01', 10, { prefectures: 4, prefecturesText: '1都1道1府' }))).toEqual([
      'prefecturesText',
    ]);
    expect(fields(count('2024-10-01', 10, { prefecturesText: '1都1道1府' }))).toEqual(['prefectures']);
    expect(fields(count('2024-10-01', 2, { prefectures: 3 }))).toEqual(['prefectures']);
  });
  test('figures per prefecture: real prefecture codes, once each, not more than the total', () => {
    const fields = (c: NationalCount) => nationalCountProblems(c.asOf, c).map((p) => p.field);
    expect(
      fields(
        count('2024-10-01', 10, {
          byPrefecture: [
            { prefecture: '130001', corporations: 6 },
            { prefecture: '270008', corporations: 4 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(fields(count('2024-10-01', 10, { byPrefecture: [{ prefecture: '131041', corporations: 1 }] }))).toEqual([
      'byPrefecture[0].prefecture',
    ]);
    expect(
      fields(
        count('2024-10-01', 10, {
          byPrefecture: [
            { prefecture: '130001', corporations: 1 },
            { prefecture: '130001', corporations: 1 },
          ],
        }),
      ),
    ).toEqual(['byPrefecture[1].prefecture']);
    expect(fields(count('2024-10-01', 3, { byPrefecture: [{ prefecture: '130001', corporations: 4 }] }))).toEqual([
      'byPrefecture',
    ]);
  });
});

describe('schema', () => {
  test('official is required and strict fields are enforced', () => {
    const base = { asOf: '2024-04-01', corporations: 5, sources: [{ title: 't', document: 'd', asOf: '2024-04-01' }] };
    expect(nationalCountSchema().safeParse({ ...base, official: true }).success).toBe(true);
    expect(nationalCountSchema().safeParse(base).success).toBe(false);
    expect(nationalCountSchema().safeParse({ ...base, official: false, corporation: 5 }).success).toBe(false);
    expect(nationalCountSchema().safeParse({ ...base, official: true, corporations: 2.5 }).success).toBe(false);
    expect(nationalCountSchema().safeParse({ ...base, official: true, prefectures: 48 }).success).toBe(false);
  });
});

describe('series', () => {
  const counts = [
    count('2024-04-01', 87),
    count('2023-04-01', 34),
    count('2025-11-01', 173, { official: false }),
    count('2025-10-01', 168),
  ];
  test('byDate sorts oldest first without touching the input', () => {
    expect(byDate(counts).map((c) => c.asOf)).toEqual(['2023-04-01', '2024-04-01', '2025-10-01', '2025-11-01']);
    expect(counts[0]!.asOf).toBe('2024-04-01');
  });
  test('the official series leaves secondary figures out; the latest official is the coverage base', () => {
    expect(officialSeries(counts).map((c) => c.corporations)).toEqual([34, 87, 168]);
    expect(latestOfficial(counts)?.asOf).toBe('2025-10-01');
    expect(latestOfficial([count('2025-11-01', 173, { official: false })])).toBeUndefined();
  });
});

test('coverage per prefecture is measured only against an official count that gives prefectural figures', () => {
  const counts = [
    count('2025-04-01', 144, { byPrefecture: [{ prefecture: '130001', corporations: 30 }] }),
    count('2025-10-01', 168),
    count('2025-11-01', 173, { official: false, byPrefecture: [{ prefecture: '130001', corporations: 31 }] }),
  ];
  expect(latestOfficialByPrefecture(counts)?.asOf).toBe('2025-04-01');
  expect(latestOfficialByPrefecture([count('2025-10-01', 168)])).toBeUndefined();
});
