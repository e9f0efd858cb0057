/**
 * Reads what the search index needs from a built page, without an HTML
 * parser: the text of `<main data-pagefind-body>` minus what Pagefind is
 * told to skip, the first `<h1>`, and the `ra-search-*` meta tags Base.astro
 * writes (src/lib/search-facets.ts). Our pages are well-formed (Astro writes
 * them, html-validate checks them), which is all this needs.
 */
import type { ExtractedPage } from './search-index.ts';

/** Elements whose text Pagefind never indexes (its REMOVE_SELECTORS, pagefind/src/fossick/parser.rs). */
const SKIPPED_TAGS = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
/** Void elements: no end tag, no content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Inline elements: their edges do not separate words. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'ruby', 'rt', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the character references Astro writes (named basics and numeric). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Whether a start tag's attributes say Pagefind must skip the element. */
function ignored(attrs: string, skipClasses: readonly string[]): boolean {
  if (/\sdata-pagefind-ignore(\s|=|$)/.test(` ${attrs}`)) return true;
  const cls = /\sclass="([^"]*)"/.exec(` ${attrs}`)?.[1]?.split(/\s+/) ?? [];
  return skipClasses.some((c) => cls.includes(c));
}

/**
 * The text of the element marked `data-pagefind-body` (or '' when the page
 * has none), skipping elements with data-pagefind-ignore or one of
 * `skipClasses`; block edges become spaces.
 */
export function bodyText(html: string, skipClasses: readonly string[] = []): string {
  const open = /<([a-z][\w-]*)\b[^>]*\sdata-pagefind-body(?=[\s=>])[^>]*>/i.exec(html);
  if (!open) return '';
  const out: string[] = [];
  const stack: string[] = [open[1]!.toLowerCase()];
  let skipDepth = 0; // > 0 while inside a skipped element: the stack depth at which it started
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->/g;
  tag.lastIndex = open.index + open[0].length;
  let last = tag.lastIndex;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (!skipDepth) out.push(decodeEntities(html.slice(last, m.index)));
    last = tag.lastIndex;
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (m[1]) {
      // An end tag: pop to the matching element.
      const at = stack.lastIndexOf(name);
      if (at === -1) continue;
      stack.length = at;
      if (skipDepth && stack.length < skipDepth) skipDepth = 0;
      if (stack.length === 0) break;
      if (!INLINE.has(name) && !skipDepth) out.push(' ');
      continue;
    }
    if (!INLINE.has(name) && !skipDepth) out.push(' ');
    if (VOID.has(name) || m[4]) continue;
    stack.push(name);
    if (!skipDepth && (SKIPPED_TAGS.has(name) || ignored(m[3] ?? '', skipClasses))) skipDepth = stack.length;
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** The text of the first `<h1>`, tags removed (headings hold inline elements only). */
export function firstHeading(html: string): string | undefined {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  return m ? decodeEntities(m[1]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() : undefined;
}

/** Values of `<meta name="ra-search-…" content="…">` tags by their name suffix, in order. */
export function searchMeta(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of html.matchAll(/<meta\s+name="ra-search-([\w-]+)"\s+content="([^"]*)"/g)) {
    out.set(m[1]!, [...(out.get(m[1]!) ?? []), decodeEntities(m[2]!)]);
  }
  return out;
}

/** What searchTermFields needs, read from a built page; undefined when the page is not indexed (no data-pagefind-body). */
export function extractPage(url: string, html: string, skipClasses: readonly string[] = []): ExtractedPage | undefined {
  if (!/\sdata-pagefind-body(?=[\s=>])/.test(html)) return undefined;
  const meta = searchMeta(html);
  const one = (k: string) => meta.get(k)?.[0] ?? '';
  return {
    url,
    content: bodyText(html, skipClasses),
    meta: { title: firstHeading(html) ?? '', aka: (meta.get('aka') ?? []).join(' | '), municipality: one('municipality'), keywords: (meta.get('keywords') ?? []).join(' | '), subjects: (meta.get('subjects') ?? []).join(' | ') },
    filters: Object.fromEntries(['kind', 'prefecture', 'category'].map((k) => [k, meta.get(k) ?? []])),
  };
}

/**
 * The page as handed to Pagefind for its result text: a term and its
 * description, and the cells of a table row, run together in Pagefind's text
 * (「区分市全国地方公共団体コード…」), so a 「：」 closes each term and a 「／」
 * separates a description from the next term, and cells from each other
 * (「区分：市 ／ 全国地方公共団体コード：142131 ／ …」). Only the index sees this;
 * the page is unchanged.
 */
export function separateLabels(html: string): string {
  return html
    .replace(/([：:]?)(\s*)<\/dt>/g, (_m, colon: string, space: string) => `${colon || '：'}${space}</dt>`)
    .replace(/<\/dd>(\s*)(?=<dd[\s>])/g, '、</dd>$1')
    .replace(/<\/dd>(\s*)(?=<dt[\s>])/g, ' ／ </dd>$1')
    .replace(/<\/(td|th)>(\s*)(?=<t[dh][\s>])/g, ' ／ </$1>$2');
}
