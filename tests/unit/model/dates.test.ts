/** Partial dates, 西暦 and 和暦, and fiscal years (src/lib/model/dates.ts). */
import { describe, expect, test } from 'vitest';
import {
  parsePartialDate,
  isFuture,
  latestDay,
  earliestDay,
  formatDate,
  formatEra,
  formatDateWithEra,
  normaliseDateValue,
  todayInJapan,
  fiscalYearOf,
  formatFiscalYear,
  formatFiscalYearEra,
} from '../../../src/lib/model/dates.ts';

describe('partial dates', () => {
  test('parses year, month and day precision', () => {
    expect(parsePartialDate('2023')).toEqual({ year: 2023, precision: 'year' });
    expect(parsePartialDate('2023-04')).toEqual({ year: 2023, month: 4, precision: 'month' });
    expect(parsePartialDate('2023-04-01')).toEqual({ year: 2023, month: 4, day: 1, precision: 'day' });
  });
  test('refuses impossible and malformed dates', () => {
    for (const bad of ['2023-13', '2023-02-30', '2023/04/01', '23-04-01', '2023-4-1', '', '令和5年'])
      expect(parsePartialDate(bad)).toBeUndefined();
    expect(parsePartialDate('2024-02-29')).toBeDefined();
  });
  test('earliest and latest day of a partial date', () => {
    expect(earliestDay('2023-04')).toBe('2023-04-01');
    expect(latestDay('2023-02')).toBe('2023-02-28');
    expect(latestDay('2024-02')).toBe('2024-02-29');
    expect(latestDay('2015')).toBe('2015-12-31');
  });
  test('future means starting after today', () => {
    expect(isFuture('2026-11-23', '2026-11-22')).toBe(true);
    expect(isFuture('2026-11', '2026-11-22')).toBe(false);
    expect(isFuture('2027', '2026-11-22')).toBe(true);
  });
  test('YAML Date objects and bare years become strings', () => {
    expect(normaliseDateValue(new Date('2017-04-01T00:00:00Z'))).toBe('2017-04-01');
    expect(normaliseDateValue(2015)).toBe('2015');
    expect(normaliseDateValue('2015')).toBe('2015');
  });
  test('today in Japan is nine hours ahead of UTC', () => {
    expect(todayInJapan(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(todayInJapan(new Date('2026-11-21T14:59:00Z'))).toBe('2026-11-21');
  });
  test('the remembered date turns at midnight in Japan, either way, and an invalid date still throws', () => {
    const at = (iso: string) => todayInJapan(new Date(iso));
    expect([
      at('2026-12-31T14:59:59.999Z'),
      at('2026-12-31T15:00:00.000Z'),
      at('2026-12-31T14:59:59.999Z'),
      at('2027-01-01T14:59:59.999Z'),
      at('2027-01-01T15:00:00Z'),
    ]).toEqual(['2026-12-31', '2027-01-01', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(() => todayInJapan(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('西暦 and 和暦 from Intl', () => {
  test('西暦 in Japanese style at each precision', () => {
    expect(formatDate('2017-04-01')).toBe('2017年4月1日');
    expect(formatDate('2023-04')).toBe('2023年4月');
    expect(formatDate('2015')).toBe('2015年');
  });
  test('和暦 across era boundaries', () => {
    expect(formatEra('2017-04-01')).toBe('平成29年4月1日');
    expect(formatEra('2026-02-16')).toBe('令和8年2月16日');
    expect(formatEra('2019-04-30')).toMatch(/^平成31年4月30日$/);
    expect(formatEra('2019-05-01')).toMatch(/^令和(元|1)年5月1日$/);
  });
  test('both together', () => {
    expect(formatDateWithEra('2022-10-01')).toBe('2022年10月1日（令和4年10月1日）');
  });
});

describe('fiscal years (April to March)', () => {
  test('a date belongs to the fiscal year that began the April before it', () => {
    expect(fiscalYearOf('2025-04-01')).toBe(2025);
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-03')).toBe(2025);
    expect(fiscalYearOf('2025-12')).toBe(2025);
    expect(fiscalYearOf('2025')).toBeUndefined();
    expect(fiscalYearOf('not a date')).toBeUndefined();
  });
  test('和暦 of a fiscal year from Intl, across era changes', () => {
    expect(formatFiscalYearEra(2025)).toBe('令和7年度');
    expect(formatFiscalYearEra(2020)).toBe('令和2年度');
    expect(formatFiscalYearEra(2019)).toBe('令和元年度');
    expect(formatFiscalYearEra(2018)).toBe('平成30年度');
    expect(formatFiscalYearEra(1989)).toBe('平成元年度');
    expect(formatFiscalYearEra(1988)).toBe('昭和63年度');
  });
  test('西暦 with 和暦 beside it', () => {
    expect(formatFiscalYear(2025)).toBe('2025年度（令和7年度）');
    expect(formatFiscalYear(2017)).toBe('2017年度（平成29年度）');
  });
});
