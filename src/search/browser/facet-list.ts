/** The search page's facets: a fieldset of checkboxes with counts per filter group (the island's DOM part). */
import { FILTER_GROUPS, hasFilters, type FilterKey, type SearchState } from '../url.ts';

type Counts = Record<string, Record<string, number>>;

/**
 * Renders the facets into `box`: each group's values with a count (selected values always, others when they have
 * results), in the site's order, then a button to clear every filter. Focus stays on the checkbox it was on.
 */
export function renderFacets(
  box: HTMLElement,
  counts: Counts,
  state: SearchState,
  order: Partial<Record<FilterKey, string[]>>,
  clearAll: () => void,
): void {
  const focused =
    document.activeElement instanceof HTMLInputElement && box.contains(document.activeElement)
      ? `${document.activeElement.name}=${document.activeElement.value}`
      : undefined;
  box.replaceChildren();
  for (const { key, label } of FILTER_GROUPS) {
    const selected = state.filters[key] ?? [];
    const values = Object.entries(counts[key] ?? {}).filter(([v, c]) => c > 0 || selected.includes(v));
    for (const v of selected) if (!values.some(([x]) => x === v)) values.push([v, 0]);
    if (values.length === 0) continue;
    const known = order[key] ?? [];
    const rank = (v: string) => (known.includes(v) ? known.indexOf(v) : known.length);
    values.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'ja'));
    const fieldset = box.appendChild(document.createElement('fieldset'));
    fieldset.className = 'facet-group';
    fieldset.appendChild(document.createElement('legend')).textContent = label;
    const ul = fieldset.appendChild(document.createElement('ul'));
    for (const [value, count] of values) {
      const labelEl = ul.appendChild(document.createElement('li')).appendChild(document.createElement('label'));
      const input = labelEl.appendChild(document.createElement('input'));
      input.type = 'checkbox';
      input.name = key;
      input.value = value;
      input.checked = selected.includes(value);
      labelEl.append(value);
      const c = labelEl.appendChild(document.createElement('span'));
      c.className = 'count';
      c.textContent = `${count}件`;
      if (focused === `${key}=${value}`) queueMicrotask(() => input.focus());
    }
  }
  if (hasFilters(state)) {
    const clear = box.appendChild(document.createElement('button'));
    clear.type = 'button';
    clear.className = 'facet-clear';
    clear.textContent = '絞り込みをすべて外す';
    clear.addEventListener('click', clearAll);
  }
  if (box.childElementCount === 0) box.textContent = '絞り込める項目はありません。';
}
