/** The search index's encoded fields (src/search/fields.ts, page-fields.ts): names, facets and text n-grams of a page. */
import { describe, expect, test } from 'vitest';
import { dropSkipped, forPagefind, pagefindView } from '../../../src/search/build/extract.ts';
import { urlOfFile, urlOfPath } from '../../../src/search/build/pagefind.ts';
import {
  nameUnits,
  searchTermFields,
  termMetaTags,
  textUnits,
  termsOf,
  TERM_FIELDS,
  MAX_TEXT_TERMS,
} from '../../../src/search/fields.ts';
import { decodeText, encodeText } from '../../../src/search/tokens.ts';
import { normalizeForSearch } from '../../../src/lib/model/normal-form.ts';
import { pageTermFields } from '../../../src/search/page-fields.ts';

const decodedField = (v: string) => v.split(' ').map(decodeText);

describe('units of text', () => {
  test('Pagefind content is cut at spaces, segment marks and sentence punctuation', () => {
    expect(textUnits('大和\u200b市​を​所在地​と​する​。 基本​情報. 種別')).toEqual([
      '大和市を所在地とする',
      '基本情報',
      '種別',
    ]);
  });
  test('a name: whole, without its bracketed part, and each part', () => {
    expect(nameUnits('日本労働者協同組合（ワーカーズコープ）連合会')).toEqual([
      normalizeForSearch('日本労働者協同組合ワーカーズコープ連合会'),
      normalizeForSearch('日本労働者協同組合連合会'),
      normalizeForSearch('日本労働者協同組合'),
      normalizeForSearch('ワーカーズコープ'),
      normalizeForSearch('連合会'),
    ]);
  });
});

describe('searchTermFields', () => {
  const page = {
    url: '/coops/kifukuto/',
    content: '労働者協同組合キフクト. 大和市を所在地とし、造園工事を行う労働者協同組合です。',
    meta: {
      title: '労働者協同組合キフクト',
      aka: 'きふくと',
      municipality: '神奈川県大和市',
      keywords: '造園業 | 庭木の剪定',
    },
    filters: { kind: ['組合'], prefecture: ['神奈川県'], category: ['造園'] },
  };
  const fields = searchTermFields(page);
  test('names: the title and other names', () => {
    expect(decodedField(fields[TERM_FIELDS.names]!)).toContain(normalizeForSearch('キフクト'));
  });
  test('facets: filters, municipality and key terms', () => {
    const facets = decodedField(fields[TERM_FIELDS.facets]!);
    for (const w of ['神奈川', '大和市', '造園業', '庭木の剪'])
      expect(facets.some((g) => g.startsWith(normalizeForSearch(w).slice(0, 4)))).toBe(true);
  });
  test('text: every n-gram of the content, each once', () => {
    const text = fields[TERM_FIELDS.text]!.split(' ');
    expect(new Set(text).size).toBe(text.length);
    expect(text).toContain(encodeText('造園工事'));
  });
  test('a huge page keeps at most MAX_TEXT_TERMS n-grams of its text', () => {
    const huge = Array.from({ length: 3000 }, (_, i) => `${String.fromCharCode(0x4e00 + i)}項目${i}の説明`).join(' ');
    expect(termsOf(textUnits(huge), MAX_TEXT_TERMS).length).toBe(MAX_TEXT_TERMS);
  });
  test('meta tags carry only base-36 words', () => {
    const tags = termMetaTags(fields);
    expect(tags).toMatch(
      /^(<meta name="ra-search-ra_[ntk]" data-pagefind-meta="ra_[ntk]\[content\]" content="[0-9a-z ]+">)+$/,
    );
  });
});

describe('pageTermFields (written into each page while it renders)', () => {
  test('a page: names from its title and other names, facets from its facets and key terms; no text field', () => {
    const fields = pageTermFields('労働者協同組合キフクト', 'coop', {
      prefecture: ['神奈川県'],
      category: ['造園'],
      municipality: '神奈川県大和市',
      aka: ['きふくと'],
      keywords: ['庭木の剪定'],
    });
    expect(Object.keys(fields).filter((k) => fields[k])).toEqual([TERM_FIELDS.names, TERM_FIELDS.facets]);
    expect(decodedField(fields[TERM_FIELDS.names]!)).toContain(normalizeForSearch('キフクト'));
    expect(decodedField(fields[TERM_FIELDS.facets]!)).toContain(normalizeForSearch('庭木の剪'));
  });
  test('a hub is named by its other names, not by its longer title', () => {
    const fields = pageTermFields('大和市の労働者協同組合と委託事業', 'body', {
      prefecture: ['神奈川県'],
      aka: ['大和市', 'やまとし'],
    });
    const hub = decodedField(fields[TERM_FIELDS.hub]!);
    expect(hub).toContain(normalizeForSearch('大和市'));
    expect(hub.some((g) => g.includes('委託'))).toBe(false);
    expect(fields[TERM_FIELDS.names]).toBe('');
  });
});

