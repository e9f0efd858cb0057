/**
 * <coop-map>: upgrades the server-rendered list of organisations into a
 * clustered Leaflet map with filters. Leaflet, its plugin and the data are
 * loaded only once the element is on the page. Without JavaScript the
 * list stays as it is (the filters and the map area are hidden).
 *
 * Data attributes: data-geojson (the organisations), data-outlines
 * (prefecture outlines shown under the tiles, so the map still shows Japan
 * when no tile loads), data-base (the site's base path).
 */
import type * as Leaflet from 'leaflet';
import type { CoopFeature, CoopFeatureCollection } from '../lib/geojson.ts';
import { PRECISION_LABELS } from '../lib/precision.ts';
import { filterSearch, matchesFilter, parseFilter, type MapFilter } from '../lib/map-filter.ts';
import type { NearResult } from './near-me.ts';

type LeafletNS = typeof Leaflet;

const TILE_URL = 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png';
const TILE_ATTRIBUTION = '<a href="https://maps.gsi.go.jp/development/ichiran.html">地理院タイル</a>';
const OUTLINE_ATTRIBUTION = '都道府県界: Natural Earth';
/** Japan from Yonaguni to Nemuro, for the first view when there is no marker. */
const JAPAN: Leaflet.LatLngBoundsLiteral = [
  [24.0, 122.9],
  [45.6, 145.9],
];
/** Room kept free of markers and popups at the top left, where the zoom buttons sit (10 px margin, two 30 px buttons). */
const CONTROLS_TOP_LEFT: [number, number] = [56, 88];
/** Padding when fitting a view: clear of the zoom buttons at the top left. */
const FIT = { paddingTopLeft: CONTROLS_TOP_LEFT, paddingBottomRight: [24, 24] as [number, number] };

/** Waits for the next paint to have happened. */
const afterPaint = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text) e.textContent = props.text;
  e.append(...children);
  return e;
}

