/**
 * Everyday words (content/search-synonyms.yaml): groups of words people type
 * for one service (学童 / 学童保育 / 放課後児童クラブ). The table is data; this
 * module folds it into the index while pages are built: a page's name or
 * facet that holds a word of a group is indexed with that word replaced by
 * each other word of the group (`unitVariants`), so a query is one Pagefind
 * search whichever word of the group it uses. In the search page the same
 * table only says which words to highlight and rank by (`queryAlternatives`).
 */
import { normalizeForSearch } from '../lib/model/normal-form.ts';
import type { SynonymGroup } from '../lib/model/types.ts';
import { remembering, rememberedPer } from '../lib/model/remember.ts';

/** Groups in search normal form, longest word first (what the search page receives). */
export type SynonymTable = string[][];

/**
 * The table the index and the search page need: each group's words normalised, empty and repeated words dropped;
 * the same table for the same groups (every page of a build asks).
 */
export const synonymTable: (groups: readonly SynonymGroup[]) => SynonymTable = rememberedPer(tableOf);

function tableOf(groups: readonly SynonymGroup[]): SynonymTable {
  return groups
    .map((g) =>
      [...new Set(g.words.map(normalizeForSearch).filter(Boolean))].sort((a, b) => [...b].length - [...a].length),
    )
    .filter((g) => g.length >= 2);
}

/** Most alternative word lists of a query that the search page ranks and highlights by (they cost no search). */
export const MAX_ALTERNATIVES = 8;

/**
 * The words of the table a string holds, each with its group: per group the
 * longest that fits, and none inside a longer word held of another group
 * (デイ inside 放課後等デイサービス is not a デイサービス).
 */
function heldWords(text: string, table: SynonymTable): Array<{ group: string[]; hit: string }> {
  const hits = table.flatMap((group) => {
    const hit = group.find((w) => [...w].length >= 2 && text.includes(w));
    return hit ? [{ group, hit }] : [];
  });
  return hits.filter(({ hit }) => !hits.some((h) => h.hit.length > hit.length && h.hit.includes(hit)));
}

/**
 * Other forms of one normalised query word: where the word contains a word of
 * a group (the longest that fits), that part replaced by each other word of
 * the group. Forms that contain the word itself are left out (searching the
 * word already finds every page they would), as are repeats.
 */
export function wordAlternatives(word: string, table: SynonymTable): string[] {
  const out: string[] = [];
  for (const { group, hit } of heldWords(word, table)) {
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

/**
 * The forms a page's run (a normalised name or facet) is indexed under
 * besides itself: each word of the table it holds replaced by every other
 * word of that word's group, one word at a time (学童保育事業 → 学童事業,
 * 学童クラブ事業, 放課後児童クラブ事業). A query holding any word of the group
 * then finds the run by its own pieces, as the query-side expansion did.
 */
export function unitVariants(unit: string, table: SynonymTable): string[] {
  const out = new Set<string>();
  for (const { group, hit } of heldWords(unit, table)) {
    for (const other of group) if (other !== hit) out.add(unit.split(hit).join(other));
  }
  out.delete(unit);
  return [...out];
}

const foldOf = rememberedPer((table: SynonymTable) => remembering((u) => [u, ...unitVariants(u, table)]));

/** Runs with their variants (each run first, then its forms), remembered per table: the same runs recur on thousands of pages. */
export function withVariants(units: readonly string[], table: SynonymTable): string[] {
  if (table.length === 0) return [...units];
  return units.flatMap(foldOf(table));
}