describe('pagefindView: what the indexer sends Pagefind', () => {
  const page = (main: string, extra = '') =>
    `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>桶川市 | 労協アトラス</title><meta name="description" content="説明"><meta name="ra-search-kind" content="自治体" data-pagefind-filter="kind[content]"><meta name="ra-search-aka" content="おけがわし" data-pagefind-meta="aka[content]"><link rel="stylesheet" href="/_astro/page.css"></head><body><header data-pagefind-ignore><a href="/">労協アトラス</a><form><input name="q"></form></header>${main}${extra}<footer data-pagefind-ignore>フッター</footer></body></html>`;
  const main = '<main id="main" tabindex="-1" data-pagefind-body><h1>桶川市</h1><p>本文</p></main>';
  test('keeps the html tag, the title, the data-pagefind tags of head and the marked main; drops the rest', () => {
    expect(pagefindView(page(main))).toBe(
      '<!DOCTYPE html><html lang="ja"><head><title>桶川市 | 労協アトラス</title><meta name="ra-search-kind" content="自治体" data-pagefind-filter="kind[content]"><meta name="ra-search-aka" content="おけがわし" data-pagefind-meta="aka[content]"></head><body>' +
        main +
        '</body></html>',
    );
  });
  test('a page of another shape goes whole: no marked main, or a second main', () => {
    const unmarked = page('<main id="main"><h1>x</h1></main>');
    expect(pagefindView(unmarked)).toBe(unmarked);
    const two = page(main, '<main><p>もう一つ</p></main>');
    expect(pagefindView(two)).toBe(two);
    const marked = page('<div data-pagefind-body><h1>x</h1></div>');
    expect(pagefindView(marked)).toBe(marked);
  });
});

describe('dropSkipped: the elements Pagefind skips are not sent', () => {
  const head = '<html lang="ja"><head><title>t</title></head><body><main data-pagefind-body>';
  const tail = '</main></body></html>';
  test('an ignored element, an svg and an element of a skipped class go, each leaving an empty comment', () => {
    const main =
      '<nav data-pagefind-ignore><ol><li><a href="/">ホーム</a></li></ol></nav><h1>名</h1>' +
      '<figure data-pagefind-ignore="index"><div><div>入れ子</div></div></figure><p>本文<svg viewBox="0 0 1 1"><title>図</title><svg></svg></svg>続き</p>' +
      '<table class="wide coop-table"><tr><td>一覧</td></tr></table><p class="coop-tables">残る</p>';
    expect(dropSkipped(head + main + tail, ['coop-table'])).toBe(
      `${head}<!----><h1>名</h1><!----><p>本文<!---->続き</p><!----><p class="coop-tables">残る</p>${tail}`,
    );
  });
  test('an element whose inside Pagefind still reads stays: filters and meta, the h1, an image', () => {
    for (const inside of [
      '<span data-pagefind-filter="kind">組合</span>',
      '<span data-pagefind-meta="m">x</span>',
      '<h1>名</h1>',
      '<img src="a.png" alt="">',
    ]) {
      const page = `${head}<div data-pagefind-ignore>${inside}</div>${tail}`;
      expect(dropSkipped(page)).toBe(page);
    }
    const untitled = '<html><body><main data-pagefind-body><svg><title>図</title></svg></main></body></html>';
    expect(dropSkipped(untitled)).toBe(untitled);
  });
  test("Astro's scoped-style attributes go; neighbours stay apart for the labels", () => {
    expect(dropSkipped(`${head}<p class="a" data-astro-cid-abc123>x</p>${tail}`)).toBe(
      `${head}<p class="a">x</p>${tail}`,
    );
    const dl = `${head}<dl><dt>a</dt><dd>1</dd><p data-pagefind-ignore>注</p><dd>2</dd></dl>${tail}`;
    expect(forPagefind(dl)).toBe(`<!DOCTYPE html>${head}<dl><dt>a：</dt><dd>1</dd><!----><dd>2</dd></dl>${tail}`);
  });
});

describe('urlOfPath: the URL of a page indexed as it renders', () => {
  test('is the URL its built file would get, at the root and under a base path', () => {
    const files = [
      'index.html',
      'coops/sansan/index.html',
      'municipalities/112313/index.html',
      'guide/kyoukai/index.html',
    ];
    for (const file of files) {
      const pathname = `/${file.replace(/index\.html$/, '')}`;
      expect(urlOfPath(pathname, '/')).toBe(urlOfFile(file));
      expect(urlOfPath(`/roukyou-atlas${pathname}`, '/roukyou-atlas/')).toBe(urlOfFile(file));
      expect(urlOfPath(`/roukyou-atlas${pathname}`, '/roukyou-atlas')).toBe(urlOfFile(file));
    }
  });
});
