/**
 * Our order on top of Pagefind's scores, in tiers (a stable sort, so Pagefind's
 * order stays within a tier):
 *
 *  0. a page whose name (title or recorded other name) is exactly the query;
 *  1. a hub page — the page *for* a category or a public body — whose name or
 *     subject (a category's listed services) the query contains, or that
 *     contains a query word: 「学童保育」 puts 子育て支援 first, 「大和市 造園」
 *     puts 大和市 first, then the organisations that match;
 *  2. a page whose name holds every query word;
 *  3. everything else.
 *
 * Hubs are known from the index itself: their names and subjects are indexed in
 * their own field (fields.ts), which Pagefind reports as matched.
 */
import { normalizeForSearch } from '../lib/model/normal-form.ts';

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

/** The tier of a result (see above); `hub` says whether the page is a hub that matched in its hub field. */
export function resultTier(
  names: readonly string[],
  subjects: readonly string[],
  hub: boolean,
  words: readonly string[],
): 0 | 1 | 2 | 3 {
  const byName = nameMatchRank(names, words);
  if (byName === 0) return 0;
  if (hub && hubMatches([...names, ...subjects], words)) return 1;
  return byName === 1 ? 2 : 3;
}

/** Names of a result as Pagefind returns them: the title and the ' | '-separated other names (meta `aka`). */
export function resultNames(meta: Record<string, string | undefined>): string[] {
  return [meta.title ?? '', ...(meta.aka ?? '').split(/\s*\|\s*/)].filter(Boolean);
}

/** A hub's subjects as Pagefind returns them (meta `subjects`, ' | '-separated). */
export function resultSubjects(meta: Record<string, string | undefined>): string[] {
  return (meta.subjects ?? '').split(/\s*\|\s*/).filter(Boolean);
}

/** Reorders items by rank, keeping the incoming order within a rank (a stable sort). */
export function rerank<T>(items: readonly T[], rank: (item: T) => number): T[] {
  return items
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.item);
}
