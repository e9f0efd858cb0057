/**
 * Everyday words (content/search-synonyms.yaml): groups of words people type
 * for one service (学童 / 学童保育 / 放課後児童クラブ). The table is data; this
 * module expands a query word to the other
 * words of its group in the search page. Pages and the index are not changed:
 * the expansion is extra Pagefind searches whose results are merged.
 */
import { normalizeForSearch } from '../lib/model/normal-form.ts';
import type { SynonymGroup } from '../lib/model/types.ts';

/** Groups in search normal form, longest word first (what the search page receives). */
export type SynonymTable = string[][];

/** The table the search page needs: each group's words normalised, empty and repeated words dropped. */
export function synonymTable(groups: readonly SynonymGroup[]): SynonymTable {
  return groups
    .map((g) =>
      [...new Set(g.words.map(normalizeForSearch).filter(Boolean))].sort((a, b) => [...b].length - [...a].length),
    )
    .filter((g) => g.length >= 2);
}

/** Most alternative forms of a query (each costs a Pagefind search and its index chunks; query.ts also caps the pieces). */
export const MAX_ALTERNATIVES = 3;

/**
 * Other forms of one normalised query word: where the word contains a word of
 * a group (the longest that fits), that part replaced by each other word of
 * the group. Forms that contain the word itself are left out (searching the
 * word already finds every page they would), as are repeats.
 */
export function wordAlternatives(word: string, table: SynonymTable): string[] {
  const out: string[] = [];
  const hits = table.flatMap((group) => {
    const hit = group.find((w) => [...w].length >= 2 && word.includes(w));
    return hit ? [{ group, hit }] : [];
  });
  // A word inside a longer matched word belongs to that one (デイ inside 放課後等デイサービス is not a デイサービス).
  const own = hits.filter(({ hit }) => !hits.some((h) => h.hit.length > hit.length && h.hit.includes(hit)));
  for (const { group, hit } of own) {
    for (const other of group) {
      if (other === hit) continue;
      const alt = word.split(hit).join(other);
      if (alt !== word && !alt.includes(word) && !out.includes(alt)) out.push(alt);
    }
  }
  // A form that contains another form finds nothing more than it (学童クラブ beside 学童).
  return out.filter((alt) => !out.some((o) => o !== alt && alt.includes(o)));
}

/**
 * Alternative word lists for a whole query: one word at a time replaced by
 * one of its alternatives (not every combination), at most `limit` of them.
 */
export function queryAlternatives(words: readonly string[], table: SynonymTable, limit = MAX_ALTERNATIVES): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    for (const alt of wordAlternatives(words[i]!, table)) {
      if (out.length >= limit) return out;
      out.push(words.map((w, j) => (j === i ? alt : w)));
    }
  }
  return out;
}
