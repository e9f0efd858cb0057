/**
 * Leaflet with the markercluster plugin. Both packages are UMD builds:
 * Leaflet puts itself on window.L and the plugin extends window.L, so the
 * import order below matters and L is read from the global afterwards.
 * Imported dynamically by the map element only.
 */
import './leaflet-css.ts';
import 'leaflet';
import 'leaflet.markercluster';

/** The Leaflet namespace, with MarkerClusterGroup. */
export const L = (globalThis as unknown as { L: typeof import('leaflet') }).L;
