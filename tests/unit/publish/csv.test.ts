/** The CSV writer: Excel's conventions (BOM, CRLF) and RFC 4180 quoting, checked by reading back with papaparse. */
import { describe, expect, test } from 'vitest';
import Papa from 'papaparse';
import { BOM, csvField, joinMulti, joinUrls, toCsv } from '../../../src/lib/publish/csv.ts';

describe('csvField', () => {
  test('plain text, numbers and booleans stay bare; empty values become empty fields', () => {
    expect(csvField('労働者協同組合')).toBe('労働者協同組合');
    expect(csvField(35.5)).toBe('35.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
  });
  test('commas, quotes, line breaks and edge spaces are quoted, quotes doubled', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('「A」"B"')).toBe('"「A」""B"""');
    expect(csvField('1行目\n2行目')).toBe('"1行目\n2行目"');
    expect(csvField(' x')).toBe('" x"');
  });
});

describe('toCsv', () => {
  const header = ['名称', '注記', '数'];
  const rows = [
    ['テスト組合, 第一', '引用 "A" と\r\n改行', 3],
    ['二つ目', undefined, 0],
  ];
  const csv = toCsv(header, rows);
  test('starts with a BOM, ends every record with CRLF', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(toCsv(header, rows, { bom: false }).startsWith(BOM)).toBe(false);
  });
  test('papaparse reads back exactly what was written', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([header, ['テスト組合, 第一', '引用 "A" と\r\n改行', '3'], ['二つ目', '', '0']]);
  });
  test('a row of the wrong width is an error', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 fields/);
  });
});

describe('multi-valued fields', () => {
  test('values are joined with | and a | inside a value cannot split it', () => {
    expect(joinMulti(['福祉', '子育て'])).toBe('福祉|子育て');
    expect(joinMulti(['A|B', 'C']).split('|')).toEqual(['A｜B', 'C']);
    expect(joinMulti(undefined)).toBe('');
    expect(joinMulti(['', undefined, 'x'])).toBe('x');
  });
  test('URLs keep their meaning: a | is percent-encoded', () => {
    expect(joinUrls(['https://example.com/a|b', 'https://example.com/c'])).toBe(
      'https://example.com/a%7Cb|https://example.com/c',
    );
  });
});

describe('formula injection (OWASP CSV Injection)', () => {
  test.each(['=HYPERLINK("http://x","y")', '+1+cmd|/C calc', '-2+3', '@SUM(A1)', '\tx', '\rx', '＝1+1', '－1'])(
    'a text cell starting %j is quoted behind an apostrophe',
    (value) => {
      const field = csvField(value);
      expect(field.startsWith(`"'`)).toBe(true);
      const rows = Papa.parse<string[]>(toCsv(['a'], [[value]], { bom: false }), {
        newline: '\r\n',
        skipEmptyLines: true,
      }).data;
      expect(rows[1]?.[0]).toBe(`'${value}`);
    },
  );
  test('numbers, including negative ones, stay numbers; text that only contains the characters is untouched', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('048-123-4567')).toBe('048-123-4567');
  });
});
