/** The search page's pure parts: URL state, excerpts, the name tie-breaker and the facets pages declare. */
import { describe, expect, test } from 'vitest';
import { hasFilters, pagefindFilters, readState, toggleFilter, writeState } from '../../../src/search/url.ts';
import { excerpt, matchRanges } from '../../../src/search/excerpt.ts';
import {
  bestRank,
  hubMatches,
  isWholePlaceName,
  nameMatchRank,
  placePool,
  placeWords,
  rankedResult,
  rerank,
  resultNames,
  resultRank,
  type RankedResult,
} from '../../../src/search/rank.ts';
import { separateLabels } from '../../../src/search/build/extract.ts';
import {
  bodyFacets,
  coopFacets,
  councilFacets,
  facetTags,
  isIndexedKind,
  kindLabel,
} from '../../../src/search/facets.ts';
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
      badge: '組合',
      places: ['神奈川県', '大和市'],
      keywords: ['組合', '造園業'],
    });
    expect(coopFacets({ ...coop, kind: 'hq' }, bodies, categories).badge).toBe('事業本部');
    expect(coopFacets({ ...coop, kind: 'network' }, bodies, categories).badge).toBe('支援・連携団体');
  });
  test('public bodies: a prefecture is its own prefecture; a national body has none', () => {
    expect(bodyFacets(bodies.get('140007')!, bodies).prefecture).toEqual(['神奈川県']);
    expect(bodyFacets(bodies.get('142131')!, bodies)).toMatchObject({
      prefecture: ['神奈川県'],
      municipality: '神奈川県大和市',
      badge: '市',
      places: ['神奈川県', '大和市'],
    });
    expect(bodyFacets(bodies.get('140007')!, bodies).places).toEqual(['神奈川県']);
    expect(bodyFacets(bodies.get('mhlw')!, bodies).prefecture).toEqual([]);
  });
  test('a council: its members and its activities’ venues are what it is about', () => {
    const council = {
      id: 'k',
      name: '協議会',
      reading: 'きょうぎかい',
      prefecture: '140007',
      members: [{ name: '横浜市社会福祉協議会', kind: '社会福祉協議会' }],
      activities: [{ title: '寄付講座', place: '関東学院大学（教養講座）', kind: 'course' }],
    } as unknown as Parameters<typeof councilFacets>[0];
    expect(councilFacets(council, bodies)).toMatchObject({
      places: ['神奈川県'],
      keywords: ['横浜市社会福祉協議会', '寄付講座', '関東学院大学（教養講座）'],
    });
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

describe('tiers: exact names, organisations in a named place, hubs, names with every word, the rest', () => {
  const words = (q: string) => queryWords(q);
  const result = (r: Partial<RankedResult> & { names: string[] }): RankedResult => ({
    subjects: [],
    hub: false,
    organisation: !(r.hub ?? false),
    places: [],
    text: r.names.join(''),
    ...r,
  });
  const rankOf = (r: RankedResult, q: string, pool: RankedResult[] = [r]) =>
    resultRank(r, words(q), placeWords(words(q), placePool(pool)));
  test('a place word is a whole name, with or without its ending: 東京 is 東京都, not 西東京市', () => {
    expect(isWholePlaceName('東京都', '東京')).toBe(true);
    expect(isWholePlaceName('横浜市', '横浜')).toBe(true);
    expect(isWholePlaceName('横浜市', '横浜市')).toBe(true);
    expect(isWholePlaceName('よこはまし', 'よこはま')).toBe(true);
    expect(isWholePlaceName('西東京市', '東京')).toBe(false);
    expect(isWholePlaceName('東京都', '京都')).toBe(false);
    expect(isWholePlaceName('市', '市')).toBe(false);
    expect(placeWords(words('ワーカーズコープ 東京'), ['東京都', '西東京市'])).toEqual(['東京']);
    expect(placeWords(words('ワーカーズコープ 西東'), ['東京都', '西東京市'])).toEqual([]);
  });
  test('an organisation in the named place that holds the other words comes before the place and the rest', () => {
    const yokohama = result({
      names: ['横浜市の労働者協同組合', '横浜市', 'よこはまし'],
      hub: true,
      places: ['神奈川県', '横浜市'],
    });
    const aomori = result({ names: ['横浜町', 'よこはままち'], hub: true, places: ['青森県', '横浜町'] });
    const lavori = result({ names: ['Lavori'], places: ['神奈川県', '横浜市'], text: 'lavori横浜市で家事代行' });
    const elsewhere = result({ names: ['その他'], places: ['神奈川県', '横浜市'], text: 'くらしのサポート' });
    const pool = [yokohama, aomori, lavori, elsewhere];
    const ranked = rerank(pool, (r) => rankOf(r, '家事代行 横浜', pool));
    expect(ranked).toEqual([lavori, yokohama, aomori, elsewhere]);
  });
  test('a public body is a hub on its whole name only; a category on a word its names or subjects contain', () => {
    const nishi = result({ names: ['西東京市', 'にしとうきょうし'], hub: true, places: ['東京都', '西東京市'] });
    const tokyo = result({ names: ['東京都', 'とうきょうと'], hub: true, places: ['東京都'] });
    const coop = result({ names: ['ワーカーズコープ東京'], places: ['東京都', '豊島区'] });
    // A ward whose page mentions the organisations there is still a place, not an organisation.
    const ward = result({
      names: ['大田区'],
      organisation: false,
      places: ['東京都', '大田区'],
      text: 'ワーカーズコープ',
    });
    const pool = [nishi, ward, tokyo, coop];
    expect(rerank(pool, (r) => rankOf(r, 'ワーカーズコープ 東京', pool))).toEqual([coop, tokyo, nishi, ward]);
    expect(rankOf(result({ names: ['子育て支援'], subjects: ['学童保育'], hub: true }), '学童')).toBe(200);
    expect(
      rankOf(result({ names: ['大和市', 'やまとし'], hub: true, places: ['神奈川県', '大和市'] }), '大和市造園'),
    ).toBe(200);
  });
  test('a place in the named prefecture wins over a same-named one elsewhere', () => {
    const hiroshima = result({ names: ['府中市'], hub: true, places: ['広島県', '府中市'] });
    const tokyoFuchu = result({ names: ['府中市'], hub: true, places: ['東京都', '府中市'] });
    const pool = [hiroshima, tokyoFuchu];
    expect(rerank(pool, (r) => rankOf(r, '府中 東京', pool))[0]).toBe(tokyoFuchu);
    expect(rerank(pool, (r) => rankOf(r, '府中 広島', pool))[0]).toBe(hiroshima);
  });
  test('only a hub that matched in its hub field counts as one; an exact name beats everything', () => {
    expect(rankOf(result({ names: ['大和市', 'やまとし'], places: ['神奈川県', '大和市'] }), '大和市 造園')).toBe(400);
    expect(
      rankOf(result({ names: ['大和市', 'やまとし'], hub: true, places: ['神奈川県', '大和市'] }), 'やまとし'),
    ).toBe(0);
    const ranked = rerank(
      [
        result({ names: ['大和市造園センター'] }),
        result({ names: ['大和市'], hub: true, places: ['大和市'] }),
        result({ names: ['造園'], hub: true }),
        result({ names: ['ほか'] }),
      ],
      (r) => rankOf(r, '造園'),
    );
    expect(ranked.map((r) => r.names[0])).toEqual(['造園', '大和市造園センター', '大和市', 'ほか']);
  });
  test('the best rank over the query and its alternatives; a record read into what ranking needs', () => {
    const r = rankedResult(
      {
        content: '横浜市で家事代行をしています',
        meta: { title: 'Lavori', aka: 'らぼり', places: '神奈川県 | 横浜市', badge: '組合', kind: '組合' },
      },
      false,
    );
    expect(r).toMatchObject({
      names: ['Lavori', 'らぼり'],
      places: ['神奈川県', '横浜市'],
      hub: false,
      organisation: true,
    });
    expect(rankedResult({ content: '', meta: { title: '大田区', kind: '自治体' } }, false).organisation).toBe(false);
    expect(bestRank(r, [words('掃除 横浜'), words('家事代行 横浜')], r.places)).toBe(99);
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
