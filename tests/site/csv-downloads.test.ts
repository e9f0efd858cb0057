/**
 * The CSV downloads of the built site: every file parses (papaparse) with a BOM, CRLF and one row per entity in
 * content/, credits its sources, and has no cell a spreadsheet would run as a formula; co-op rows carry the categories
 * and map point of their entity; each commissioning body has its own contracts CSV; the series students asked for
 * (national counts, model-project figures) hold exactly what content/ says.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DIST, requireDist } from '../helpers/dist.ts';
import { loadContentDirectory } from '../helpers/content.ts';
import { datasetEntities, file, ID_HEADER as idHeader, parseCsv, text } from '../helpers/open-data.ts';
import { paths } from '../../src/lib/model/paths.ts';
import { contractsCommissionedBy, indexById, placeOf } from '../../src/lib/model/directory.ts';
import { DATASETS, DATASET_NAMES } from '../../src/lib/publish/datasets/index.ts';

const dir = loadContentDirectory();
const bodies = indexById(dir.bodies);
const entities = datasetEntities(dir);
beforeAll(requireDist);

describe('CSV downloads', () => {
  test.each(DATASET_NAMES)('data/%s.csv: BOM, CRLF, one header row, one row per entity in content/', (name) => {
    const bytes = file(paths.dataFile(`${name}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const raw = bytes.toString('utf8');
    expect(raw.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(raw);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(DATASETS[name].fields.filter((f) => f.header).map((f) => f.header));
    expect(parsed.data).toHaveLength(entities[name].length);
    expect(parsed.data.map((r) => r[idHeader[name]]).sort()).toEqual(entities[name].map((e) => e.id).sort());
  });
  test('every row credits its sources, and the URL column holds exactly the source URLs', () => {
    for (const name of DATASET_NAMES) {
      const byId = indexById(entities[name] as Array<{ id: string; sources: Array<{ title: string; url?: string }> }>);
      for (const row of parseCsv(text(paths.dataFile(`${name}.csv`))).data) {
        const e = byId.get(row[idHeader[name]]!)!;
        for (const s of e.sources) expect(row['出典']).toContain(s.title.replaceAll('|', '｜'));
        expect(row['出典URL']).toBe(e.sources.flatMap((s) => (s.url ? [s.url.replaceAll('|', '%7C')] : [])).join('|'));
      }
    }
  });
  test("co-op rows: categories split on | give the entity's categories; the map point matches placeOf", () => {
    const coops = indexById(dir.coops);
    for (const row of parseCsv(text(paths.dataFile('coops.csv'))).data) {
      const c = coops.get(row['ID']!)!;
      expect(row['分野ID']!.split('|')).toEqual(c.categories);
      const place = placeOf(c, bodies);
      expect(row['緯度']).toBe(place ? String(place.lat) : '');
      expect(row['位置の精度']).toBe(place?.precision ?? '');
    }
  });
  test('no cell starts with = + - @ (Excel would run it as a formula)', () => {
    for (const name of DATASET_NAMES) {
      const cells = Papa.parse<string[]>(text(paths.dataFile(`${name}.csv`)).replace(/^\uFEFF/, ''), {
        newline: '\r\n',
        skipEmptyLines: true,
      }).data.flat();
      expect(
        cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
        name,
      ).toEqual([]);
    }
  });
  test('every public body that commissions something has its own contracts CSV with exactly those contracts; the others have none', () => {
    let total = 0;
    for (const b of dir.bodies) {
      const route = paths.bodyContractsCsv(b.id);
      if (contractsCommissionedBy(b.id, dir.contracts).length === 0) {
        expect(existsSync(join(DIST, route)), route).toBe(false);
        continue;
      }
      const bytes = file(route);
      expect([...bytes.subarray(0, 3)], route).toEqual([0xef, 0xbb, 0xbf]);
      const parsed = parseCsv(bytes.toString('utf8'));
      expect(parsed.errors).toEqual([]);
      const expected = contractsCommissionedBy(b.id, dir.contracts)
        .map((c) => c.id)
        .sort();
      expect(parsed.data.map((r) => r['ID']).sort(), route).toEqual(expected);
      total += parsed.data.length;
    }
    expect(total).toBe(dir.contracts.length);
  });
});

describe('downloads students asked for', () => {
  test('national-counts: the series in date order, figures as in content/', () => {
    const rows = parseCsv(text(paths.dataFile('national-counts.csv'))).data;
    expect(rows.map((r) => r['時点'])).toEqual([...dir.nationalCounts].map((n) => n.asOf).sort());
    for (const n of dir.nationalCounts) {
      const row = rows.find((r) => r['時点'] === n.asOf)!;
      expect(row['法人数']).toBe(String(n.corporations));
      expect(row['厚生労働省の公表値']).toBe(String(n.official));
    }
  });
  test('model-project-figures: every participants count, capacity and reported figure of every council, once', () => {
    // Counted straight from content/, not through the row builder.
    const expected = dir.councils.flatMap((c) => [
      ...(c.figures ?? []).map((f) => `${c.id}|figure|${f.label}|${f.value}`),
      ...(c.activities ?? []).flatMap((a) => [
        ...(a.attendance?.participants !== undefined
          ? [`${c.id}|participants|参加者数|${a.attendance.participants}`]
          : []),
        ...(a.attendance?.capacity !== undefined ? [`${c.id}|capacity|定員|${a.attendance.capacity}`] : []),
        ...(a.figures ?? []).map((f) => `${c.id}|figure|${f.label}|${f.value}`),
      ]),
    ]);
    expect(expected.length).toBeGreaterThan(0);
    const rows = parseCsv(text(paths.dataFile('model-project-figures.csv'))).data;
    expect(rows.map((r) => `${r['協議会ID']}|${r['数値の種類']}|${r['項目']}|${r['値']}`).sort()).toEqual(
      expected.sort(),
    );
    for (const r of rows.filter((x) => x['活動ID']))
      expect(r['ページURL']).toMatch(new RegExp(`#activity-${r['活動ID']}$`));
  });
});
