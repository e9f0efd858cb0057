/**
 * The statistics page on the built site, with every expectation derived from
 * content/: coverage numbers, one table row per national count, the chart's
 * points, the prefecture and category tables, and the links to it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { page, requireDist, text } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { indexById } from '../../src/lib/model/directory.ts';
import { latestOfficial, latestOfficialByPrefecture, officialSeries } from '../../src/lib/views/national-counts.ts';
import {
  countByCategory,
  countByPrefecture,
  coverage,
  listedCoops,
  prefectureCoverage,
} from '../../src/lib/views/stats.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const listed = listedCoops(dir.coops);
beforeAll(requireDist);

/** The rows of the table with this id, as [data attribute value, row HTML]. */
function rows(html: string, tableId: string, attr: string): Array<[string, string]> {
  const table = new RegExp(`<table[^>]*id="${tableId}"[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(new RegExp(`<tr[^>]*${attr}="([^"]*)"[^>]*>([\\s\\S]*?)</tr>`, 'g'))].map((m) => [
    m[1]!,
    m[2]!,
  ]);
}
const nf = new Intl.NumberFormat('ja-JP');

describe('/stats/', () => {
  const html = page(paths.stats());

  test('coverage states the listed co-ops against the newest official count', () => {
    const official = latestOfficial(dir.nationalCounts);
    const cov = coverage(listed, official);
    const p = /<p class="coverage"[^>]*>/.exec(html)![0];
    expect(p).toContain(`data-listed="${listed.length}"`);
    if (official) {
      expect(p).toContain(`data-total="${official.corporations}"`);
      expect(p).toContain(`data-as-of="${official.asOf}"`);
      expect(text(html)).toContain(`${nf.format(official.corporations)}法人`);
      expect(text(html)).toContain(`約${cov.percent}%`);
    }
  });

  test('every national count has a row with its number, official or not', () => {
    const shown = rows(html, 'national-counts-table', 'data-as-of');
    expect(shown.map(([asOf]) => asOf)).toEqual(dir.nationalCounts.map((c) => c.asOf).sort());
    for (const c of dir.nationalCounts) {
      const row = shown.find(([asOf]) => asOf === c.asOf)![1];
      expect(row).toContain(`data-value="${c.corporations}"`);
      expect(text(row)).toContain(c.official ? '厚生労働省の公表値' : '公表値ではありません');
      for (const s of c.sources) expect(text(row)).toContain(s.title);
    }
  });

  test('the chart draws one point per official count and one marker per secondary count, with no script', () => {
    const svg = /<svg[^>]*role="img"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).toContain(`data-points="${officialSeries(dir.nationalCounts).length}"`);
    expect([...svg.matchAll(/class="official"[^>]*data-as-of="([^"]+)"/g)].map((m) => m[1])).toEqual(
      officialSeries(dir.nationalCounts).map((c) => c.asOf),
    );
    expect([...svg.matchAll(/class="secondary"[^>]*data-as-of="([^"]+)"/g)].length).toBe(
      dir.nationalCounts.filter((c) => !c.official).length,
    );
    expect(svg).toMatch(/aria-labelledby="growth-chart-title growth-chart-desc"/);
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  test('the prefecture table equals the counts from content/, with coverage only where an official prefectural figure is sourced', () => {
    const prefOfficial = latestOfficialByPrefecture(dir.nationalCounts);
    const expected = prefectureCoverage(
      countByPrefecture(listed, bodies),
      prefOfficial,
      (id) => bodies.get(id)?.name ?? id,
    );
    const shown = rows(html, 'by-prefecture', 'data-prefecture');
    expect(
      shown.map(([id, row]) => [id, Number(/class="num"[^>]*>([\d,]+)</.exec(row)![1]!.replace(/,/g, ''))]),
    ).toEqual(expected.map((r) => [r.id, r.count]));
    if (prefOfficial) {
      for (const r of expected.filter((x) => x.official !== undefined))
        expect(text(shown.find(([id]) => id === r.id)![1])).toContain(`${r.percent}%`);
    } else {
      expect(html).toContain('class="no-official-by-prefecture"');
      expect(/<table[^>]*id="by-prefecture"[\s\S]*?<\/table>/.exec(html)![0]).not.toContain('掲載率');
    }
  });

  test('the category table equals the counts from content/', () => {
    const ordered = [...dir.categories].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
    const expected = countByCategory(listed, ordered);
    const shown = rows(html, 'by-category', 'data-category');
    expect(
      shown.map(([id, row]) => [id, Number(/class="num"[^>]*>([\d,]+)</.exec(row)![1]!.replace(/,/g, ''))]),
    ).toEqual(expected.map((r) => [r.id, r.count]));
  });

  test('the header navigation and the home page link to it', () => {
    expect(page(paths.home())).toMatch(/<nav[^>]*>[\s\S]*href="\/stats\/"[\s\S]*<\/nav>/);
    expect((page(paths.home()).match(/href="\/stats\/"/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
});
