/** Search queries (src/search/query.ts): words from what people type, and the plan sent to Pagefind. */
import { describe, expect, test } from 'vitest';
import { planQuery, queryWords, segmentedWords, telling } from '../../../src/search/query.ts';
import { decodeText } from '../../../src/search/tokens.ts';

const decoded = (terms: string) => terms.split(' ').filter(Boolean).map(decodeText);

describe('queryWords', () => {
  test('spaces, ideographic spaces and commas separate words; 中黒 does not', () => {
    expect(queryWords('大和市　造園、ワーカーズ・コープ')).toEqual(['大和市', '造園', 'わかずこぷ']);
  });
  test('short forms are expanded and legal forms cut out', () => {
    expect(queryWords('キフクト労協')).toEqual(['きふくと', '労働者協同組合']);
  });
  test('width and kana variants give the same words', () => {
    expect(queryWords('ｷﾌｸﾄ')).toEqual(queryWords('きふくと'));
    expect(queryWords('ＴＮＧ')).toEqual(queryWords('tng'));
  });
  test('an empty or punctuation-only query has no words', () => {
    expect(queryWords('  ・ 。')).toEqual([]);
    expect(planQuery('').terms).toBe('');
  });
});

describe('planQuery', () => {
  test('legal forms beside a telling word are not sent to Pagefind (they are on every page), but stay words', () => {
    const plan = planQuery('キフクト労協');
    expect(plan.words).toEqual(['きふくと', '労働者協同組合']);
    expect(decoded(plan.terms)).toEqual(['きふくと']);
    expect(telling(['労働者協同組合'])).toEqual(['労働者協同組合']);
  });
  test('long words become overlapping pieces', () => {
    expect(decoded(planQuery('自立相談支援').terms)).toEqual(['自立相談', '相談支援']);
  });
  test('a looser search cuts kanji compounds with Intl.Segmenter, for when the exact one finds nothing', () => {
    const plan = planQuery('大和市造園');
    expect(plan.words).toEqual(['大和市造園']);
    expect(plan.relaxedWords).toContain('造園');
    expect(plan.relaxedWords!.join('')).toBe('大和市造園');
  });
  test('kana-only words are not cut (the segmenter splits names arbitrarily), so there is no looser search', () => {
    expect(planQuery('キフクト').relaxed).toBeUndefined();
    expect(segmentedWords('きふくと')).toEqual(['きふくと']);
  });
});
