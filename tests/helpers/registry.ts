/**
 * Helpers for the registry tests: fictitious corporate-number records made
 * at run time (one CSV line in the published 30-column layout from a few
 * fields, numbers with a correct check digit, every name containing 架空), and
 * a snapshot of a content folder to show that nothing was written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corporateCheckDigit } from '../../src/lib/model/corporate-number.ts';
import { HOUJIN_COLUMNS, type HoujinKey } from '../../src/lib/registry/houjin.ts';

/** A 法人番号 with its check digit, from a serial (the 基礎番号 is 9999 followed by the serial). */
export function fakeNumber(serial: number): string {
  const base = `9999${String(serial).padStart(8, '0')}`;
  return `${corporateCheckDigit(base)}${base}`;
}

/** A new worker co-op in 千代田区, as the registry would publish it. */
const DEFAULTS: Partial<Record<HoujinKey, string>> = {
  sequenceNumber: '1',
  process: '01',
  correct: '0',
  updateDate: '2026-11-02',
  changeDate: '2026-10-30',
  name: '労働者協同組合架空テスト',
  kind: '399',
  prefectureName: '東京都',
  cityName: '千代田区',
  streetNumber: '霞が関９丁目９－９',
  prefectureCode: '13',
  cityCode: '101',
  postCode: '1000013',
  assignmentDate: '2026-10-30',
  latest: '1',
  furigana: 'ロウドウシャキョウドウクミアイカクウテスト',
  hihyoji: '0',
};

/** Quotes a field the way the agency's files do: text in double quotes, `"` doubled. */
const quote = (key: HoujinKey, value: string) =>
  ['name', 'prefectureName', 'cityName', 'streetNumber'].includes(key) && value !== ''
    ? `"${value.replace(/"/g, '""')}"`
    : value;

/** One CSV line (no line break) from the defaults and the given fields; `corporateNumber` defaults to fakeNumber(1). */
export function recordLine(fields: Partial<Record<HoujinKey, string>> = {}): string {
  const all: Partial<Record<HoujinKey, string>> = { corporateNumber: fakeNumber(1), ...DEFAULTS, ...fields };
  return HOUJIN_COLUMNS.map(([key]) => quote(key, all[key] ?? '')).join(',');
}

/** Every file under a folder with its text, for before/after comparisons. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}
