/**
 * Dates in content are strings: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a fact is
 * often known only to the month). Helpers here parse, compare and format them.
 */
import { remembering } from './remember.ts';

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; returns undefined for anything else or an impossible date. */
export function parsePartialDate(value: string): PartialDate | undefined {
  const m = PATTERN.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day, precision: 'day' };
}

/** Normalises a YAML value (js-yaml turns unquoted dates into Date objects) to the string form. */
export function normaliseDateValue(value: unknown): unknown {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isInteger(value) && value > 999 && value < 10000) return String(value);
  return value;
}

/** The earliest day a partial date can mean, as 'YYYY-MM-DD' (used to tell whether it lies in the future). */
export function earliestDay(value: string): string {
  const p = parsePartialDate(value);
  if (!p) throw new Error(`not a date: ${value}`);
  return `${p.year}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
}

/** The latest day a partial date can mean (used to compare freshness). */
export function latestDay(value: string): string {
  const p = parsePartialDate(value);
  if (!p) throw new Error(`not a date: ${value}`);
  const month = p.month ?? 12;
  const day = p.day ?? new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return `${p.year}-${pad(month)}-${pad(day)}`;
}

/** Whether a partial date starts after `today` ('YYYY-MM-DD'). */
export function isFuture(value: string, today: string): boolean {
  return earliestDay(value) > today;
}

const tokyoDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });
/** Japan's offset from UTC: nine hours all year (no summer time since 1951). */
const JST_MS = 9 * 3_600_000;
/** The last date formatted, by its day number in Japan: every page of a build asks, formatting costs ~20 µs each time. */
let lastDay: { n: number; date: string } | undefined;

/** Today's date in Japan as 'YYYY-MM-DD'. */
export function todayInJapan(now: Date = new Date()): string {
  const n = Math.floor((now.getTime() + JST_MS) / 86_400_000);
  if (lastDay?.n !== n) lastDay = { n, date: tokyoDay.format(now) };
  return lastDay.date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const gregorian = {
  year: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  day: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};
const japaneseEra = {
  year: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }),
  day: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }),
};

function toUtcDate(p: PartialDate): Date {
  return new Date(Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1));
}

/**
 * 西暦 as a Japanese reader writes it: 2017年4月1日, 2023年4月, 2015年. Remembered: `Intl` formatting was 0.4 s of
 * a 10,000-co-op build, every page printing the same few hundred dates.
 */
export const formatDate = remembering((value: string): string => {
  const p = parsePartialDate(value);
  if (!p) return value;
  return gregorian[p.precision].format(toUtcDate(p));
});

/** 和暦 from the Japanese calendar of Intl (not a hand-written table): 平成29年4月1日. Remembered, as formatDate. */
export const formatEra = remembering((value: string): string => {
  const p = parsePartialDate(value);
  if (!p) return value;
  // Intl writes the first year of an era as 元年 only in some engines; keep its output as is.
  return japaneseEra[p.precision].format(toUtcDate(p));
});

/** 西暦 with 和暦 beside it: 2017年4月1日（平成29年4月1日）; remembered, as every page prints a few of the same dates. */
export const formatDateWithEra = remembering((value: string): string => `${formatDate(value)}（${formatEra(value)}）`);

const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

/** The Japanese fiscal year (April to March) a partial date falls in; undefined for a bare year, which may lie in either. */
export function fiscalYearOf(value: string): number | undefined {
  const p = parsePartialDate(value);
  if (!p || p.month === undefined) return undefined;
  return p.month >= 4 ? p.year : p.year - 1;
}

/** 和暦 of a fiscal year, from Intl's Japanese calendar: 2025 → 令和7年度, 2019 → 令和元年度. */
export function formatFiscalYearEra(fiscalYear: number): string {
  // A fiscal year is named after the era in force for most of it: 昭和63年度 (1988), 令和元年度 (2019),
  // so take the era of 31 December, which always lies inside the fiscal year.
  const parts = eraYear.formatToParts(new Date(Date.UTC(fiscalYear, 11, 31)));
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? String(fiscalYear);
  return `${era}${year === '1' ? '元' : year}年度`;
}

/** 西暦 fiscal year with 和暦 beside it: 2025年度（令和7年度）. */
export function formatFiscalYear(fiscalYear: number): string {
  return `${fiscalYear}年度（${formatFiscalYearEra(fiscalYear)}）`;
}

/** The day the Workers Co-operative Act took effect: no 労働者協同組合 can be registered before it. */
export const ACT_IN_FORCE = '2022-10-01';
