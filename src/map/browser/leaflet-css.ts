/**
 * Leaflet's CSS, linked when the map loads Leaflet (src/map/browser/coop-map.ts asks
 * for both at once, so the sheet is not fetched only after the chunk has run) rather
 * than carried in the map page's stylesheet, where about 15 kB of rules that nothing
 * uses before the map starts blocked the first paint. The map waits for the sheet
 * as well as the chunk, so nothing is drawn unstyled. It goes before the page's own
 * stylesheet (or, under `astro dev`, its <style>s), so the cascade is what it was
 * when the page linked it first. A same-origin file: the CSP's `style-src 'self'`
 * allows it.
 */
import leafletCss from 'leaflet/dist/leaflet.css?url';

function stylesheet(href: string, before: Element | null): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((ok, fail) => {
    link.addEventListener('load', () => ok());
    link.addEventListener('error', () => fail(new Error(`${href} を読み込めません`)));
  });
  document.head.insertBefore(link, before);
  return loaded;
}

let loaded: Promise<void> | undefined;

/** Links Leaflet's stylesheet (once) and resolves when it has loaded. */
export function loadLeafletCss(): Promise<void> {
  loaded ??= stylesheet(leafletCss, document.head.querySelector('link[rel="stylesheet"], style'));
  return loaded;
}
