/** Row builders of the downloads, on the valid fixture: one row per entity, documented columns, reproducible dates. */
import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { loadContentDirectory } from '../../helpers/content.ts';
import {
  DATASETS,
  DATASET_NAMES,
  modelProjectFigures,
  bodyContractsCsv,
  datasetCsv,
  datasetJson,
  exportDates,
  makeLookup,
  sourceText,
} from '../../../src/lib/publish/datasets/index.ts';
import { newestDay } from '../../../src/lib/model/as-of.ts';
import { BOM } from '../../../src/lib/publish/csv.ts';
import { earliestDay } from '../../../src/lib/model/dates.ts';
import type { Source } from '../../../src/lib/model/types.ts';

const dir = loadContentDirectory('tests/fixtures/valid');
const l = makeLookup(dir, (p) => `https://example.test/${p}`);
const parse = (csv: string) =>
  Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
const counts = {
  coops: dir.coops.length,
  contracts: dir.contracts.length,
  municipalities: dir.bodies.length,
  categories: dir.categories.length,
  'national-counts': dir.nationalCounts.length,
  'model-project-figures': modelProjectFigures(dir).length,
};

describe('every dataset', () => {
  test.each(DATASET_NAMES)('%s: one CSV row and one JSON record per entity, with every documented column', (name) => {
    const ds = DATASETS[name];
    const csv = datasetCsv(ds, l);
    expect(csv.startsWith(BOM)).toBe(true);
    const parsed = parse(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(counts[name]);
    expect(parsed.meta.fields).toEqual(ds.fields.filter((f) => f.header).map((f) => f.header));
    const json = JSON.parse(datasetJson(ds, l, exportDates(dir)));
    expect(json.count).toBe(counts[name]);
    expect(json.items).toHaveLength(counts[name]);
    expect(Object.keys(json.items[0]).sort()).toEqual(
      ds.fields
        .filter((f) => f.inJson)
        .map((f) => f.key)
        .sort(),
    );
  });
  test('headers and JSON keys are unique within a dataset, and every field is described', () => {
    for (const ds of Object.values(DATASETS)) {
      const headers = ds.fields.flatMap((f) => (f.header ? [f.header] : []));
      expect(new Set(headers).size).toBe(headers.length);
      const keys = ds.fields.filter((f) => f.inJson).map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of ds.fields) expect(f.description.length).toBeGreaterThan(1);
    }
  });
});

