/**
 * A pin's popup: its name linking to its page, where it is, its fields and
 * how exact its point is; and focus handling, so a keyboard user lands in
 * the popup and goes back to the marker when it closes.
 */
import type * as Leaflet from 'leaflet';
import type { MapPin } from '../pins.ts';
import { PRECISION_LABELS } from '../precision.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text) e.textContent = props.text;
  e.append(...children);
  return e;
}

/** The popup's content for one organisation; `base` is the site's base path, `categoryLabels` names its fields. */
export function popupContent(feature: MapPin, base: string, categoryLabels: ReadonlyMap<string, string>): HTMLElement {
  const p = feature.properties;
  const link = el('a', { text: p.name });
  link.href = `${base}${p.page}`;
  const categories = p.categories.map((c) => categoryLabels.get(c) ?? c).join('、');
  const precision = `位置: ${PRECISION_LABELS[p.precision]}${p.precision === 'address' ? '' : '（所在地の座標は未確認です）'}`;
  return el(
    'div',
    { className: 'ra-popup' },
    el('p', { className: 'ra-popup-name' }, link),
    el('p', { text: p.placeName }),
    ...(categories ? [el('p', { text: `分野: ${categories}` })] : []),
    el('p', { className: 'ra-popup-precision', text: precision }),
  );
}

/** Labels the close button and, for a keyboard user, moves focus into an opening popup and back to its marker when it closes. */
export function keepPopupFocus(map: Leaflet.Map, keyboard: () => boolean): void {
  map.on('popupopen', (e) => {
    const root = e.popup.getElement();
    root?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', '閉じる');
    if (keyboard()) root?.querySelector<HTMLElement>('.ra-popup a')?.focus();
  });
  map.on('popupclose', (e) => {
    // Give focus back to the marker (or the map) when it was inside the closing popup, so it is never lost.
    const root = e.popup.getElement();
    if (!keyboard() || !root || !(root.contains(document.activeElement) || document.activeElement === document.body))
      return;
    const source = (e.popup as unknown as { _source?: Leaflet.Marker })._source?.getElement();
    (source?.isConnected ? source : map.getContainer())?.focus();
  });
}
