/**
 * Reads what the search index needs from a built page with an HTML parser
 * (htmlparser2, one streaming pass): the text of `<main data-pagefind-body>`
 * minus what Pagefind is told to skip, the first `<h1>`, and the
 * `ra-search-*` meta tags Base.astro writes (src/search/facets.ts).
 */
import { Parser } from 'htmlparser2';
import type { ExtractedPage } from '../fields.ts';

/** Elements whose text Pagefind never indexes (its REMOVE_SELECTORS, pagefind/src/fossick/parser.rs). */
const SKIPPED_TAGS = new Set([
  'head',
  'style',
  'script',
  'noscript',
  'label',
  'form',
  'svg',
  'footer',
  'nav',
  'iframe',
  'template',
]);
/** Inline elements: their edges do not separate words. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'ruby',
  'rt',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

/** What one pass over a page finds. */
interface ParsedPage {
  /** Whether an element carries data-pagefind-body. */
  indexed: boolean;
  body: string;
  heading: string | undefined;
  meta: Map<string, string[]>;
}

/** Whether an element's attributes say Pagefind must skip it. */
function ignored(attribs: Record<string, string>, skipClasses: readonly string[]): boolean {
  if ('data-pagefind-ignore' in attribs) return true;
  const cls = (attribs.class ?? '').split(/\s+/);
  return skipClasses.some((c) => cls.includes(c));
}

function parsePage(html: string, skipClasses: readonly string[]): ParsedPage {
  const page: ParsedPage = { indexed: false, body: '', heading: undefined, meta: new Map() };
  const body: string[] = [];
  let heading: string[] | undefined;
  let depth = 0;
  let bodyDepth = 0; // depth of the data-pagefind-body element while inside it; 0 outside (and after it)
  let bodyDone = false;
  let skipDepth = 0; // depth of the skipped element while inside one
  let headingDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (name === 'meta' && attribs.name?.startsWith('ra-search-')) {
          const key = attribs.name.slice('ra-search-'.length);
          page.meta.set(key, [...(page.meta.get(key) ?? []), attribs.content ?? '']);
        }
        if (name === 'h1' && page.heading === undefined && heading === undefined) {
          heading = [];
          headingDepth = depth;
        }
        if (!bodyDepth && !bodyDone && 'data-pagefind-body' in attribs) {
          page.indexed = true;
          bodyDepth = depth;
          return;
        }
        if (!bodyDepth) return;
        if (!INLINE.has(name) && !skipDepth) body.push(' ');
        if (!skipDepth && (SKIPPED_TAGS.has(name) || ignored(attribs, skipClasses))) skipDepth = depth;
      },
      ontext(text) {
        if (heading) heading.push(text);
        if (bodyDepth && !skipDepth) body.push(text);
      },
      onclosetag(name) {
        if (heading && depth === headingDepth) {
          page.heading = heading.join('').replace(/\s+/g, ' ').trim();
          heading = undefined;
        }
        if (bodyDepth) {
          if (depth === bodyDepth) {
            bodyDepth = 0;
            bodyDone = true;
          } else {
            if (skipDepth === depth) skipDepth = 0;
            else if (!INLINE.has(name) && !skipDepth) body.push(' ');
          }
        }
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  page.body = body.join('').replace(/\s+/g, ' ').trim();
  return page;
}

/**
 * The text of the element marked `data-pagefind-body` (or '' when the page
 * has none), skipping elements with data-pagefind-ignore or one of
 * `skipClasses`; block edges become spaces.
 */
export function bodyText(html: string, skipClasses: readonly string[] = []): string {
  return parsePage(html, skipClasses).body;
}

/** The text of the first `<h1>`. */
export function firstHeading(html: string): string | undefined {
  return parsePage(html, []).heading;
}

/** Values of `<meta name="ra-search-…" content="…">` tags by their name suffix, in order. */
export function searchMeta(html: string): Map<string, string[]> {
  return parsePage(html, []).meta;
}

