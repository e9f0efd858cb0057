/**
 * A tie-breaker on top of Pagefind's ranking: a page whose name (title or
 * recorded other name) is exactly the query comes first, then pages whose
 * name holds every query word. Pagefind scores all name matches alike, so
 * 「センター事業団」 would otherwise not put センター事業団 itself above its
 * eight regional headquarters.
 */
import { normalizeForSearch } from './search-normalize.ts';

/** 0: a name is the query; 1: a name contains every word; 2: otherwise. */
export function nameMatchRank(names: readonly string[], words: readonly string[]): 0 | 1 | 2 {
  if (words.length === 0) return 2;
  const normal = names.map(normalizeForSearch).filter(Boolean);
  const whole = words.join('');
  if (normal.some((n) => n === whole)) return 0;
  if (normal.some((n) => words.every((w) => n.includes(w)))) return 1;
  return 2;
}

/** Names of a result as Pagefind returns them: the title and the ' | '-separated other names (meta `aka`). */
export function resultNames(meta: Record<string, string | undefined>): string[] {
  return [meta.title ?? '', ...(meta.aka ?? '').split(/\s*\|\s*/)].filter(Boolean);
}

/** Reorders items by rank, keeping the incoming order within a rank (a stable sort). */
export function rerank<T>(items: readonly T[], rank: (item: T) => number): T[] {
  return items.map((item, i) => ({ item, i, r: rank(item) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.item);
}
