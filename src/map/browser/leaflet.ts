/**
 * Leaflet, imported dynamically by the map element only. The package is a
 * UMD build that puts itself on window.L; L is read from the global.
 */
import 'leaflet';

/** The Leaflet namespace. */
export const L = (globalThis as unknown as { L: typeof import('leaflet') }).L;
