/**
 * The report `npm run check:data` prints after a clean check: how many of
 * the ministry's counted co-ops the directory lists, and which entries have
 * only sources older than a year (to re-check). Works on raw entries, so it
 * runs without Astro.
 */
import { idRef, schemasFor } from '../lib/model/schemas/index.ts';
import type { RawEntry } from '../lib/check/types.ts';
import type { Source } from '../lib/model/types.ts';
import { indexById, lastChecked, needsRecheck, prefectureOf } from '../lib/model/directory.ts';
import { directoryFromEntries } from './directory.ts';
import { latestOfficial } from '../lib/views/national-counts.ts';
import { coverage, listedCoops, type Coverage } from '../lib/views/stats.ts';

/** An entry whose newest source is older than the limit. */
export interface StaleEntry {
  file: string;
  collection: string;
  id: string;
  /** The newest day any source speaks for or was seen, if any. */
  lastChecked?: string | undefined;
}

/** What the data check reports besides problems. */
export interface DataReport {
  coverage: Coverage;
  /** Prefectures that have at least one listed co-op. */
  prefectures: number;
  stale: StaleEntry[];
}

/** The sources of each entry that parses (entries that do not parse are the data check's business). */
function sourcesOf(entries: readonly RawEntry[]): Array<{ entry: RawEntry; sources: Source[] }> {
  const schemas = schemasFor(idRef);
  return entries.flatMap((entry) => {
    const r = schemas[entry.collection].safeParse(entry.data);
    return r.success ? [{ entry, sources: r.data.sources }] : [];
  });
}

/** Coverage of the newest official count and the entries to re-check (newest source more than `months` months before `today`). */
export function dataReport(entries: readonly RawEntry[], today: string, months = 12): DataReport {
  const dir = directoryFromEntries(entries);
  const listed = listedCoops(dir.coops);
  const bodies = indexById(dir.bodies);
  const prefectures = new Set(listed.map((c) => prefectureOf(c, bodies)).filter(Boolean));
  const stale = sourcesOf(entries)
    .filter((p) => needsRecheck(p.sources, today, months))
    .map((p) => ({
      file: p.entry.file,
      collection: p.entry.collection,
      id: p.entry.id,
      lastChecked: lastChecked(p.sources),
    }))
    .sort((a, b) => (a.file < b.file ? -1 : 1));
  return {
    coverage: coverage(listed, latestOfficial(dir.nationalCounts)),
    prefectures: prefectures.size,
    stale,
  };
}

/** The report as lines of Japanese text for the terminal. */
export function formatReport(report: DataReport): string[] {
  const c = report.coverage;
  const lines = [
    c.total !== undefined
      ? `掲載している労働者協同組合: ${c.listed} 法人（${report.prefectures} 都道府県）。厚生労働省の ${c.asOf} 時点の数 ${c.total} 法人に対して ${c.percent}%` +
        (c.listedAfter > 0 ? `（うち ${c.listedAfter} 法人は ${c.asOf} より後の設立）` : '')
      : `掲載している労働者協同組合: ${c.listed} 法人（${report.prefectures} 都道府県）。厚生労働省の公表値は content/national-counts にありません`,
    '  数えているのは種別「組合」（kind: coop）で法人格が労働者協同組合・特定労働者協同組合のもの。事業本部・事業所・連合会・支援団体は含みません',
  ];
  if (report.stale.length === 0) {
    lines.push('要再確認（出典が1年より古い）: なし');
  } else {
    lines.push(`警告: 要再確認（いちばん新しい出典が1年より古い）エントリが ${report.stale.length} 件あります:`);
    for (const s of report.stale) lines.push(`  ${s.file}（最新の出典 ${s.lastChecked ?? 'なし'}）`);
  }
  return lines;
}
