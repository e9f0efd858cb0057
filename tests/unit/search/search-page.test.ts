/** The search page's pure parts: URL state, excerpts, the name tie-breaker and the facets pages declare. */
import { describe, expect, test } from 'vitest';
import { hasFilters, pagefindFilters, readState, toggleFilter, writeState } from '../../../src/search/url.ts';
import { excerpt, matchRanges } from '../../../src/search/excerpt.ts';
import { hubMatches, nameMatchRank, rerank, resultNames, resultTier } from '../../../src/search/rank.ts';
import { separateLabels } from '../../../src/search/build/extract.ts';
import { bodyFacets, coopFacets, facetTags, isIndexedKind, kindLabel } from '../../../src/search/facets.ts';
import { queryWords } from '../../../src/search/query.ts';
import type { Body, Category, Coop } from '../../../src/lib/model/types.ts';

describe('URL state', () => {
  test('reads q and repeated filters, ignores the rest, and writes them back in a fixed order', () => {
    const state = readState(
      new URLSearchParams(
        '?prefecture=神奈川県&q=+造園+&x=1&kind=組合&prefecture=埼玉県&prefecture=神奈川県&category=',
      ),
    );
    expect(state).toEqual({ q: '造園', filters: { prefecture: ['神奈川県', '埼玉県'], kind: ['組合'] } });
    expect(writeState(state)).toBe(
      `?${new URLSearchParams([
        ['q', '造園'],
        ['kind', '組合'],
        ['prefecture', '神奈川県'],
        ['prefecture', '埼玉県'],
      ])}`,
    );
    expect(writeState({ q: ' ', filters: {} })).toBe('');
  });
  test('Pagefind filters: values of one filter are alternatives; a filter can be left out for its own counts', () => {
    const filters = { kind: ['組合'], prefecture: ['神奈川県', '埼玉県'] };
    expect(pagefindFilters(filters)).toEqual({ kind: { any: ['組合'] }, prefecture: { any: ['神奈川県', '埼玉県'] } });
    expect(pagefindFilters(filters, 'prefecture')).toEqual({ kind: { any: ['組合'] } });
  });
  test('toggling a filter value', () => {
    const s = toggleFilter({ q: 'a', filters: {} }, 'category', '造園', true);
    expect(s.filters.category).toEqual(['造園']);
    expect(hasFilters(s)).toBe(true);
    expect(hasFilters(toggleFilter(s, 'category', '造園', false))).toBe(false);
  });
});

describe('excerpt', () => {
  test('marks matches found in the normal form, in the original spelling', () => {
    const parts = excerpt('横浜市のワーカーズ・コープです。', queryWords('わーかーずこーぷ'));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['ワーカーズ・コープ']);
    expect(parts.map((p) => p.text).join('')).toBe('横浜市のワーカーズ・コープです。');
  });
  test('cuts a window around the first match, with ellipses', () => {
    const text = `${'あ'.repeat(200)}造園${'い'.repeat(200)}`;
    const parts = excerpt(text, ['造園'], 40);
    expect(parts[0]!.text).toBe('…');
    expect(parts.at(-1)!.text).toBe('…');
    expect(parts.find((p) => p.mark)!.text).toBe('造園');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });
  test('no match: the start of the text', () => {
    expect(excerpt('短い文です。', ['造園'])).toEqual([{ text: '短い文です。', mark: false }]);
  });
  test('overlapping and touching matches merge into one mark', () => {
    expect(matchRanges('大和市大和です大和', ['大和', '和市'])).toEqual([
      [0, 5],
      [7, 9],
    ]);
  });
});

describe('name tie-breaker', () => {
  test('an exact name first, then names with every word, otherwise Pagefind order', () => {
    const words = queryWords('センター事業団');
    const results = [
      { title: '労働者協同組合ワーカーズコープ・センター事業団 北海道事業本部' },
      { title: '日本労働者協同組合（ワーカーズコープ）連合会' },
      {
        title: '労働者協同組合ワーカーズコープ・センター事業団',
        aka: 'ワーカーズコープ・センター事業団 | センター事業団',
      },
    ];
    const ranked = rerank(results, (r) => nameMatchRank(resultNames(r), words));
    expect(ranked.map((r) => r.title)).toEqual([results[2]!.title, results[0]!.title, results[1]!.title]);
  });
  test('no words, no reordering', () => {
    expect(nameMatchRank(['a'], [])).toBe(2);
  });
});

