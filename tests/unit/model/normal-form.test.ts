/** The normal form of search text (src/lib/model/normal-form.ts): width and kana variants, short forms, legal forms split off. */
import { describe, expect, test } from 'vitest';
import {
  expandAliases,
  foldCharacters,
  normalizeForSearch,
  splitSeparable,
  stripToLetters,
} from '../../../src/lib/model/normal-form.ts';

describe('normalizeForSearch: the variants people type meet the page text', () => {
  test.each([
    ['ワーカーズ・コープ', 'ワーカーズコープ'],
    ['ワーカーズ　コープ', 'ワーカーズコープ'],
    ['ﾜｰｶｰｽﾞｺｰﾌﾟ', 'ワーカーズコープ'],
    ['わーかーずこーぷ', 'ワーカーズコープ'],
    ['ワ－カ－ズコ－プ', 'ワーカーズコープ'], // full-width hyphen-minus for the long-vowel mark
    ['ＴＮＧ', 'tng'],
    ['Tng', 'TNG'],
    ['所沢１０２工房', '所沢102工房'],
    ['キャリア', 'キヤリア'], // small kana: readings in the official code list are written full-size
    ['髙島', '高島'],
    ['労働者協同組合「あるく」', '労働者協同組合あるく'],
    ['食・農・環境', '食農環境'],
  ])('%s ≡ %s', (a, b) => {
    expect(normalizeForSearch(a)).toBe(normalizeForSearch(b));
  });

  test('kanji, digits and letters survive; katakana becomes hiragana', () => {
    expect(normalizeForSearch('キフクト')).toBe('きふくと');
    expect(normalizeForSearch('大和市')).toBe('大和市');
    expect(normalizeForSearch('440Hz')).toBe('440hz');
    expect(normalizeForSearch('佐々木')).toBe('佐々木'); // 々 is a letter
  });

  test('nothing searchable is left of punctuation alone', () => {
    expect(normalizeForSearch('・「」（）、。!?')).toBe('');
  });
});

describe('short forms', () => {
  test('労協 and 労働者協同組合 normalise alike, on the page and in the query', () => {
    expect(normalizeForSearch('キフクト労協')).toBe(normalizeForSearch('キフクト労働者協同組合'));
    expect(normalizeForSearch('三重県労協活用促進地域連携協議会')).toBe(
      normalizeForSearch('三重県労働者協同組合活用促進地域連携協議会'),
    );
  });
  test('ワーコレ, 厚労省', () => {
    expect(normalizeForSearch('ワーコレ')).toBe(normalizeForSearch('ワーカーズ・コレクティブ'));
    expect(normalizeForSearch('厚労省')).toBe(normalizeForSearch('厚生労働省'));
  });
  test('a long form is not expanded again', () => {
    const once = expandAliases(stripToLetters(foldCharacters('労働者協同組合')));
    expect(expandAliases(once)).toBe(once);
  });
});

describe('splitSeparable', () => {
  test('legal forms become words of their own, in any position', () => {
    expect(splitSeparable(normalizeForSearch('キフクト労働者協同組合'))).toEqual(['きふくと', '労働者協同組合']);
    expect(splitSeparable(normalizeForSearch('労働者協同組合キフクト'))).toEqual(['労働者協同組合', 'きふくと']);
    expect(splitSeparable(normalizeForSearch('NPO法人ABC'))).toEqual(['npo法人', 'abc']);
  });
  test('the longest legal form wins (特定労働者協同組合 is not cut into 特定 + 労働者協同組合)', () => {
    expect(splitSeparable(normalizeForSearch('特定労働者協同組合ちば'))).toEqual([
      normalizeForSearch('特定労働者協同組合'),
      'ちば',
    ]);
  });
  test('a word that is only a legal form, or empty, stays as it is', () => {
    expect(splitSeparable(normalizeForSearch('労働者協同組合'))).toEqual(['労働者協同組合']);
    expect(splitSeparable('')).toEqual([]);
  });
});
