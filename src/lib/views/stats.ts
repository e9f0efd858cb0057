/**
 * Figures for the statistics page and the data check: which organisations
 * count as listed worker co-operatives, how they spread over prefectures,
 * categories and founding forms, and how much of the ministry's count the
 * directory covers. Plain functions over plain data.
 */
import type { Body, Category, Coop, NationalCount } from '../model/types.ts';
import { becameCoopOn, isDissolved, prefectureOf } from '../model/directory.ts';
import { earliestDay } from '../model/dates.ts';

/** Legal forms that make an organisation a worker co-operative under the Act. */
export const ROUKYOU_FORMS: readonly string[] = ['労働者協同組合', '特定労働者協同組合'];

/** Worker co-operatives listed here: kind `coop` with a 労働者協同組合 legal form (not HQs, sites, federations or networks), not dissolved. */
export function listedCoops(coops: readonly Coop[]): Coop[] {
  return coops.filter(
    (c) => c.kind === 'coop' && c.legalForm !== undefined && ROUKYOU_FORMS.includes(c.legalForm) && !isDissolved(c),
  );
}

/** One row of a count table. */
export interface CountRow {
  id: string;
  name: string;
  count: number;
}

/** Listed co-ops per prefecture, in 全国地方公共団体コード order; co-ops with no known prefecture come last under id ''. */
export function countByPrefecture(coops: readonly Coop[], bodies: Map<string, Body>): CountRow[] {
  const counts = new Map<string, number>();
  for (const c of coops) {
    const pref = prefectureOf(c, bodies) ?? '';
    counts.set(pref, (counts.get(pref) ?? 0) + 1);
  }
  return [...counts]
    .map(([id, count]) => ({ id, name: id ? (bodies.get(id)?.name ?? id) : '都道府県未確認', count }))
    .sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Listed co-ops per category in the categories' own order, leaving out categories with none (a co-op counts once in each of its categories). */
export function countByCategory(coops: readonly Coop[], categories: readonly Category[]): CountRow[] {
  return categories
    .map((cat) => ({ id: cat.id, name: cat.name, count: coops.filter((c) => c.categories.includes(cat.id)).length }))
    .filter((r) => r.count > 0);
}

/** Listed co-ops by how they became worker co-operatives; `unknown` also holds those whose origin is not given. */
export function countByOrigin(coops: readonly Coop[]): Record<NonNullable<Coop['origin']>, number> {
  const out = { new: 0, 'converted-kigyo': 0, 'converted-npo': 0, unknown: 0 };
  for (const c of coops) out[c.origin ?? 'unknown'] += 1;
  return out;
}

/** How much of an official count the directory covers. */
export interface Coverage {
  /** Listed worker co-operatives. */
  listed: number;
  /** Of those, how many became worker co-operatives after the count's date (so are not in it). */
  listedAfter: number;
  /** The official count, if there is one. */
  total?: number | undefined;
  asOf?: string | undefined;
  /** listed ÷ total, as a percentage rounded to a whole number. */
  percent?: number | undefined;
}

/** Coverage of the newest official count by the listed co-ops (their number, and how many were set up after the count's date). */
export function coverage(listed: readonly Coop[], official: NationalCount | undefined): Coverage {
  if (!official) return { listed: listed.length, listedAfter: 0 };
  const listedAfter = listed.filter((c) => {
    // A founding meeting after the count's date means the registration came after it too.
    const day = becameCoopOn(c) ?? c.foundingMeeting;
    return day !== undefined && earliestDay(day) > official.asOf;
  }).length;
  return {
    listed: listed.length,
    listedAfter,
    total: official.corporations,
    asOf: official.asOf,
    percent: Math.round((listed.length / official.corporations) * 100),
  };
}

/** One prefecture's listed co-ops against an official figure for it (when a source gives one). */
export interface PrefectureCoverageRow extends CountRow {
  /** The official number for the prefecture, when the count gives one. */
  official?: number | undefined;
  /** count ÷ official, as a whole percentage. */
  percent?: number | undefined;
}

/** Listed co-ops per prefecture with the official prefectural figure beside them where the count has one; prefectures only in the official figures appear with 0 listed. */
export function prefectureCoverage(
  rows: readonly CountRow[],
  official: NationalCount | undefined,
  names: (id: string) => string,
): PrefectureCoverageRow[] {
  const byId = new Map(official?.byPrefecture?.map((p) => [p.prefecture, p.corporations]) ?? []);
  const out: PrefectureCoverageRow[] = rows.map((r) => {
    const o = byId.get(r.id);
    return o === undefined
      ? { ...r }
      : { ...r, official: o, percent: o > 0 ? Math.round((r.count / o) * 100) : undefined };
  });
  for (const [id, o] of byId)
    if (!rows.some((r) => r.id === id)) out.push({ id, name: names(id), count: 0, official: o, percent: 0 });
  return out.sort((a, b) => (a.id === '' ? 1 : b.id === '' ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
