/**
 * The list under the map, kept in step with the map's filters: each entry
 * (and its prefecture group) shown when it passes, or, for a list too long
 * for one page, each prefecture's link with how many of its organisations
 * pass; and the count the status line announces.
 */
import { matchesFilter, type MapFilter } from '../filter.ts';
import type { MapPin } from '../pins.ts';

/** Shows the list items (and their prefecture groups) that pass the filter; updates the count. `pins` once the map's data has loaded. */
export function applyFilterToList(root: HTMLElement, filter: MapFilter, pins: Iterable<MapPin> | undefined): void {
  const links = root.querySelectorAll<HTMLElement>('[data-map-pref-link]');
  if (links.length) return applyToPrefLinks(root, links, filter, pins);
  let shown = 0;
  const items = root.querySelectorAll<HTMLElement>('[data-map-item]');
  for (const item of items) {
    const visible = matchesFilter(
      { categories: (item.dataset.categories ?? '').split(' ').filter(Boolean), prefecture: item.dataset.pref },
      filter,
    );
    item.hidden = !visible;
    if (visible) shown++;
  }
  for (const group of root.querySelectorAll<HTMLElement>('[data-map-group]'))
    group.hidden = !group.querySelector('[data-map-item]:not([hidden])');
  showCount(root, shown, items.length);
}

/**
 * A list too long for the page is a link per prefecture: shows the prefectures with organisations that pass the filter and
 * their number (counted from the map's data once it is loaded; before that, the prefecture filter alone).
 */
function applyToPrefLinks(
  root: HTMLElement,
  links: NodeListOf<HTMLElement>,
  filter: MapFilter,
  pins: Iterable<MapPin> | undefined,
): void {
  const counts = new Map<string, number>();
  let total = 0;
  let shown = 0;
  if (pins) {
    for (const f of pins) {
      total++;
      if (!matchesFilter(f.properties, filter)) continue;
      shown++;
      const key = f.properties.prefecture ?? 'none';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const li of links) {
    const pref = li.dataset.pref ?? '';
    const n = pins ? (counts.get(pref) ?? 0) : !filter.pref || filter.pref === pref ? Number(li.dataset.total) : 0;
    if (!pins) {
      total += Number(li.dataset.total);
      shown += n;
    }
    li.hidden = n === 0;
    const count = li.querySelector('[data-count]');
    if (count) count.textContent = String(n);
  }
  showCount(root, shown, total);
}

function showCount(root: HTMLElement, shown: number, total: number): void {
  const status = root.querySelector<HTMLElement>('[data-map-status]');
  if (status)
    status.textContent =
      shown === total ? `全${total}団体を表示しています。` : `${total}団体のうち${shown}団体を表示しています。`;
  const empty = root.querySelector<HTMLElement>('[data-map-empty]');
  if (empty) empty.hidden = shown > 0;
}
