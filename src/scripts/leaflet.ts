/**
 * Leaflet with the markercluster plugin. Both packages are UMD builds:
 * Leaflet puts itself on window.L and the plugin extends window.L, so the
 * import order below matters and L is read from the global afterwards.
 * Imported dynamically by the map element only. Their CSS comes with them
 * rather than in the page's stylesheet, where 13 kB of rules nothing uses
 * before the map starts blocked the first paint: this module resolves once
 * it is linked and loaded, placed before the page's own stylesheet so the
 * cascade is what it was when the page linked it first.
 */
import 'leaflet';
import 'leaflet.markercluster';
import leafletCss from 'leaflet/dist/leaflet.css?url';
import clusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?url';

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

const pageSheet = document.head.querySelector('link[rel="stylesheet"]');
await Promise.all([stylesheet(leafletCss, pageSheet), stylesheet(clusterCss, pageSheet)]);

/** The Leaflet namespace, with MarkerClusterGroup. */
export const L = (globalThis as unknown as { L: typeof import('leaflet') }).L;
