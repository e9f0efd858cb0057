/**
 * The search page's state lives in its URL: `?q=造園&kind=組合&prefecture=神奈川県`
 * (a filter may repeat). Pure conversions between the URL, our state and
 * Pagefind's filter object.
 */

/** Folder of the Pagefind bundle inside the site (relative to the base). */
export const SEARCH_BUNDLE = 'pagefind/';

/** Filters the search page offers, in display order, with their Japanese labels. */
export const FILTER_GROUPS = [
  { key: 'kind', label: '種類' },
  { key: 'prefecture', label: '都道府県' },
  { key: 'category', label: '分野' },
] as const;

export type FilterKey = (typeof FILTER_GROUPS)[number]['key'];

/** What is being searched for. */
export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
}

const KEYS = new Set<string>(FILTER_GROUPS.map((g) => g.key));

/** Reads the state from URL parameters (unknown parameters are ignored, values deduplicated). */
export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [k, v] of params) {
    if (!KEYS.has(k) || !v.trim()) continue;
    const list = (filters[k as FilterKey] ??= []);
    if (!list.includes(v)) list.push(v);
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** Writes the state as a query string ('' when empty), q first, filters in display order. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const { key } of FILTER_GROUPS) for (const v of state.filters[key] ?? []) params.append(key, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether any filter is set. */
export function hasFilters(state: SearchState): boolean {
  return FILTER_GROUPS.some(({ key }) => (state.filters[key]?.length ?? 0) > 0);
}

/** Pagefind's filter object: values of one filter are alternatives (any), filters combine (all). */
export function pagefindFilters(
  filters: SearchState['filters'],
  without?: FilterKey,
): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const { key } of FILTER_GROUPS) {
    const values = filters[key];
    if (key !== without && values?.length) out[key] = { any: values };
  }
  return out;
}

/** The state with one filter value switched on or off. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key] ?? [];
  const next = on ? (current.includes(value) ? current : [...current, value]) : current.filter((v) => v !== value);
  return { q: state.q, filters: { ...state.filters, [key]: next } };
}
