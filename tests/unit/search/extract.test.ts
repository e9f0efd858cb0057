/** What the search index reads from a built page (src/search/build/extract.ts): body text, first heading, search meta. */
import { describe, expect, test } from 'vitest';
import { bodyText, extractPage, firstHeading, searchMeta } from '../../../src/search/build/extract.ts';

const page = `<!DOCTYPE html><html lang="ja"><head><title>x</title>
<meta name="ra-search-kind" content="組合" data-pagefind-filter="kind[content]">
<meta name="ra-search-prefecture" content="神奈川県" data-pagefind-filter="prefecture[content]">
<meta name="ra-search-category" content="造園" data-pagefind-filter="category[content]">
<meta name="ra-search-category" content="建設" data-pagefind-filter="category[content]">
<meta name="ra-search-aka" content="きふくと | キフクト &amp; 仲間" data-pagefind-meta="aka[content]">
</head><body><header data-pagefind-ignore><a href="/">労協アトラス</a></header>
<main id="main" data-pagefind-body><nav class="breadcrumbs" data-pagefind-ignore><ol><li>ホーム</li></ol></nav>
<h1>労働者協同組合<span>キフクト</span></h1><p>大和市で<a href="#">造園</a>を行う組合です。<br>兼業が多い。</p>
<div class="print-only"><p>印刷用</p></div><table class="coop-table"><tr><td>一覧の組合</td></tr></table>
<ul><li>庭木の剪定</li><li>草刈り</li></ul><!-- 注記 --><img src="x.png" alt="写真"><script>var x = '<p>no</p>';</script>
</main><footer>フッター</footer></body></html>`;

describe('bodyText', () => {
  test('the text of the body element, block edges as spaces, inline edges joined, skipped parts left out', () => {
    expect(bodyText(page, ['coop-table', 'print-only'])).toBe(
      '労働者協同組合キフクト 大和市で造園を行う組合です。 兼業が多い。 庭木の剪定 草刈り',
    );
  });
  test('a page without data-pagefind-body has no body text', () => {
    expect(bodyText('<main><p>本文</p></main>')).toBe('');
  });
});

describe('page parts', () => {
  test('the first heading, and entities decoded', () => {
    expect(firstHeading(page)).toBe('労働者協同組合キフクト');
    expect(firstHeading('<h1>&lt;a&gt; &amp; &#12354;<span>&#x3044;</span></h1>')).toBe('<a> & あい');
    expect(bodyText('<main data-pagefind-body><p>A&nbsp;B &quot;C&quot;</p></main>')).toBe('A B "C"');
  });
  test('search meta by name, repeated names kept in order', () => {
    const meta = searchMeta(page);
    expect(meta.get('category')).toEqual(['造園', '建設']);
    expect(meta.get('aka')).toEqual(['きふくと | キフクト & 仲間']);
  });
  test('extractPage gathers what the encoded fields need; pages outside the index give nothing', () => {
    const p = extractPage('/coops/x/', page, ['coop-table', 'print-only'])!;
    expect(p.filters).toEqual({ kind: ['組合'], prefecture: ['神奈川県'], category: ['造園', '建設'] });
    expect(p.meta.title).toBe('労働者協同組合キフクト');
    expect(extractPage('/search/', '<main id="main"><h1>検索</h1></main>')).toBeUndefined();
  });
});
