/**
 * The map's filters (category, prefecture) and how they read from and
 * write to the page's URL query, so a filtered map can be shared. Shared by
 * the map script and its tests; no DOM, no Leaflet.
 */

/** Active filters; an absent key means "all". */
export interface MapFilter {
  category?: string | undefined;
  pref?: string | undefined;
}

/** What a filter is matched against: an organisation's categories and prefecture. */
export interface Filterable {
  categories: readonly string[];
  prefecture?: string | undefined;
}

/** Whether an organisation passes the filter (its categories include the chosen one; its prefecture is the chosen one). */
export function matchesFilter(item: Filterable, filter: MapFilter): boolean {
  if (filter.category && !item.categories.includes(filter.category)) return false;
  if (filter.pref && item.prefecture !== filter.pref) return false;
  return true;
}

/** Reads `?category=…&pref=…` from a query string, keeping only values that exist. */
export function parseFilter(
  search: string,
  known: { categories: ReadonlySet<string>; prefectures: ReadonlySet<string> },
): MapFilter {
  const params = new URLSearchParams(search);
  const category = params.get('category') ?? '';
  const pref = params.get('pref') ?? '';
  return {
    ...(known.categories.has(category) ? { category } : {}),
    ...(known.prefectures.has(pref) ? { pref } : {}),
  };
}

/** The query string for a filter ('' when nothing is chosen), keeping other parameters of `search` except `focus`. */
export function filterSearch(filter: MapFilter, search = ''): string {
  const params = new URLSearchParams(search);
  params.delete('focus');
  for (const key of ['category', 'pref'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const out = params.toString();
  return out ? `?${out}` : '';
}
