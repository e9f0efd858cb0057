/** The national counts as the statistics pages and the data check's report read them: the ministry's series and its newest count. */
import type { NationalCount } from '../model/types.ts';

/** Counts in date order, oldest first. */
export function byDate(counts: readonly NationalCount[]): NationalCount[] {
  return [...counts].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
}

/** The ministry's own counts (official: true), oldest first. */
export function officialSeries(counts: readonly NationalCount[]): NationalCount[] {
  return byDate(counts.filter((c) => c.official));
}

/** The newest official count, the one coverage is measured against; undefined when there is none. */
export function latestOfficial(counts: readonly NationalCount[]): NationalCount | undefined {
  return officialSeries(counts).at(-1);
}

/** The newest official count that gives a figure per prefecture, if any (coverage per prefecture is measured only against such a sourced figure). */
export function latestOfficialByPrefecture(counts: readonly NationalCount[]): NationalCount | undefined {
  return officialSeries(counts)
    .filter((c) => c.byPrefecture !== undefined && c.byPrefecture.length > 0)
    .at(-1);
}
