/** The search index's encoding and n-grams (src/search/tokens.ts): round trips, prefix-free codes, query pieces. */
import { describe, expect, test } from 'vitest';
import { decodeText, encodeChar, encodeText, grams, queryPieces, GRAM } from '../../../src/search/tokens.ts';
import { termsOf } from '../../../src/search/fields.ts';
import { termsFor, queryWords } from '../../../src/search/query.ts';
import { normalizeForSearch } from '../../../src/lib/model/normal-form.ts';

describe('encoding', () => {
  test('round-trips kana, kanji, Latin, digits and characters outside the BMP', () => {
    for (const s of ['きふくと', '大和市', 'tng440', '𠮷野家', 'ゔ']) expect(decodeText(encodeText(s))).toBe(s);
  });
  test('codes are lower-case base-36 words: nothing a segmenter would split', () => {
    expect(encodeText('労働者協同組合わかずこぷ')).toMatch(/^[0-9a-z]+$/);
  });
  test('prefix-free: a prefix of the text is exactly a prefix of the code', () => {
    const chars = ['a', 'ん', '造', '\u{20bb7}', '\u{b130}'];
    for (const a of chars)
      for (const b of chars) if (a !== b) expect(encodeChar(a).startsWith(encodeChar(b))).toBe(false);
    expect(encodeText('大和市役所').startsWith(encodeText('大和市'))).toBe(true);
  });
});

describe('n-grams and query pieces', () => {
  test('one n-gram per position, shorter at the end', () => {
    expect(grams('きふくと', 3)).toEqual(['きふく', 'ふくと', 'くと', 'と']);
  });
  test('a short query is one piece; a long one its first and last n-grams', () => {
    expect(queryPieces('造園', 4)).toEqual(['造園']);
    expect(queryPieces('自立相談支援', 4)).toEqual(['自立相談', '相談支援']);
    expect(queryPieces('労働者協同組合', 4)).toEqual(['労働者協', '協同組合']);
    expect(queryPieces('低所得高齢者住まい確保', 4)).toEqual(['低所得高', 'まい確保']);
    expect(queryPieces('', 4)).toEqual([]);
  });
  test('every query piece of a substring is a prefix of an indexed n-gram of the text (so Pagefind finds it)', () => {
    const text = normalizeForSearch('労働者協同組合ワーカーズコープ・センター事業団神奈川事業本部');
    const indexed = termsOf([text]);
    const chars = [...text];
    for (let i = 0; i < chars.length; i++) {
      for (let j = i + 1; j <= chars.length; j++) {
        const sub = chars.slice(i, j).join('');
        for (const piece of queryPieces(sub, GRAM))
          expect(
            indexed.some((t) => t.startsWith(encodeText(piece))),
            sub,
          ).toBe(true);
      }
    }
  });
  test('the query string is the encoded pieces of every word, each once', () => {
    const words = queryWords('大和市 造園 造園');
    expect(words).toEqual(['大和市', '造園']);
    expect(termsFor(words).split(' ').map(decodeText)).toEqual(['大和市', '造園']);
  });
});