export class CoopMapElement extends HTMLElement {
  #started = false;
  #L?: LeafletNS;
  #map?: Leaflet.Map;
  #cluster?: Leaflet.MarkerClusterGroup;
  #markers = new Map<string, Leaflet.Marker>();
  #ids = new Map<Leaflet.Marker, string>();
  #features = new Map<string, CoopFeature>();
  #filter: MapFilter = {};
  #categoryLabels = new Map<string, string>();
  #keyboard = false;
  /** Bounds of every marker: the first view, and the view when no filter is set. */
  #allBounds?: Leaflet.LatLngBounds;
  #settle?: () => void;
  #pending = -1;
  #ready: Promise<void> = new Promise((ok) => (this.#settle = ok));
  /** Milliseconds from navigation to the first drawing of the clustered markers (read by the benchmark). */
  readyAt?: number;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.dataset.state = 'loading';
    this.#start().catch((error: unknown) => this.#fail(error));
  }

  /** Number of markers in the cluster layer (test hook; counts layers, not DOM). */
  markerCount(): number {
    return this.#cluster?.getLayers().length ?? 0;
  }

  /** Ids of the organisations whose markers are in the cluster layer (test hook). */
  shownIds(): string[] {
    return (this.#cluster?.getLayers() ?? []).map((m) => this.#ids.get(m as Leaflet.Marker) ?? '');
  }

  /** The current view (test hook): its zoom, the zoom that would show all of Japan, and how many markers lie inside it. */
  view(): { zoom: number; japanZoom: number; inside: number; total: number } {
    const map = this.#map;
    if (!map) return { zoom: 0, japanZoom: 0, inside: 0, total: 0 };
    const bounds = map.getBounds();
    const all = [...this.#markers.values()];
    return { zoom: map.getZoom(), japanZoom: map.getBoundsZoom(JAPAN), inside: all.filter((m) => bounds.contains(m.getLatLng())).length, total: all.length };
  }

  /** Resolves when the markers for the current filter are clustered and drawn. */
  whenReady(): Promise<void> {
    return this.#ready;
  }

  get #categorySelect() {
    return this.querySelector<HTMLSelectElement>('select[name="category"]');
  }

  get #prefSelect() {
    return this.querySelector<HTMLSelectElement>('select[name="pref"]');
  }

  async #start(): Promise<void> {
    performance.mark('coop-map:start');
    const { geojson, outlines: outlinesUrl } = this.dataset;
    if (!geojson) throw new Error('data-geojson がありません');
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
    for (const note of this.querySelectorAll<HTMLElement>('[data-no-js]')) note.hidden = true;

    for (const option of this.#categorySelect?.options ?? []) if (option.value) this.#categoryLabels.set(option.value, option.dataset.label ?? option.text);
    const prefectures = new Set([...(this.#prefSelect?.options ?? [])].map((o) => o.value).filter(Boolean));
    this.#filter = parseFilter(location.search, { categories: new Set(this.#categoryLabels.keys()), prefectures });
    if (this.#categorySelect) this.#categorySelect.value = this.#filter.category ?? '';
    if (this.#prefSelect) this.#prefSelect.value = this.#filter.pref ?? '';
    this.#applyToList();
    for (const select of [this.#categorySelect, this.#prefSelect]) select?.addEventListener('change', () => this.#onFilterChange());
    this.addEventListener('keydown', () => (this.#keyboard = true), true);
    this.addEventListener('near-me-result', (e) => this.#showNear((e as CustomEvent<NearResult>).detail));
    this.addEventListener('pointerdown', () => (this.#keyboard = false), true);

    const [{ L }, data, outlines] = await Promise.all([
      import('./leaflet.ts'),
      fetchJson<CoopFeatureCollection>(geojson),
      outlinesUrl ? fetchJson<GeoJSON.FeatureCollection>(outlinesUrl).catch(() => undefined) : Promise.resolve(undefined),
    ]);
    performance.mark('coop-map:loaded');
    this.#L = L;
    const canvas = this.querySelector<HTMLElement>('[data-map-canvas]');
    if (!canvas) throw new Error('地図の領域がありません');
    const map = (this.#map = L.map(canvas, { zoomControl: false, minZoom: 4, maxZoom: 17, keyboard: true }));
    L.control.zoom({ zoomInTitle: '拡大', zoomOutTitle: '縮小' }).addTo(map);
    // Markers and clusters are role="button": Leaflet answers Enter; Space should work too.
    canvas.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (e.key === ' ' && target.matches('.leaflet-marker-icon[role="button"]')) {
        e.preventDefault();
        target.click();
      }
    });
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');

    // Outlines sit in a pane under the tiles: visible only where no tile is drawn.
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
    const tiles = L.tileLayer(TILE_URL, { minZoom: 5, maxZoom: 17, attribution: TILE_ATTRIBUTION });
    let tileLoaded = false;
    tiles.on('tileload', () => (tileLoaded = true));
    tiles.on('tileerror', () => {
      const note = this.querySelector<HTMLElement>('[data-tile-note]');
      if (!tileLoaded && note?.hidden) note.hidden = false;
    });
    tiles.addTo(map);
    // The first view fits the organisations (not the whole of Japan, small).
    const points = data.features.map((f) => L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]));
    if (points.length) this.#allBounds = L.latLngBounds(points);
    this.#fitAll();

    const cluster = (this.#cluster = L.markerClusterGroup({
      chunkedLoading: true,
      // One frame between chunks keeps the page responsive; the default 50 ms mostly adds waiting.
      chunkDelay: 16,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      maxClusterRadius: 60,
      iconCreateFunction: (c) => {
        const n = c.getChildCount();
        const size = n < 10 ? 34 : n < 100 ? 40 : n < 1000 ? 46 : 52;
        return L.divIcon({
          className: 'ra-cluster',
          iconSize: [size, size],
          html: `<span aria-hidden="true">${n}</span><span class="visually-hidden">${n}団体のまとまり。選ぶと拡大します</span>`,
        });
      },
      chunkProgress: (done, total) => {
        // Only the call that finishes the current batch settles it (adding the group to the map reports an empty batch first).
        if (done !== total || total !== this.#pending) return;
        const settle = this.#settle;
        void afterPaint().then(() => settle?.());
      },
    }));
    cluster.on('click', (e) => this.#openPopup((e as Leaflet.LeafletEvent & { layer: Leaflet.Marker }).layer));
    map.on('popupopen', (e) => this.#onPopupOpen(e.popup));
    map.on('popupclose', (e) => this.#onPopupClose(e.popup));

    const icons = {
      address: L.divIcon({ className: 'ra-pin ra-pin-address', iconSize: [18, 18] }),
      municipality: L.divIcon({ className: 'ra-pin ra-pin-municipality', iconSize: [18, 18] }),
      prefecture: L.divIcon({ className: 'ra-pin ra-pin-prefecture', iconSize: [18, 18] }),
    };
    for (const feature of data.features) {
      const p = feature.properties;
      const [lng, lat] = feature.geometry.coordinates;
      const marker = L.marker([lat, lng], {
        icon: icons[p.precision],
        title: `${p.name}（${p.placeName}・${PRECISION_LABELS[p.precision]}）`,
        keyboard: true,
        riseOnHover: true,
      });
      this.#features.set(p.id, feature);
      this.#markers.set(p.id, marker);
      this.#ids.set(marker, p.id);
    }
    performance.mark('coop-map:markers');
    await this.#applyToMap(Boolean(this.#filter.category || this.#filter.pref));
    performance.mark('coop-map:ready');
    this.readyAt = performance.now();
    this.dataset.state = 'ready';

    const focus = new URLSearchParams(location.search).get('focus');
    const target = focus ? this.#markers.get(focus) : undefined;
    if (target && cluster.hasLayer(target)) cluster.zoomToShowLayer(target, () => this.#openPopup(target));
  }

  #onFilterChange(): void {
    this.#filter = {
      ...(this.#categorySelect?.value ? { category: this.#categorySelect.value } : {}),
      ...(this.#prefSelect?.value ? { pref: this.#prefSelect.value } : {}),
    };
    history.replaceState(history.state, '', `${location.pathname}${filterSearch(this.#filter, location.search)}${location.hash}`);
    this.#applyToList();
    if (this.#cluster) void this.#applyToMap(true);
  }

  /** Shows the list items (and their prefecture groups) that pass the filter; updates the count. */
  #applyToList(): void {
    let shown = 0;
    const items = this.querySelectorAll<HTMLElement>('[data-map-item]');
    for (const item of items) {
      const visible = matchesFilter({ categories: (item.dataset.categories ?? '').split(' ').filter(Boolean), prefecture: item.dataset.pref }, this.#filter);
      item.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of this.querySelectorAll<HTMLElement>('[data-map-group]')) group.hidden = !group.querySelector('[data-map-item]:not([hidden])');
    const status = this.querySelector<HTMLElement>('[data-map-status]');
    if (status)
      status.textContent = shown === items.length ? `全${items.length}団体を表示しています。` : `${items.length}団体のうち${shown}団体を表示しています。`;
    const empty = this.querySelector<HTMLElement>('[data-map-empty]');
    if (empty) empty.hidden = shown > 0;
  }

  /** Puts the markers that pass the filter into the cluster layer. */
  async #applyToMap(fit: boolean): Promise<void> {
    const cluster = this.#cluster!;
    const markers = [...this.#features.values()].filter((f) => matchesFilter(f.properties, this.#filter)).map((f) => this.#markers.get(f.properties.id)!);
    this.#ready = new Promise((ok) => (this.#settle = ok));
    this.#pending = markers.length;
    this.#map?.closePopup();
    cluster.clearLayers();
    cluster.addLayers(markers);
    // The first time, the group joins the map only now: markercluster then clusters the whole batch at once, which is faster.
    if (this.#map && !this.#map.hasLayer(cluster)) cluster.addTo(this.#map);
    if (fit) {
      if (markers.length && (this.#filter.category || this.#filter.pref))
        this.#map?.fitBounds(this.#L!.latLngBounds(markers.map((m) => m.getLatLng())), { ...FIT, maxZoom: 11 });
      else this.#fitAll();
    }
    await this.#ready;
  }

  #fitAll(): void {
    if (this.#allBounds) this.#map?.fitBounds(this.#allBounds, { ...FIT, maxZoom: 11 });
    else this.#map?.fitBounds(JAPAN);
  }

  /** Shows the place a "near me" search started from and the organisations it found. */
  #showNear(detail: NearResult): void {
    const L = this.#L;
    if (!L || !this.#map) return;
    const points = [
      L.latLng(detail.from.lat, detail.from.lng),
      ...detail.ids.slice(0, 5).flatMap((id) => (this.#markers.get(id) ? [this.#markers.get(id)!.getLatLng()] : [])),
    ];
    this.#map.fitBounds(L.latLngBounds(points), { ...FIT, maxZoom: 12 });
  }

  #openPopup(marker: Leaflet.Marker): void {
    if (!marker.getPopup()) {
      const id = this.#ids.get(marker);
      const feature = id ? this.#features.get(id) : undefined;
      if (!feature) return;
      // A popup is panned clear of the zoom buttons at the top left, and of the edges elsewhere.
      marker.bindPopup(() => this.#popupContent(feature), { maxWidth: 280, autoPanPaddingTopLeft: CONTROLS_TOP_LEFT, autoPanPaddingBottomRight: [20, 20] });
    }
    marker.openPopup();
  }

  #popupContent(feature: CoopFeature): HTMLElement {
    const p = feature.properties;
    const link = el('a', { text: p.name });
    link.href = `${this.dataset.base ?? '/'}${p.page}`;
    const categories = p.categories.map((c) => this.#categoryLabels.get(c) ?? c).join('、');
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

  #onPopupOpen(popup: Leaflet.Popup): void {
    const root = popup.getElement();
    root?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', '閉じる');
    if (this.#keyboard) root?.querySelector<HTMLElement>('.ra-popup a')?.focus();
  }

  #onPopupClose(popup: Leaflet.Popup): void {
    // Give focus back to the marker (or the map) when it was inside the closing popup, so it is never lost.
    const root = popup.getElement();
    if (!this.#keyboard || !root || !(root.contains(document.activeElement) || document.activeElement === document.body)) return;
    const source = (popup as unknown as { _source?: Leaflet.Marker })._source?.getElement();
    (source?.isConnected ? source : this.#map?.getContainer())?.focus();
  }

  #fail(error: unknown): void {
    this.dataset.state = 'error';
    const note = this.querySelector<HTMLElement>('[data-map-error]');
    if (note) note.hidden = false;
    console.error(error);
  }
}

if (!customElements.get('coop-map')) customElements.define('coop-map', CoopMapElement);