/** What searchTermFields needs, read from a built page; undefined when the page is not indexed (no data-pagefind-body). */
export function extractPage(url: string, html: string, skipClasses: readonly string[] = []): ExtractedPage | undefined {
  const page = parsePage(html, skipClasses);
  if (!page.indexed) return undefined;
  const { meta } = page;
  const one = (k: string) => meta.get(k)?.[0] ?? '';
  return {
    url,
    content: page.body,
    meta: {
      title: page.heading ?? '',
      aka: (meta.get('aka') ?? []).join(' | '),
      municipality: one('municipality'),
      keywords: (meta.get('keywords') ?? []).join(' | '),
      subjects: (meta.get('subjects') ?? []).join(' | '),
    },
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

/** Base.astro's <main>, when it is the part of the page marked for the index. */
const INDEXED_MAIN = /<main\b[^>]*\sdata-pagefind-body[\s=>][^>]*>/;
/** Head elements Pagefind reads: the title and the tags that carry its meta and filter fields. */
const PAGEFIND_HEAD = /<title>[^<]*<\/title>|<meta\b[^>]*\sdata-pagefind-(?:meta|filter|sort)=[^>]*>/g;

/**
 * What Pagefind reads of one of our pages, and nothing else: the <html> tag (its lang), the title and the
 * data-pagefind-* tags of <head>, and the <main> marked for the index. The site header, footer and the rest of
 * <head> only cost bytes to send and to parse (about half of a co-op page). A page of another shape is returned whole.
 */
export function pagefindView(html: string): string {
  const htmlTag = /<html\b[^>]*>/.exec(html);
  const headEnd = html.indexOf('</head>');
  const main = INDEXED_MAIN.exec(html);
  const mainEnd = html.lastIndexOf('</main>');
  if (
    !htmlTag ||
    headEnd === -1 ||
    !main ||
    main.index < headEnd ||
    mainEnd < main.index ||
    html.indexOf('<main', main.index + 1) !== -1
  )
    return html;
  const head = html.slice(0, headEnd).match(PAGEFIND_HEAD) ?? [];
  return `<!DOCTYPE html>${htmlTag[0]}<head>${head.join('')}</head><body>${html.slice(main.index, mainEnd)}</main></body></html>`;
}

/** Elements without content (no end tag): never dropped whole, there is nothing to drop. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
/** Where Pagefind skips an element: marked data-pagefind-ignore (bare, "index" or "true"), or an svg (its REMOVE_SELECTORS). */
const SKIP_MARK = /\sdata-pagefind-ignore(?:="(?:index|true)?")?(?=[\s/>])|<svg[\s>]/g;
/** What Pagefind still reads inside a skipped element: filters, meta and sort tags, the first h1 (its auto title), an img (its auto image). */
const READ_INSIDE = /data-pagefind-(?!ignore)|<h1[\s>]|<img[\s>/]/;
/** Astro's scoped-style attributes: Pagefind never reads them. */
const SCOPE_ATTR = / data-astro-cid-[a-z0-9]+(?=[\s/>])/g;

/**
 * The page without the elements Pagefind skips (data-pagefind-ignore, svg, the `skipClasses`) and without Astro's
 * scoped-style attributes, when nothing inside a skipped element is read all the same (READ_INSIDE, or a <title>
 * before the page's own): Pagefind adds nothing of a skipped element's text, so its record is the same, from fewer
 * bytes sent and parsed (the breadcrumbs, the static map, the citation block: about half of a co-op page's main).
 * A dropped element leaves an empty comment, so the elements either side of it do not become neighbours
 * (separateLabels looks at neighbours).
 */
export function dropSkipped(html: string, skipClasses: readonly string[] = []): string {
  const titled = /<title>/.exec(html);
  const marks = marksFor(skipClasses);
  marks.lastIndex = 0;
  let out = '';
  let from = 0;
  for (let m = marks.exec(html); m; m = marks.exec(html)) {
    const start = m[0].startsWith('<') ? m.index : html.lastIndexOf('<', m.index);
    if (start < from) continue;
    const name = /^<([a-z][a-z0-9-]*)/.exec(html.slice(start, start + 40))?.[1];
    const openEnd = html.indexOf('>', m.index);
    if (!name || VOID.has(name) || openEnd === -1 || html.lastIndexOf('<', openEnd) !== start) continue;
    const end = closingEnd(html, name, openEnd + 1);
    if (end === -1) continue;
    const element = html.slice(start, end);
    if (READ_INSIDE.test(element) || (element.includes('<title') && (!titled || titled.index > start))) continue;
    out += `${html.slice(from, start)}<!---->`;
    from = end;
    marks.lastIndex = end;
  }
  return (out + html.slice(from)).replace(SCOPE_ATTR, '');
}

const markRegExps = new Map<string, RegExp>();
/** SKIP_MARK and, when given, an element of one of the classes (one RegExp per list, compiled once). */
function marksFor(skipClasses: readonly string[]): RegExp {
  const key = skipClasses.join('|');
  let re = markRegExps.get(key);
  if (!re) {
    const classes = key && `|\\sclass="(?:[^"]*\\s)?(?:${key})(?=[\\s"])`;
    markRegExps.set(key, (re = new RegExp(`${SKIP_MARK.source}${classes}`, 'g')));
  }
  return re;
}

const tagRegExps = new Map<string, RegExp>();

/** The index just past the end tag that closes an element `name` whose content starts at `from`; -1 when none. */
function closingEnd(html: string, name: string, from: number): number {
  let tags = tagRegExps.get(name);
  if (!tags) tagRegExps.set(name, (tags = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'g')));
  tags.lastIndex = from;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (!m[1]) depth++;
    else if (--depth === 0) {
      const close = html.indexOf('>', m.index);
      return close === -1 ? -1 : close + 1;
    }
  }
  return -1;
}

/** A page as the indexer hands it to Pagefind: only what Pagefind reads, labels separated for the result text. */
export function forPagefind(html: string, skipClasses: readonly string[] = []): string {
  return separateLabels(dropSkipped(pagefindView(html), skipClasses));
}
