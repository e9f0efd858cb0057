/**
 * Everyday words (content/search-synonyms.yaml): groups of words people type
 * for one service (学童 / 学童保育 / 放課後児童クラブ). The table is data; this
 * module checks it against content/ and expands a query word to the other
 * words of its group in the search page. Pages and the index are not changed:
 * the expansion is extra Pagefind searches whose results are merged.
 */
import { normalizeForSearch } from './normalize.ts';

/** One group as written in the file. */
export interface SynonymGroup {
  words: string[];
  category: string;
  service?: string;
  note?: string;
}

/** The file's content. */
export interface SearchSynonyms {
  reviewed: string;
  groups: SynonymGroup[];
}

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

/** What the data check needs from content/: category ids and every service text organisations and contracts list. */
export interface SynonymContext {
  categories: ReadonlySet<string>;
  services: readonly string[];
}

/**
 * Problems of the table against content/: each group's category must exist
 * and its service must be written (in search normal form) in some
 * organisation's business or services or some contract; a word may belong to
 * one group only.
 */
export function synonymProblems(data: SearchSynonyms, ctx: SynonymContext): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const services = ctx.services.map(normalizeForSearch);
  const owner = new Map<string, number>();
  data.groups.forEach((g, i) => {
    if (!ctx.categories.has(g.category))
      problems.push({
        field: `groups[${i}].category`,
        message: `categories に "${g.category}" という id のエントリがありません`,
      });
    if (g.service !== undefined && !services.some((s) => s.includes(normalizeForSearch(g.service!)))) {
      problems.push({
        field: `groups[${i}].service`,
        message: `事業 "${g.service}" は content/ のどの組合の事業・事業一覧・委託事業にも書かれていません`,
      });
    }
    const normal = g.words.map(normalizeForSearch);
    normal.forEach((w, j) => {
      if (!w) problems.push({ field: `groups[${i}].words[${j}]`, message: '検索できる文字が含まれていません' });
      else if (owner.has(w) && owner.get(w) !== i)
        problems.push({
          field: `groups[${i}].words[${j}]`,
          message: `"${g.words[j]}" は groups[${owner.get(w)}] にもあります（語は一つのグループにだけ書いてください）`,
        });
      else owner.set(w, i);
    });
    if (new Set(normal.filter(Boolean)).size < 2)
      problems.push({
        field: `groups[${i}].words`,
        message: '検索上は同じ語になります（ひらがな・カタカナ、全角・半角の違いは言い換え不要です）',
      });
  });
  return problems;
}
