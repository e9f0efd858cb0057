/**
 * What lies under the pins: 地理院タイル (淡色地図), and the prefecture
 * outlines in a pane beneath them, visible only where no tile is drawn, so
 * the map still shows Japan offline; a note says so when no tile loads.
 */
import type * as Leaflet from 'leaflet';
import { yieldToMain } from './yield.ts';

const TILE_URL = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
const TILE_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>';
const OUTLINE_ATTRIBUTION = '都道府県界: Natural Earth';

/** Prefecture outlines drawn per task: Leaflet projects and writes each one's SVG path at once (~200 ms for all 47 here). */
const OUTLINES_PER_TASK = 4;

/**
 * Adds the attribution prefix, the tiles and the outlines (when loaded) to `map`, a few outlines per task so that no long
 * task holds the page; shows `tileNote` when no tile loads. Resolves once every outline is drawn.
 */
export async function addBaseLayers(
  L: typeof Leaflet,
  map: Leaflet.Map,
  outlines: GeoJSON.FeatureCollection | undefined,
  maxZoom: number,
  tileNote: HTMLElement | null,
): Promise<void> {
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  const outlinePane = map.createPane('outlines');
  outlinePane.style.zIndex = '150';
  const tiles = L.tileLayer(TILE_URL, { minZoom: 5, maxZoom, attribution: TILE_ATTRIBUTION });
  let tileLoaded = false;
  tiles.on('tileload', () => (tileLoaded = true));
  tiles.on('tileerror', () => {
    if (!tileLoaded && tileNote?.hidden) tileNote.hidden = false;
  });
  tiles.addTo(map);
  if (!outlines) return;
  const layer = L.geoJSON(undefined, {
    pane: 'outlines',
    interactive: false,
    attribution: OUTLINE_ATTRIBUTION,
    style: { color: '#8c9691', weight: 1, fillColor: '#f7f7f2', fillOpacity: 1 },
  }).addTo(map);
  for (let i = 0; i < outlines.features.length; i += OUTLINES_PER_TASK) {
    if (i > 0) await yieldToMain();
    for (const feature of outlines.features.slice(i, i + OUTLINES_PER_TASK)) layer.addData(feature);
  }
}
