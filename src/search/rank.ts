/**
 * Our order on top of Pagefind's scores, in tiers (a stable sort, so Pagefind's
 * order stays within a tier):
 *
 *  0. a page whose name (title or recorded other name) is exactly the query;
 *  1. when the query has a place word and another word (家事代行 横浜, ワーカーズコープ 東京): an organisation's
 *     page in that place whose page holds the other words — the answer the person asked
 *     for;
 *  2. a hub page — the page *for* a category or a public body: a category whose name or subject (its listed
 *     services) the query contains, or that contains a query word (「学童保育」 puts 子育て支援 first); a public
 *     body only on its whole name (東京 is 東京都, not 西東京市);
 *  3. a page whose name holds every query word;
 *  4. everything else.
 *
 * A place word is a query word that is the whole name of a place of some result (東京 → 東京都, 横浜 → 横浜市):
 * results say where they are in their `places` meta (facets.ts). Within tiers 1 and 2 a page in more of the named
 * places comes first, so 府中 東京 puts 東京都府中市 before 広島県府中市.
 *
 * Hubs are known from the index itself: their names and subjects are indexed in
 * their own field (fields.ts), which Pagefind reports as matched.
 */
import { normalizeForSearch } from '../lib/model/normal-form.ts';
import { kindLabel } from './facets.ts';

/** 0: a name is the query; 1: a name contains every word; 2: otherwise. */
export function nameMatchRank(names: readonly string[], words: readonly string[]): 0 | 1 | 2 {
  if (words.length === 0) return 2;
  const normal = names.map(normalizeForSearch).filter(Boolean);
  const whole = words.join('');
  if (normal.some((n) => n === whole)) return 0;
  if (normal.some((n) => words.every((w) => n.includes(w)))) return 1;
  return 2;
}

/**
 * Whether a hub with these names and subjects is the page for the query: one
 * of them (two characters or more) is contained in the query, or contains a
 * whole query word.
 */
export function hubMatches(keys: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const whole = words.join('');
  return keys
    .map(normalizeForSearch)
    .filter((k) => [...k].length >= 2)
    .some((k) => whole.includes(k) || words.some((w) => k.includes(w)));
}

/** What a place's name ends with besides its own name: 都道府県市区町村, and their readings. */
const PLACE_ENDING = /(?:[都道府県市区町村]|し|く|ちょう|まち|むら|そん|と|どう|ふ|けん)$/u;

/** Whether a place name (or its reading) is the normalised word on its whole name: 東京都 for 東京, not 西東京市. */
export function isWholePlaceName(name: string, word: string): boolean {
  if ([...word].length < 2) return false;
  const n = normalizeForSearch(name);
  if (n === word) return true;
  const ending = PLACE_ENDING.exec(n);
  return ending !== null && n.slice(0, ending.index) === word;
}

/**
 * Whether a public body with these names (name, reading) is the page for the query: its whole name is a query
 * word (with or without 市・町 …), or the query contains its full name (大和市造園).
 */
export function placeHubMatches(names: readonly string[], words: readonly string[]): boolean {
  const whole = words.join('');
  return names.some(
    (n) =>
      [...normalizeForSearch(n)].length >= 2 &&
      (whole.includes(normalizeForSearch(n)) || words.some((w) => isWholePlaceName(n, w))),
  );
}

/** The query words that are the whole name of one of these places (the places of the results at hand). */
export function placeWords(words: readonly string[], places: readonly string[]): string[] {
  return words.filter((w) => places.some((p) => isWholePlaceName(p, w)));
}

/** What the reranking knows of one result (from its record). */
export interface RankedResult {
  /** Title and other names (resultNames). */
  names: readonly string[];
  /** A hub's subjects (resultSubjects). */
  subjects: readonly string[];
  /** It is a hub that matched in its hub field. */
  hub: boolean;
  /** It is an organisation's page (kind filter 組合): only those rise for a place word and another word. */
  organisation: boolean;
  /** Where it is, whole names (resultPlaces); a public body's own name among them. */
  places: readonly string[];
  /** Its text in normal form (names, labels and page text), to tell whether it holds the query's other words. */
  text: string;
}

/** How many of the place words this result is in (by a whole name). */
function placesMatched(r: RankedResult, places: readonly string[]): number {
  return places.filter((w) => r.places.some((p) => isWholePlaceName(p, w))).length;
}

/**
 * The rank of a result for one list of query words: tier × 100 minus the named places it is in (see above), so a
 * smaller number comes first. `places` are the query's place words (placeWords).
 */
export function resultRank(r: RankedResult, words: readonly string[], places: readonly string[]): number {
  const byName = nameMatchRank(r.names, words);
  if (byName === 0) return 0;
  const inPlaces = placesMatched(r, places);
  const others = words.filter((w) => !places.includes(w));
  // A public body has places; a category has none.
  const isBody = r.places.length > 0;
  if (r.organisation && places.length > 0 && others.length > 0 && inPlaces === places.length) {
    if (others.every((w) => r.text.includes(w))) return 100 - inPlaces;
  }
  if (r.hub) {
    const matches = isBody ? placeHubMatches(r.names, words) : hubMatches([...r.names, ...r.subjects], words);
    if (matches) return 200 - inPlaces;
  }
  return byName === 1 ? 300 : 400;
}

/** The rank of a result over several word lists (the query and its everyday-words alternatives): the best one. */
export function bestRank(
  r: RankedResult,
  wordLists: readonly (readonly string[])[],
  places: readonly string[],
): number {
  return Math.min(...wordLists.map((words) => resultRank(r, words, placeWords(words, places))));
}

/** Names of a result as Pagefind returns them: the title and the ' | '-separated other names (meta `aka`). */
export function resultNames(meta: Record<string, string | undefined>): string[] {
  return [meta.title ?? '', ...(meta.aka ?? '').split(/\s*\|\s*/)].filter(Boolean);
}

/** A hub's subjects as Pagefind returns them (meta `subjects`, ' | '-separated). */
export function resultSubjects(meta: Record<string, string | undefined>): string[] {
  return (meta.subjects ?? '').split(/\s*\|\s*/).filter(Boolean);
}

/** Where a result is, as Pagefind returns it (meta `places`, ' | '-separated whole names). */
export function resultPlaces(meta: Record<string, string | undefined>): string[] {
  return (meta.places ?? '').split(/\s*\|\s*/).filter(Boolean);
}

/** What the reranking needs of a result's record (its meta and page text); `hub`: it matched in its hub field. */
export function rankedResult(
  record: { content: string; meta: Record<string, string | undefined> },
  hub: boolean,
): RankedResult {
  const names = resultNames(record.meta);
  const { badge, categories, municipality, kind } = record.meta;
  let text: string | undefined;
  return {
    names,
    subjects: resultSubjects(record.meta),
    hub,
    organisation: !hub && kind === kindLabel('coop'),
    places: resultPlaces(record.meta),
    // Normalising a whole page's text is the costliest step of a rerank (tens of ms for the candidates of a query
    // on this machine) and only a query with a place word and another word reads it: done then, once.
    get text() {
      return (text ??= normalizeForSearch(
        [...names, badge, categories, municipality, record.content].filter(Boolean).join(' '),
      ));
    },
  };
}

/** The place names the query's words are looked up in: every result's places, and a public body's names (its reading). */
export function placePool(results: readonly RankedResult[]): string[] {
  return [...new Set(results.flatMap((r) => (r.places.length && r.hub ? [...r.places, ...r.names] : r.places)))];
}

/** Reorders items by rank, keeping the incoming order within a rank (a stable sort). */
export function rerank<T>(items: readonly T[], rank: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}
