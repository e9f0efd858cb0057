/**
 * What we add to each page's Pagefind record: meta fields of encoded n-grams
 * (see tokens.ts) — the names of a hub page (a category or a public
 * body: the page *for* that thing) with what it is the page for, the names of
 * any other page, its facets (kind, place, categories, what it does) and its
 * text — ranked in that order by `ranking.metaWeights`. Which field matched
 * tells the search page, without fetching a record, that a result is the hub
 * for a query word (rank.ts). Pure: takes what Pagefind extracted.
 */
import { encodeText, grams, GRAM } from './tokens.ts';
import { foldCharacters, normalizeForSearch } from '../lib/model/normal-form.ts';
import { kindLabel } from './facets.ts';
import { remembering } from '../lib/model/remember.ts';
import { withVariants, type SynonymTable } from './synonyms.ts';

/** Meta field names of the encoded n-grams, and their ranking weights. */
export const TERM_FIELDS = { hub: 'ra_h', names: 'ra_n', facets: 'ra_k', text: 'ra_t' } as const;
export const TERM_WEIGHTS: Record<string, number> = {
  [TERM_FIELDS.hub]: 10,
  [TERM_FIELDS.names]: 8,
  [TERM_FIELDS.facets]: 3,
  [TERM_FIELDS.text]: 1,
};

/** Meta fields that pages fill (values separated by ' | '): extra names and readings for the names field, key terms for the facets field, a hub's subjects. */
export const ALIAS_META = 'aka';
export const KEYWORDS_META = 'keywords';
export const SUBJECTS_META = 'subjects';

/** Kinds (filter labels) whose pages are hubs: a category's page, a public body's page. */
export const HUB_KINDS: readonly string[] = [kindLabel('category'), kindLabel('body')];

/** Whether an extracted page is a hub (by its kind filter). */
export function isHub(page: ExtractedPage): boolean {
  return (page.filters.kind ?? []).some((k) => HUB_KINDS.includes(k));
}

/** Most distinct n-grams kept from a page's text, so one huge page cannot bloat its result record. */
export const MAX_TEXT_TERMS = 6000;

/** What Pagefind extracted from one page (a fragment of its bundle). */
export interface ExtractedPage {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

// Pagefind marks its segment boundaries with U+200B and block boundaries with ". ".
const UNIT_BREAK = /[\s\u200b。、，,．！？!?；;：:「」『』（）()［］[\]【】〔〕〈〉《》<>"“”'‘’]+|\.(?=\s|$)/u;

/** Runs of text between spaces, sentence punctuation and brackets, normalised; empty runs dropped. */
export function textUnits(text: string): string[] {
  return text
    .replace(/\u200b/g, '')
    .split(UNIT_BREAK)
    .map(normalizeForSearch)
    .filter(Boolean);
}

/**
 * A name as searchable runs: the whole name, the name without bracketed
 * parts (日本労働者協同組合（ワーカーズコープ）連合会 → 日本労働者協同組合連合会),
 * and each run between brackets and spaces.
 */
export const nameUnits = remembering((name: string): string[] => {
  const withoutBrackets = foldCharacters(name).replace(/[(（［[「『【〔][^)）］\]」』】〕]*[)）］\]」』】〕]/g, '');
  return [
    ...new Set([normalizeForSearch(name), normalizeForSearch(withoutBrackets), ...textUnits(name)].filter(Boolean)),
  ];
});

/** The encoded n-grams of one run, remembered per n-gram size. */
const codesBySize = new Map<number, (unit: string) => string[]>();
function codesOf(unit: string, n: number): string[] {
  let codes = codesBySize.get(n);
  if (!codes) codesBySize.set(n, (codes = remembering((u) => grams(u, n).map(encodeText))));
  return codes(unit);
}

/** Encoded n-grams of some runs, each once, in first-seen order, leaving out those already in `skip`. */
export function termsOf(
  units: readonly string[],
  limit = Infinity,
  skip: ReadonlySet<string> = new Set(),
  n = GRAM,
): string[] {
  const seen = new Set<string>();
  for (const unit of units) {
    for (const code of codesOf(unit, n)) {
      if (seen.size >= limit) return [...seen];
      if (!skip.has(code)) seen.add(code);
    }
  }
  return [...seen];
}

/**
 * Which encoded fields to fill and the n-gram size (the benchmark of field costs varies them; the defaults are the
 * site's), and the everyday-words table whose other words a name or facet is also indexed under (synonyms.ts).
 */
export interface FieldOptions {
  fields?: ReadonlyArray<keyof typeof TERM_FIELDS>;
  gram?: number;
  synonyms?: SynonymTable;
}

/** The encoded meta fields for one page. */
export function searchTermFields(
  page: ExtractedPage,
  {
    fields = Object.keys(TERM_FIELDS) as Array<keyof typeof TERM_FIELDS>,
    gram = GRAM,
    synonyms = [],
  }: FieldOptions = {},
): Record<string, string> {
  const on = new Set(fields);
  // Names and facets as runs, each also under its everyday-words forms, in the same field (a query is one search).
  const runs = (values: readonly string[]) => withVariants(values.flatMap(nameUnits), synonyms);
  const list = (key: string) => (page.meta[key] ?? '').split(/\s*\|\s*/).filter(Boolean);
  const names = [page.meta.title ?? '', ...list(ALIAS_META)].filter(Boolean);
  const hub = isHub(page);
  const facets = [
    ...Object.values(page.filters).flat(),
    page.meta.municipality ?? '',
    ...list(KEYWORDS_META),
    ...(hub ? [] : list(SUBJECTS_META)),
  ].filter(Boolean);
  // Each n-gram goes in the highest field it belongs to only: a lower field would add little to the score and
  // much to the record every result downloads. A hub's names and subjects go in the hub field, instead of the names field.
  const hubTerms =
    hub && on.has('hub') ? termsOf(runs([...names, ...list(SUBJECTS_META)]), Infinity, new Set(), gram) : [];
  const nameTerms = !hub && on.has('names') ? termsOf(runs(names), Infinity, new Set(), gram) : [];
  const above = new Set([...hubTerms, ...nameTerms]);
  const facetTerms = on.has('facets') ? termsOf(runs(facets), Infinity, above, gram) : [];
  const textTerms = on.has('text')
    ? termsOf(textUnits(page.content), MAX_TEXT_TERMS, new Set([...above, ...facetTerms]), gram)
    : [];
  return {
    [TERM_FIELDS.hub]: hubTerms.join(' '),
    [TERM_FIELDS.names]: nameTerms.join(' '),
    [TERM_FIELDS.facets]: facetTerms.join(' '),
    [TERM_FIELDS.text]: textTerms.join(' '),
  };
}

/** `<meta>` tags that hand the fields to Pagefind (values are base-36 words: nothing to escape). */
export function termMetaTags(fields: Record<string, string>): string {
  return Object.entries(fields)
    .filter(([, v]) => v)
    .map(([k, v]) => `<meta name="ra-search-${k}" data-pagefind-meta="${k}[content]" content="${v}">`)
    .join('');
}
