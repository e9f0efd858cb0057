/**
 * What lies under the pins: 地理院タイル (淡色地図), and the prefecture
 * outlines in a pane beneath them, visible only where no tile is drawn, so
 * the map still shows Japan offline; a note says so when no tile loads.
 */
import type * as Leaflet from 'leaflet';

const TILE_URL = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
const TILE_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>';
const OUTLINE_ATTRIBUTION = '都道府県界: Natural Earth';

/** Adds the attribution prefix, the outlines (when loaded) and the tiles to `map`; shows `tileNote` when no tile loads. */
export function addBaseLayers(
  L: typeof Leaflet,
  map: Leaflet.Map,
  outlines: GeoJSON.FeatureCollection | undefined,
  maxZoom: number,
  tileNote: HTMLElement | null,
): void {
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  const outlinePane = map.createPane('outlines');
  outlinePane.style.zIndex = '150';
  if (outlines) {
    L.geoJSON(outlines, {
      pane: 'outlines',
      interactive: false,
      attribution: OUTLINE_ATTRIBUTION,
      style: { color: '#8c9691', weight: 1, fillColor: '#f7f7f2', fillOpacity: 1 },
    }).addTo(map);
  }
  const tiles = L.tileLayer(TILE_URL, { minZoom: 5, maxZoom, attribution: TILE_ATTRIBUTION });
  let tileLoaded = false;
  tiles.on('tileload', () => (tileLoaded = true));
  tiles.on('tileerror', () => {
    if (!tileLoaded && tileNote?.hidden) tileNote.hidden = false;
  });
  tiles.addTo(map);
}
