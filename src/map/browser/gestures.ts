/**
 * Cooperative gestures on a touch screen: one finger scrolls the page past
 * the map, two fingers move and zoom it. Leaflet has no option for this; the
 * plugin made for it (leaflet-gesture-handling, MIT) has had no release since
 * 2021 and brings 18 kB of messages in forty languages, and its maintained
 * fork is GPL-3.0, so these few lines do it with Leaflet's own parts: with
 * dragging off, Leaflet's CSS gives the map `touch-action: pan-x pan-y`
 * (https://github.com/Leaflet/Leaflet/blob/v1.9.4/dist/leaflet.css), so the
 * browser scrolls the page for one finger, while Leaflet's pinch handler
 * (TouchZoom) follows the centre of two fingers, which moves the map. A
 * mouse still drags: dragging is switched on for a mouse press and off for a
 * touch. One finger on the map shows a hint for a moment.
 */
import type * as Leaflet from 'leaflet';

/** How long the hint stays after the last one-finger move, in ms. */
const HINT_MS = 1500;

/** Turns cooperative gestures on for `map` when the device has a touch screen; `hint` is the element shown to one finger. */
export function cooperativeGestures(map: Leaflet.Map, hint: HTMLElement | null): void {
  if (!(navigator.maxTouchPoints > 0)) return;
  const container = map.getContainer();
  map.dragging.disable();
  container.dataset.gestures = 'cooperative';
  container.addEventListener(
    'pointerdown',
    (e) => {
      if (e.pointerType === 'mouse') map.dragging.enable();
      else map.dragging.disable();
    },
    { capture: true },
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (visible: boolean) => {
    if (hint) hint.hidden = !visible;
  };
  container.addEventListener(
    'touchmove',
    (e) => {
      if (e.touches.length !== 1) return show(false);
      show(true);
      clearTimeout(timer);
      timer = setTimeout(() => show(false), HINT_MS);
    },
    { passive: true },
  );
}
