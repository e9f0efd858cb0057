/** Citation text (APA, BibTeX), licence lines, and the repository's CITATION.cff against the CFF 1.2.0 schema. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  apaCitation,
  apaDate,
  bibtexCitation,
  dayInJapan,
  licenceLines,
  pageDate,
} from '../../../src/lib/publish/citation.ts';
import { parseChanges } from '../../../src/content/changes.ts';
import { EDITORS } from '../../../src/lib/publish/datapackage.ts';

const root = join(import.meta.dirname, '../../..');

describe('APA and BibTeX', () => {
  test('APA dates keep the precision they have', () => {
    expect(apaDate('2026-11-22')).toBe('(2026, November 22)');
    expect(apaDate('2025-04')).toBe('(2025, April)');
    expect(apaDate('2024')).toBe('(2024)');
    expect(apaDate(undefined)).toBe('(n.d.)');
  });
  const input = {
    title: '例の組合 {100%}',
    url: '/sub/coops/x/',
    published: '2026-11-30',
    asOf: '2017-04-01',
    accessed: '2026-12-04',
    key: 'coops/x/',
  };
  test('APA: group author, the page’s date, title with 情報の時点 as a note, site, retrieval date and URL', () => {
    expect(apaCitation(input)).toBe(
      `${EDITORS}. (2026, November 30). 例の組合 {100%} [情報の時点 2017-04-01]. 労協アトラス (Roukyou Atlas). Retrieved December 4, 2026, from /sub/coops/x/`,
    );
    expect(apaCitation({ ...input, asOf: undefined })).toContain('. 例の組合 {100%}. ');
  });
  test('BibTeX: a safe key, braces and % escaped, the page’s year, month and date, url and urldate', () => {
    const b = bibtexCitation(input);
    expect(b.startsWith('@misc{roukyou-atlas-coops-x,')).toBe(true);
    expect(b).toContain('title = {{例の組合 \\{100\\%\\}}}');
    expect(b).toContain('year = {2026}');
    expect(b).toContain('month = nov');
    expect(b).toContain('date = {2026-11-30}');
    expect(b).toContain('url = {/sub/coops/x/}');
    expect(b).toContain('urldate = {2026-12-04}');
    expect(b).toContain('note = {情報の時点 2017-04-01. CC BY 4.0}');
    expect(b).not.toContain('year = {2017}');
    expect(b.split('{').length).toBe(b.split('}').length);
  });
  test('the page’s date: the newest change of its files, else the build’s day; days are Japan’s', () => {
    expect(pageDate(['2026-11-01', undefined, '2026-11-22'], '2026-12-04')).toBe('2026-11-22');
    expect(pageDate([undefined], '2026-12-04')).toBe('2026-12-04');
    expect(dayInJapan('2026-11-30T16:00:00Z')).toBe('2026-12-01');
    expect(dayInJapan('2026-12-04T00:00:00+09:00')).toBe('2026-12-04');
    expect(() => dayInJapan('soon')).toThrow(/not a date-time/);
  });
  test('git log read into each content file’s newest change, keyed by folder and id', () => {
    const log = [
      '',
      '2026-12-01T10:00:00+09:00\n\ncontent/coops/a.yaml\ncontent/guides/g.mdx\n',
      '2026-11-01T10:00:00+09:00\n\ncontent/coops/a.yaml\ncontent/coops/b.yaml\nsrc/x.ts\n',
    ].join('\0');
    expect(Object.fromEntries(parseChanges(log, 'content'))).toEqual({
      'coops/a': '2026-12-01',
      'guides/g': '2026-12-01',
      'coops/b': '2026-11-01',
    });
  });
  test('licence lines: CC BY always, ODbL and the code list only when asked', () => {
    expect(
      licenceLines()
        .map((l) => l.licence)
        .join(),
    ).toContain('CC BY 4.0');
    expect(licenceLines().some((l) => l.licence.includes('ODbL'))).toBe(false);
    expect(
      licenceLines({ osmPoint: true, codeList: true })
        .map((l) => l.licence)
        .join(),
    ).toMatch(/ODbL[\s\S]*全国地方公共団体コード/);
    expect(
      licenceLines({ registry: { asOf: '2026-10-31' } })
        .map((l) => l.licence)
        .join(),
    ).toMatch(/公共データ利用規約（第1\.0版）[\s\S]*2026-10-31作成/);
  });
});

describe('licence lines in English', () => {
  const all = { osmPoint: true, codeList: true, registry: { asOf: '2026-10-31' } };
  test('the same parts as the Japanese lines, in the same order, with the same links', () => {
    for (const opts of [{}, { osmPoint: true }, { registry: {} }, all]) {
      const ja = licenceLines(opts);
      const en = licenceLines(opts, 'en');
      expect(en.length).toBe(ja.length);
      expect(en.map((l) => l.url?.replace(/deed\.ja$/, ''))).toEqual(ja.map((l) => l.url?.replace(/deed\.ja$/, '')));
    }
  });
  test('English text has no Japanese outside the lines marked ja', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef]/;
    for (const l of licenceLines(all, 'en')) {
      expect(l.part).not.toMatch(japanese);
      expect(l.licence).not.toMatch(japanese);
    }
    expect(licenceLines(all, 'en').find((l) => l.ja?.includes('2026-10-31'))).toBeDefined();
  });
});

describe('CITATION.cff', () => {
  const cff = parse(readFileSync(join(root, 'CITATION.cff'), 'utf8'));
  test('is valid Citation File Format 1.2.0 (the official schema, vendored)', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'tests/fixtures/cff/schema-1.2.0.json'), 'utf8')));
    expect(validate(cff), ajv.errorsText(validate.errors)).toBe(true);
  });
  test('a dataset by the editors as an entity, under CC BY 4.0, with no invented repository URL', () => {
    expect(cff.type).toBe('dataset');
    expect(cff.authors).toEqual([{ name: EDITORS }]);
    expect(cff.license).toBe('CC-BY-4.0');
    expect(cff['repository-code']).toBeUndefined();
  });
});
