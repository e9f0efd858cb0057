/**
 * The corporate-number importer on fixture files written to the published
 * column specification (tests/fixtures/houjin/README.md): parsing, the name
 * filter, codes, and whole imports into a temporary copy of a content folder.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  HOUJIN_COLUMNS,
  HoujinFormatError,
  classify,
  fileDateFromName,
  lgCodeOf,
  readingFromFurigana,
  type HoujinRow,
} from '../../../src/lib/registry/houjin.ts';
import { RecordReader } from '../../../src/lib/registry/record-reader.ts';
import { registryRecordOf } from '../../../src/lib/registry/plan-fields.ts';
import { toRow } from '../../../src/lib/registry/record-rules.ts';
import { snapshot } from '../../helpers/registry.ts';
import { corporateNumberUrl, isValidCorporateNumber } from '../../../src/lib/model/corporate-number.ts';
import { isValidLgCode } from '../../../src/lib/places/lgcode.ts';
import { ImportCheckError, formatSummary, importHoujin } from '../../../scripts/lib/houjin-import.ts';
import { readContent } from '../../../src/content/files.ts';
import { validateEntries } from '../../../src/lib/check/validate.ts';

const TODAY = '2026-11-30';
const FIX = join(process.cwd(), 'tests/fixtures/houjin');
const fx = (name: string) => join(FIX, name);
const FULL = fx('13_tokyo_all_20261031.csv');
const DIFF = fx('diff_20261115.csv');
const SJIS = fx('diff_20261120_sjis.csv');
const ZIP = fx('13_tokyo_all_20261031.zip');
const BAD = fx('diff_20261121_malformed.csv');

/** Every record of a file's bytes (given whole or in chunks), as the importer reads them. */
function readRows(bytes: Uint8Array | string | Uint8Array[], input: string): HoujinRow[] {
  const rows: HoujinRow[] = [];
  const reader = new RecordReader({ input, today: TODAY, keep: () => true, onRow: (row) => rows.push(row) });
  const chunks = typeof bytes === 'string' ? [new TextEncoder().encode(bytes)] : Array.isArray(bytes) ? bytes : [bytes];
  for (const c of chunks) reader.push(c);
  reader.end();
  return rows;
}

describe('the file format', () => {
  test('the column list has the 30 items of the resource definition, 法人番号 second and フリガナ 29th', () => {
    expect(HOUJIN_COLUMNS).toHaveLength(30);
    expect(HOUJIN_COLUMNS[1]).toEqual(['corporateNumber', '法人番号']);
    expect(HOUJIN_COLUMNS[28]).toEqual(['furigana', 'フリガナ']);
  });

  test('parses a full file: one record per line, quoted commas kept, every number valid', () => {
    const rows = readRows(readFileSync(FULL), FULL);
    expect(rows).toHaveLength(readFileSync(FULL, 'utf8').trim().split(/\r?\n/).length);
    expect(rows.every((r) => isValidCorporateNumber(r.corporateNumber))).toBe(true);
    expect(rows.find((r) => r.kind === '301')?.name).toBe('株式会社架空商事, 東京');
    expect(rows[0]!.line).toBe(1);
  });

  test('records split across chunks anywhere (inside a character too), with quotes and CRLF, read the same', () => {
    const bytes = readFileSync(DIFF);
    const crlf = new TextEncoder().encode(readFileSync(DIFF, 'utf8').replace(/\r?\n/g, '\r\n'));
    const whole = readRows(bytes, 'd.csv').map(({ file: _, ...r }) => r);
    expect(whole).toHaveLength(3);
    for (const cut of [1, 17, 60, 61, 62, 200, bytes.length - 1]) {
      expect(readRows([bytes.subarray(0, cut), bytes.subarray(cut)], 'd.csv').map(({ file: _, ...r }) => r)).toEqual(
        whole,
      );
      expect(readRows([crlf.subarray(0, cut), crlf.subarray(cut)], 'd.csv').map(({ file: _, ...r }) => r)).toEqual(
        whole,
      );
    }
  });

  test('a malformed record names the file and the line', () => {
    const text = readFileSync(BAD);
    expect(() => readRows(text, 'bad.csv')).toThrow(HoujinFormatError);
    expect(() => readRows(text, 'bad.csv')).toThrow(/^bad\.csv 2行目: 項目数が 29 です/);
    const wrongDigit = readFileSync(DIFF, 'utf8').replace('9011005999001', '8011005999001');
    expect(() => readRows(wrongDigit, 'd.csv')).toThrow(/d\.csv 1行目: 法人番号（2列目）.*検査用数字/);
    const badDate = readFileSync(DIFF, 'utf8').replace('2026-11-10', '2026/11/10');
    expect(() => readRows(badDate, 'd.csv')).toThrow(/変更年月日（6列目）/);
  });

  test('the date of a file comes from its name', () => {
    expect(fileDateFromName('13_tokyo_all_20261031.zip')).toBe('2026-10-31');
    expect(fileDateFromName('/x/diff_20261115.csv')).toBe('2026-11-15');
    expect(fileDateFromName('tokyo.csv')).toBeUndefined();
  });
});

