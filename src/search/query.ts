/**
 * Query rewriting: what a person types → the Pagefind query over our encoded
 * n-grams (see tokens.ts). Every word of the query must be found
 * (Pagefind ANDs its terms); word order does not matter.
 */
import { isSeparable, normalizeForSearch, splitSeparable } from '../lib/model/normal-form.ts';
import { encodeText, queryPieces } from './tokens.ts';
import { queryAlternatives, type SynonymTable } from './synonyms.ts';

/** A query made ready for Pagefind. */
export interface QueryPlan {
  /** The query's words in normal form (for highlighting and tests). */
  words: string[];
  /** The Pagefind search string (encoded pieces, space-separated); empty when nothing is searchable. */
  terms: string;
  /** A looser search (words cut by Intl.Segmenter) for when `terms` finds little; absent when it would be the same. */
  relaxed?: string;
  /** The words of the looser search. */
  relaxedWords?: string[];
  /**
   * The query as typed (NFKC), for Pagefind's own word index of the pages' text, which the encoded fields
   * (names and facets) do not hold: the last resort when neither search above finds anything.
   */
  plain: string;
  /**
   * The same query with one word replaced by an everyday-words alternative
   * (synonyms.ts): not searched (the index holds every word of a group where
   * a page holds one), but ranked and highlighted by.
   */
  alternatives: Array<{ words: string[] }>;
}

/** Characters that separate words in a query besides spaces (中黒 is not one: it sits inside names). */
const QUERY_BREAK = /[\s、，,。．／/｜|]+/u;

/** Hiragana particles and single kana carry no meaning alone; a relaxed search drops them. */
const NOISE = /^[\u3041-\u309f]$/u;

/** The words of a query: split on spaces and commas, normalised, separable words (legal forms …) cut out. */
export function queryWords(query: string): string[] {
  const words = query.split(QUERY_BREAK).map(normalizeForSearch).flatMap(splitSeparable);
  return [...new Set(words.filter(Boolean))];
}

/** The Pagefind search string for some normalised words. */
export function termsFor(words: readonly string[]): string {
  return [...new Set(words.flatMap((w) => queryPieces(w)).map(encodeText))].join(' ');
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ja', { granularity: 'word' }) : undefined;

/** Words of a query cut further by the browser's Japanese word segmenter (大和市造園 → 大和 市 造園). */
export function segmentedWords(query: string): string[] {
  if (!segmenter) return queryWords(query);
  // Only runs with kanji are cut (the segmenter's dictionary is for kanji compounds; it splits kana names
  // arbitrarily), as typed, then each piece is normalised.
  const parts = query
    .split(QUERY_BREAK)
    .flatMap((part) =>
      /\p{Script=Han}/u.test(part) ? [...segmenter.segment(part.normalize('NFKC'))].map((s) => s.segment) : [part],
    );
  const words = parts
    .map(normalizeForSearch)
    .filter((w) => w && !NOISE.test(w))
    .flatMap(splitSeparable);
  return [...new Set(words)];
}

/**
 * The words worth sending to Pagefind: legal forms and other generic words
 * are on nearly every page, so beside a more telling word they only cost a
 * large index chunk. They still count for ranking exact names (rank.ts).
 */
export function telling(words: readonly string[]): string[] {
  const rest = words.filter((w) => !isSeparable(w));
  return rest.length ? rest : [...words];
}

/**
 * Plans a query: the exact-substring search, its everyday-words alternatives
 * (from the table in content/search-synonyms.yaml, for ranking and
 * highlighting), and a looser search for when the segmenter cuts the words
 * differently.
 */
export function planQuery(query: string, synonyms: SynonymTable = []): QueryPlan {
  const words = queryWords(query);
  const terms = termsFor(telling(words));
  const alternatives = queryAlternatives(words, synonyms).map((w) => ({ words: w }));
  const relaxedWords = segmentedWords(query);
  const relaxed = termsFor(telling(relaxedWords));
  const plain = query.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return relaxed && relaxed !== terms
    ? { words, terms, relaxed, relaxedWords, alternatives, plain }
    : { words, terms, alternatives, plain };
}

/** Every word a plan looks for (the query's and its alternatives'), for highlighting. */
export function highlightWords(words: readonly string[], alternatives: QueryPlan['alternatives']): string[] {
  return [...new Set([...words, ...alternatives.flatMap((a) => a.words)])];
}