describe('facets pages declare', () => {
  const bodies = new Map<string, Body>([
    ['140007', { id: '140007', name: '神奈川県', reading: 'かながわけん', kind: '都道府県', sources: [] }],
    ['142131', { id: '142131', name: '大和市', reading: 'やまとし', kind: '市', prefecture: '140007', sources: [] }],
    ['mhlw', { id: 'mhlw', name: '厚生労働省', reading: 'こうせいろうどうしょう', kind: '国', sources: [] }],
  ]);
  const categories = new Map<string, Category>([
    [
      'zoen',
      { id: 'zoen', name: '造園', nameEn: 'Landscaping', reading: 'ぞうえん', order: 1, description: '', sources: [] },
    ],
  ]);
  const coop: Coop = {
    id: 'x',
    name: '労働者協同組合テスト',
    reading: 'てすと',
    kind: 'coop',
    municipality: '142131',
    categories: ['zoen'],
    business: ['造園業'],
    sources: [],
  };
  test('a co-op: prefecture from its municipality, categories, place, reading, what it does', () => {
    expect(coopFacets(coop, bodies, categories)).toEqual({
      prefecture: ['神奈川県'],
      category: ['造園'],
      municipality: '神奈川県大和市',
      aka: ['てすと'],
      keywords: ['造園業'],
    });
  });
  test('public bodies: a prefecture is its own prefecture; a national body has none', () => {
    expect(bodyFacets(bodies.get('140007')!, bodies).prefecture).toEqual(['神奈川県']);
    expect(bodyFacets(bodies.get('142131')!, bodies)).toMatchObject({
      prefecture: ['神奈川県'],
      municipality: '神奈川県大和市',
    });
    expect(bodyFacets(bodies.get('mhlw')!, bodies).prefecture).toEqual([]);
  });
  test('kinds: labels, and tool pages stay out of the index', () => {
    expect(kindLabel('coop')).toBe('組合');
    expect(kindLabel('stats')).toBe('サイト案内');
    expect(kindLabel(undefined)).toBe('サイト案内');
    expect(isIndexedKind('map')).toBe(false);
    expect(isIndexedKind('coop')).toBe(true);
  });
  test('meta tags: one filter tag per value, the kind as filter and meta', () => {
    const tags = facetTags('coop', { prefecture: ['神奈川県'], category: ['造園', '建設'] });
    expect(tags.filter((t) => t.key === 'category[content]').map((t) => t.content)).toEqual(['造園', '建設']);
    expect(tags.find((t) => t.key === 'categories[content]')!.content).toBe('造園、建設');
    expect(
      tags
        .filter((t) => t.key === 'kind[content]')
        .map((t) => t.attr)
        .sort(),
    ).toEqual(['data-pagefind-filter', 'data-pagefind-meta']);
  });
});

describe('tiers: exact names, hubs, names with every word, the rest', () => {
  const words = (q: string) => queryWords(q);
  test('a hub whose name or subject the query contains, or that contains a query word, is tier 1', () => {
    expect(
      resultTier(['子育て支援 Childcare', '子育て支援'], ['放課後児童クラブ', '学童保育'], true, words('学童')),
    ).toBe(1);
    expect(resultTier(['大和市', 'やまとし'], [], true, words('大和市 造園'))).toBe(1);
    expect(resultTier(['大和市', 'やまとし'], [], true, words('やまとし'))).toBe(0);
  });
  test('only a hub that matched in its hub field counts as one', () => {
    expect(resultTier(['大和市', 'やまとし'], [], false, words('大和市 造園'))).toBe(3);
  });
  test('an exact name beats a hub; a hub beats a name holding every word', () => {
    const ranked = rerank(
      [
        { names: ['大和市造園センター'], hub: false },
        { names: ['大和市'], hub: true },
        { names: ['造園'], hub: true },
        { names: ['ほか'], hub: false },
      ],
      (r) => resultTier(r.names, [], r.hub, words('造園')),
    );
    expect(ranked.map((r) => r.names[0])).toEqual(['造園', '大和市造園センター', '大和市', 'ほか']);
  });
  test('hubMatches ignores one-character names', () => {
    expect(hubMatches(['市'], words('大和市'))).toBe(false);
  });
});

describe('labels and values in result text', () => {
  test('a term ends with 「：」, a description and a cell end with 「／」 before the next', () => {
    const html =
      '<dl><dt>区分</dt><dd>市</dd><dt>よみ：</dt><dd>やまとし</dd><dd>べつ</dd></dl><table><tr><th>項目</th><td>数値</td></tr></table>';
    const text = separateLabels(html).replace(/<[^>]*>/g, '');
    expect(text).toBe('区分：市 ／ よみ：やまとし、べつ項目 ／ 数値');
  });
});

describe('excerpt around a label', () => {
  test('starts at the label of the matched value when one is near', () => {
    const text = `大和市. 区分：市 ／ 全国地方公共団体コード：142131 ／ よみ：やまとし ／ 都道府県：神奈川県 ${'あ'.repeat(200)}`;
    const shown = excerpt(text, queryWords('やまとし'), 40)
      .map((p) => p.text)
      .join('');
    expect(shown.startsWith('…よみ：やまとし')).toBe(true);
  });
});