describe('which records are worker co-ops', () => {
  test.each([
    ['労働者協同組合みどりの架空', '399', { coop: true, legalForm: '労働者協同組合', kind: 'coop', tokutei: false }],
    ['架空ケア特定労働者協同組合', '399', { coop: true, legalForm: '特定労働者協同組合', kind: 'coop', tokutei: true }],
    ['特定労働者協同組合架空', '399', { coop: true, legalForm: '特定労働者協同組合', kind: 'coop', tokutei: true }],
    [
      '架空労働者協同組合連合会',
      '399',
      { coop: true, legalForm: '労働者協同組合連合会', kind: 'federation', tokutei: false },
    ],
  ])('%s (%s) is kept', (name, kind, expected) => {
    expect(classify({ name, kind })).toEqual(expected);
  });

  test.each([
    ['一般社団法人労働者協同組合研究会', '399', /一般社団法人/],
    ['労働者協同組合研究会', '499', /499/],
    ['株式会社労働者協同組合支援', '301', /301/],
    ['企業組合架空', '399', /企業組合/],
    ['架空の労働者協同組合を考える会', '399', /先頭にも末尾にも/],
  ])('%s (%s) is skipped', (name, kind, reason) => {
    const c = classify({ name, kind });
    expect(c.coop).toBe(false);
    if (!c.coop) expect(c.reason).toMatch(reason);
  });

  test('readings lose the legal-form words; nothing usable gives undefined', () => {
    expect(readingFromFurigana('ロウドウシャキョウドウクミアイミドリノカクウ')).toBe('ミドリノカクウ');
    expect(readingFromFurigana('カクウケアトクテイロウドウシャキョウドウクミアイ')).toBe('カクウケア');
    expect(readingFromFurigana('カクウロウドウシャキョウドウクミアイレンゴウカイ')).toBe('カクウ');
    expect(readingFromFurigana('ロウドウシャキョウドウクミアイ')).toBeUndefined();
    expect(readingFromFurigana('')).toBeUndefined();
  });

  test('address codes become 6-digit codes with their check digit', () => {
    expect(lgCodeOf({ prefectureCode: '13', cityCode: '104' })).toEqual({
      prefecture: '130001',
      municipality: '131041',
    });
    expect(lgCodeOf({ prefectureCode: '11', cityCode: '231' })).toEqual({
      prefecture: '110001',
      municipality: '112313',
    });
    expect(lgCodeOf({ prefectureCode: '99', cityCode: '' })).toEqual({});
    const { municipality } = lgCodeOf({ prefectureCode: '14', cityCode: '104' });
    expect(isValidLgCode(municipality!)).toBe(true);
  });
});