describe('values', () => {
  test('a co-op row resolves names, lists categories and credits its sources', () => {
    const row = parse(datasetCsv(DATASETS.coops, l)).data.find((r) => r['ID'] === 'alpha')!;
    expect(row['都道府県']).toBe('東京都');
    expect(row['市区町村']).toBe('新宿区');
    expect(row['分野']).toBe('福祉');
    expect(row['位置の精度']).toBe('municipality');
    expect(row['受託件数']).toBe('1');
    expect(row['ページURL']).toBe('https://example.test/coops/alpha/');
    expect(row['出典']).toContain('テスト資料');
  });
  test('法人番号, its page, the dates that mean one thing, the status and the registry credit', () => {
    const registry = { name: dir.coops[0]!.name, asOf: '2026-10-31', assigned: '2023-04-10' };
    const more = {
      ...dir,
      coops: dir.coops.map((c) =>
        c.id === 'alpha'
          ? {
              ...c,
              corporateNumber: '7000012050002',
              registered: '2023-04-10',
              registry,
              dissolved: { date: '2026-01-31', cause: '清算の結了等' },
            }
          : c,
      ),
    };
    const lk = makeLookup(more, (p) => `https://example.test/${p}`);
    const row = parse(datasetCsv(DATASETS.coops, lk)).data.find((r) => r['ID'] === 'alpha')!;
    expect(row['法人番号']).toBe('7000012050002');
    expect(row['法人番号のページ']).toBe(
      'https://www.houjin-bangou.nta.go.jp/henkorireki-johoto.html?selHouzinNo=7000012050002',
    );
    expect(row['設立の登記']).toBe('2023-04-10');
    expect(row['状態']).toBe('dissolved');
    expect(row['解散日']).toBe('2026-01-31');
    expect(row['登記情報の出典表記']).toMatch(
      /^国税庁法人番号公表サイト（国税庁）.*2026-10-31作成.*を加工して作成（公共データ利用規約（第1\.0版））$/,
    );
    const record = (
      JSON.parse(datasetJson(DATASETS.coops, lk, exportDates(more))).items as Array<Record<string, unknown>>
    ).find((r) => r.id === 'alpha')!;
    expect(record).toMatchObject({
      corporateNumber: '7000012050002',
      registered: '2023-04-10',
      status: 'dissolved',
      registryOnly: false,
      registry,
    });
    const other = parse(datasetCsv(DATASETS.coops, lk)).data.find((r) => r['ID'] !== 'alpha')!;
    expect(other['法人番号']).toBe('');
    expect(other['状態']).toBe('active');
  });
  test('a contract row carries its fiscal year in 西暦 and 和暦', () => {
    const row = parse(datasetCsv(DATASETS.contracts, l)).data[0]!;
    expect(row['委託元']).toBe('新宿区');
    expect(row['年度']).toBe('2023');
    expect(row['年度（和暦）']).toBe('令和5年度');
  });
  test('a public body gets only its own contracts; one with none gets the header alone', () => {
    expect(parse(bodyContractsCsv('131041', l)).data).toHaveLength(1);
    const empty = bodyContractsCsv('mhlw', l);
    expect(parse(empty).data).toHaveLength(0);
    expect(empty.split('\r\n').filter(Boolean)).toHaveLength(1);
  });
  test('JSON lists stay arrays and unknown values are null', () => {
    const json = JSON.parse(datasetJson(DATASETS.coops, l, exportDates(dir)));
    const site = json.items.find((i: { id: string }) => i.id === 'alpha-site');
    expect(site.categoryIds).toEqual(['kosodate']);
    expect(site.address).toBeNull();
    expect(site.sources[0].title).toBe('テスト資料');
  });
  test('source text names title, document and dates', () => {
    expect(
      sourceText({ title: 'T', publisher: 'P', url: 'https://example.test/', asOf: '2024-01', seen: '2024-02-01' }),
    ).toBe('T（P） https://example.test/ 2024-01現在、2024-02-01確認');
    expect(sourceText({ title: 'T', document: '配布資料', published: '2024' })).toBe('T［資料: 配布資料］ 2024発行');
  });
});

describe('reproducible dates', () => {
  test('the newest source date, counting a month or year as its first day', () => {
    expect(
      newestDay([
        { title: 'a', document: 'd', asOf: '2024-01-01' },
        { title: 'b', document: 'd', seen: '2024-03' },
      ]),
    ).toBe('2024-03-01');
    expect(newestDay([])).toBeUndefined();
  });
  test('generatedAt comes from the content, or from SOURCE_DATE_EPOCH, never the clock', () => {
    const { generatedAt, dataAsOf } = exportDates(dir);
    // dataAsOf is a source date of the fixture, and no source date is newer.
    const all = Object.values(dir).flat() as Array<{ sources?: Source[] }>;
    const days = all
      .flatMap((e) => e.sources ?? [])
      .flatMap((s) => [s.asOf, s.published, s.seen])
      .concat(
        dir.guides.map((g) => g.updated),
        (dir.nationalCounts ?? []).map((n) => n.asOf),
      )
      .filter((d): d is string => !!d)
      .map(earliestDay);
    expect(days).toContain(dataAsOf);
    for (const d of days) expect(d <= dataAsOf!).toBe(true);
    expect(generatedAt).toBe(`${dataAsOf}T00:00:00+09:00`);
    expect(exportDates(dir, '1700000000').generatedAt).toBe('2023-11-14T22:13:20Z');
    expect(exportDates(dir, 'soon').generatedAt).toBe(generatedAt);
  });
  test('two serialisations are byte-identical', () => {
    const a = DATASET_NAMES.map((n) => datasetCsv(DATASETS[n], l) + datasetJson(DATASETS[n], l, exportDates(dir))).join(
      '',
    );
    const b = DATASET_NAMES.map(
      (n) =>
        datasetCsv(
          DATASETS[n],
          makeLookup(loadContentDirectory('tests/fixtures/valid'), (p) => `https://example.test/${p}`),
        ) + datasetJson(DATASETS[n], l, exportDates(dir)),
    ).join('');
    expect(a).toBe(b);
  });
});