describe('importing into a content folder', () => {
  let dir: string;
  let content: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'houjin-'));
    content = join(dir, 'content');
    cpSync(join(process.cwd(), 'tests/fixtures/valid'), content, { recursive: true });
    cpSync(fx('content-extra'), content, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const run = (files: string[]) => importHoujin(files, { contentDir: content, today: TODAY, root: dir });
  const coop = (id: string) =>
    parseYaml(readFileSync(join(content, 'coops', `${id}.yaml`), 'utf8')) as Record<string, any>;
  const check = () => {
    const { entries, problems } = readContent(content, dir);
    return [...problems, ...validateEntries(entries, TODAY)];
  };

  test('a full file adds drafts for new co-ops, skips look-alikes, and refreshes the entry we have; a second run writes nothing', async () => {
    const first = await run([FULL]);
    const s = first.plan.summary;
    expect(s.added.map((i) => i.id).sort()).toEqual([
      'houjin-4020005999007',
      'houjin-9010105999002',
      'houjin-9011005999001',
    ]);
    expect(s.skipped.map((i) => i.name).sort()).toEqual(['一般社団法人労働者協同組合研究会', '労働者協同組合研究会']);
    expect(s.changed.map((i) => i.id)).toEqual(['kakuu-kigyo']);

    const a = coop('houjin-9011005999001');
    expect(a).toMatchObject({
      name: '労働者協同組合みどりの架空',
      reading: 'ミドリノカクウ',
      kind: 'coop',
      legalForm: '労働者協同組合',
      prefecture: '130001',
      municipality: '131016',
      address: '東京都千代田区霞が関９丁目９－９',
      postalCode: '100-0013',
      registered: '2023-04-10',
      corporateNumber: '9011005999001',
      registryOnly: true,
      registry: {
        name: '労働者協同組合みどりの架空',
        assigned: '2023-04-10',
        municipality: '131016',
        asOf: '2026-10-31',
      },
    });
    expect(a.sources).toEqual([
      expect.objectContaining({
        url: corporateNumberUrl('9011005999001'),
        asOf: '2026-10-31',
        publisher: '国税庁',
        note: expect.stringMatching(
          /^国税庁法人番号公表サイト（国税庁）（https:\/\/www\.houjin-bangou\.nta\.go\.jp\/download\/）.*を加工して作成（公共データ利用規約（第1\.0版））$/,
        ),
      }),
    ]);
    expect(coop('houjin-9010105999002')).toMatchObject({
      legalForm: '特定労働者協同組合',
      tokutei: true,
      reading: 'カクウケア',
      municipality: '132012',
    });
    expect(coop('houjin-4020005999007')).toMatchObject({
      kind: 'federation',
      legalForm: '労働者協同組合連合会',
      municipality: '141046',
      prefecture: '140007',
    });

    // The hand-researched entry keeps its own fields; only the registry block and its source are added.
    const k = coop('kakuu-kigyo');
    expect(k).toMatchObject({
      name: '企業組合架空',
      legalForm: '企業組合',
      address: '東京都新宿区西新宿（団体のサイトの表記）',
      summary: 'テスト用の架空の団体です。',
    });
    expect(k.registry).toMatchObject({ name: '企業組合架空', assigned: '2015-10-05' });
    expect(k.sources).toHaveLength(2);
    expect(readFileSync(join(content, 'coops/kakuu-kigyo.yaml'), 'utf8')).toMatch(/^# A hand-researched entry/);

    // Public bodies the drafts refer to come from the official code list: no file is written for them.
    for (const code of ['131016', '132012', '140007', '141046', '141003'])
      expect(existsSync(join(content, 'municipalities', `${code}.yaml`)), code).toBe(false);
    expect(check()).toEqual([]);

    const before = snapshot(content);
    const second = await run([FULL]);
    expect(second.written).toEqual([]);
    expect(second.plan.writes).toEqual([]);
    expect(second.plan.summary.unchanged).toHaveLength(4);
    expect(snapshot(content)).toEqual(before);
  });

  test('a change file: a move, a 組織変更 and a closure; then idempotent', async () => {
    await run([FULL]);
    const result = await run([DIFF]);
    const s = result.plan.summary;
    expect(s.closed.map((i) => i.id)).toEqual(['houjin-9010105999002']);
    expect(s.changed.map((i) => i.id).sort()).toEqual(['houjin-9011005999001', 'kakuu-kigyo']);

    // The draft follows the registry to its new address.
    const a = coop('houjin-9011005999001');
    expect(a).toMatchObject({
      municipality: '131041',
      address: '東京都新宿区西新宿９丁目９番８号',
      registered: '2023-04-10',
    });
    expect(a.registry).toMatchObject({ changed: '2026-11-10', asOf: '2026-11-15' });
    expect(a.sources[0].asOf).toBe('2026-11-15');
    expect(s.changed.find((i) => i.id === 'houjin-9011005999001')?.detail).toMatch(
      /所在地: 東京都千代田区.* → 東京都新宿区/,
    );

    // 組織変更: the hand-researched 企業組合 gets the conversion date and former name, its own name stays for an editor to change.
    const k = coop('kakuu-kigyo');
    expect(k).toMatchObject({
      name: '企業組合架空',
      legalForm: '企業組合',
      converted: '2026-11-01',
      convertedFrom: '企業組合架空',
      origin: 'converted-kigyo',
    });
    expect(k.registry.name).toBe('労働者協同組合架空');
    expect(s.changed.find((i) => i.id === 'kakuu-kigyo')?.detail).toMatch(
      /組織変更: 企業組合架空 → 労働者協同組合架空/,
    );

    // Closure: marked dissolved with date and cause; the page stays.
    const b = coop('houjin-9010105999002');
    expect(b.dissolved).toEqual({ date: '2026-11-12', cause: '清算の結了等' });
    expect(b.registry).toMatchObject({ closed: '2026-11-12', closeCause: '01' });
    expect(check()).toEqual([]);

    const before = snapshot(content);
    const again = await run([DIFF]);
    expect(again.written).toEqual([]);
    expect(snapshot(content)).toEqual(before);
    // Older and newer files together: the newest record wins whatever the order on the command line.
    const both = await run([DIFF, FULL]);
    expect(both.written).toEqual([]);
  });

  test('a zip gives the same result as the plain file', async () => {
    const fromZip = await run([ZIP]);
    expect(fromZip.files.map((f) => [f.name.replace(/^.*\//, ''), f.fileDate, f.encoding])).toEqual([
      ['13_tokyo_all_20261031.zip:13_tokyo_all_20261031.csv', '2026-10-31', 'utf-8'],
    ]);
    const zipped = snapshot(content);
    rmSync(content, { recursive: true });
    cpSync(join(process.cwd(), 'tests/fixtures/valid'), content, { recursive: true });
    cpSync(fx('content-extra'), content, { recursive: true });
    await run([FULL]);
    expect(snapshot(content)).toEqual(zipped);
  });

  test('the Shift_JIS edition is decoded and said so', async () => {
    const result = await run([SJIS]);
    expect(result.files[0]!.encoding).toBe('shift_jis');
    expect(coop('houjin-2011005999008')).toMatchObject({
      name: '労働者協同組合あおぞら架空',
      reading: 'アオゾラカクウ',
      municipality: '112313',
      registered: '2026-11-18',
    });
    expect(formatSummary(result).join('\n')).toMatch(/Shift_JIS 版/);
    expect(check()).toEqual([]);
  });

  test('a malformed row stops the import before anything is written, even when other files are fine', async () => {
    const before = snapshot(content);
    await expect(run([FULL, BAD])).rejects.toThrow(/diff_20261121_malformed\.csv 2行目: 項目数が 29 です/);
    expect(snapshot(content)).toEqual(before);
  });

  test('a result the data check refuses is not written', async () => {
    // A hand entry already uses a draft's id with another number: the planner reports it; a bad existing entry blocks everything.
    writeFileSync(
      join(content, 'coops', 'broken.yaml'),
      'name: 壊れた\nreading: こわれた\nkind: coop\nlegalForm: 労働者協同組合\ncategories: [fukushi]\nsources: []\n',
    );
    const before = snapshot(content);
    await expect(run([FULL])).rejects.toThrow(ImportCheckError);
    expect(snapshot(content)).toEqual(before);
  });

  test('the summary lists every group', async () => {
    const lines = formatSummary(await run([FULL]));
    expect(lines).toContain('追加（登記情報のみの下書き）: 3');
    expect(lines).toContain('対象外・保留: 2');
    expect(lines.some((l) => l.includes('一般社団法人労働者協同組合研究会') && l.includes('一般社団法人'))).toBe(true);
  });
});

test('registryRecordOf keeps a registered English name (商号又は名称（英語表記）) as nameEn', () => {
  // The first record of a fixture file (no quoted field), with and without an English name.
  const line = readFileSync('tests/fixtures/houjin/diff_20261115.csv', 'utf8').split(/\r?\n/)[0]!.split(',');
  const at = HOUJIN_COLUMNS.findIndex(([k]) => k === 'enName');
  const withName = line.map((v, i) => (i === at ? 'Midorino Kakuu Workers Co-operative' : v));
  expect(registryRecordOf(toRow(withName, 'diff.csv', 1), '2026-11-15')).toMatchObject({
    name: '労働者協同組合みどりの架空',
    nameEn: 'Midorino Kakuu Workers Co-operative',
  });
  const without = line.map((v, i) => (i === at ? '' : v));
  expect(registryRecordOf(toRow(without, 'diff.csv', 1), '2026-11-15')).not.toHaveProperty('nameEn');
});
