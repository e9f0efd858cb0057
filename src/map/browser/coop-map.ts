/**
 * <coop-map>: upgrades the server-rendered list of organisations into a
 * clustered Leaflet map with filters. Leaflet and the pin file are fetched
 * once the page's text is on screen and the map's canvas is on screen or
 * nearly (on a phone it is below the near-me box: until the reader scrolls to
 * it, asks for places near them or follows a link to one organisation's pin,
 * nothing of the map is loaded); the clusters are drawn first, then the
 * outlines. The filters work on the list from the start.
 * Without JavaScript the list stays as it is (filters and map hidden).
 *
 * Clustering is Supercluster's (a k-d tree per zoom; at 10,000 points
 * about 130 ms of this thread with the drawing, and reading the pins 30–45 ms
 * more); only the clusters and
 * pins inside the view (plus a margin) exist as Leaflet markers, redrawn after
 * each move. At the closest zoom, pins that share a point are spread around it.
 * The first view, unfiltered, is drawn from a small file of the clusters at
 * the widest zooms (/data/map-overview.json, src/map/overview.ts); the map then
 * reads the pin file, clusters every pin itself and draws the same markers
 * again, which stay.
 *
 * Data attributes: data-pins (the organisations: /data/map-pins.json, the
 * map's compact copy of /data/coops.geojson, see src/map/pins.ts), data-overview
 * (the clusters of its first views, src/map/overview.ts), data-outlines
 * (prefecture outlines shown under the tiles, so the map still shows Japan
 * when no tile loads), data-base (the site's base path).
 */
import type * as Leaflet from 'leaflet';
import Supercluster, { type AnyProps, type ClusterFeature, type ClusterProperties } from 'supercluster';
import { decodePins, type MapPin, type MapPinsFile } from '../pins.ts';
import { boundsOf, overviewAt, usableOverview } from '../overview.ts';
import { CLUSTER_OPTIONS, FIT_MAX_ZOOM, MAX_ZOOM, MIN_ZOOM } from '../clusters.ts';
import { groupByPosition, spreadOffsets } from '../spread.ts';
import { PRECISION_LABELS } from '../precision.ts';
import { filterSearch, matchesFilter, parseFilter, type MapFilter } from '../filter.ts';
import type { NearResult } from './near-me.ts';
import { applyFilterToList } from './map-list.ts';
import { keepPopupFocus, popupContent } from './popup.ts';
import { cooperativeGestures } from './gestures.ts';
import { addBaseLayers } from './base-layers.ts';
import { loadLeafletCss } from './leaflet-css.ts';
import { yieldToMain } from './yield.ts';
import { afterFirstContentfulPaint, afterPaint, nearView } from './waits.ts';

type LeafletNS = typeof Leaflet;

/** Japan from Yonaguni to Nemuro, for the first view when there is no marker. */
const JAPAN: Leaflet.LatLngBoundsLiteral = [
  [24.0, 122.9],
  [45.6, 145.9],
];
/** Room kept free of markers and popups at the top left, where the zoom buttons sit (10 px margin, two 30 px buttons). */
const CONTROLS_TOP_LEFT: [number, number] = [56, 88];
/** Padding when fitting a view: clear of the zoom buttons at the top left. */
const FIT = { paddingTopLeft: CONTROLS_TOP_LEFT, paddingBottomRight: [24, 24] as [number, number] };

async function readJson<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

async function fetchJson<T>(url: string): Promise<T> {
  return readJson<T>(await fetch(url));
}

type Drawn = MapPin | ClusterFeature<AnyProps>;

/** Runs `action` when Enter is pressed on a marker (Leaflet itself answers Enter only on markers that already have a popup). */
function onEnter(marker: Leaflet.Marker, action: () => void): void {
  marker.on('keypress', (e) => {
    if (e.originalEvent.key === 'Enter') action();
  });
}

export class CoopMapElement extends HTMLElement {
  #started = false;
  #L?: LeafletNS;
  #map?: Leaflet.Map;
  /** Every organisation, by id, in the order of the data. */
  #features = new Map<string, MapPin>();
  /** The organisations that pass the filter, clustered. */
  #index?: Supercluster<MapPin['properties']>;
  /** Resolves once the map has clustered the organisations itself. */
  #whenIndexed: Promise<void>;
  #indexed: () => void = () => undefined;
  /** The overview file, while the map draws its first view from it (until #index is there). */
  #overview?: MapPinsFile | undefined;
  #shown: MapPin[] = [];
  /** The markers on the map now, by key (a pin's id, or a cluster's id in this index generation). */
  #drawn = new Map<string, Leaflet.Marker>();
  /** Pin markers, made once per organisation when first drawn. */
  #pins = new Map<string, Leaflet.Marker>();
  #pinOffset = new Map<string, string>();
  /** The organisation of each pin marker. */
  #pinOf = new Map<Leaflet.Marker, MapPin>();
  #generation = 0;
  #layer?: Leaflet.LayerGroup;
  #icons?: Record<MapPin['properties']['precision'], Leaflet.DivIcon>;
  #filter: MapFilter = {};
  #categoryLabels = new Map<string, string>();
  #keyboard = false;
  #controls = false;
  /** Bounds of every marker: the first view, and the view when no filter is set. */
  #allBounds?: Leaflet.LatLngBounds;
  #ready: Promise<void> = new Promise(() => undefined);
  /** Loads the map now, wherever its canvas is (a near-me answer asks for it). */
  #want: () => void = () => undefined;
  /** The last near-me answer, shown on the map once it is there. */
  #near?: NearResult;
  /**
   * Milliseconds from navigation to the first drawing of the clustered markers (read by the benchmark); data-state is
   * then "drawn", and "ready" once the outlines, the list and the filters are set up too.
   */
  readyAt?: number;

  constructor() {
    super();
    this.#whenIndexed = new Promise((ok) => (this.#indexed = ok));
  }

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    this.dataset.state = 'loading';
    this.#start().catch((error: unknown) => this.#fail(error));
  }

  /** Number of organisations on the map for the current filter, clustered or not (test hook). */
  markerCount(): number {
    return this.#shown.length;
  }

  /** Ids of the organisations on the map for the current filter (test hook). */
  shownIds(): string[] {
    return this.#shown.map((f) => f.properties.id);
  }

  /** The current view (test hook): its centre and zoom, the zoom that would show all of Japan, and how many organisations lie inside it. */
  view(): { lat: number; lng: number; zoom: number; japanZoom: number; inside: number; total: number } {
    const map = this.#map;
    if (!map) return { lat: 0, lng: 0, zoom: 0, japanZoom: 0, inside: 0, total: 0 };
    const bounds = map.getBounds();
    const all = [...this.#features.values()];
    const { lat, lng } = map.getCenter();
    return {
      lat,
      lng,
      zoom: map.getZoom(),
      japanZoom: map.getBoundsZoom(JAPAN),
      inside: all.filter((f) => bounds.contains([f.geometry.coordinates[1], f.geometry.coordinates[0]])).length,
      total: all.length,
    };
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
    if (!this.dataset.pins) throw new Error('data-pins がありません');
    for (const hidden of this.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
    for (const note of this.querySelectorAll<HTMLElement>('[data-no-js]')) note.hidden = true;
    this.#filter = this.#filterFromUrl();
    const canvas = this.querySelector<HTMLElement>('[data-map-canvas]');
    if (!canvas) throw new Error('地図の領域がありません');
    // The filters narrow the list at once; the map follows them once it is there.
    this.#setUpControls();
    if (this.#filter.category || this.#filter.pref) this.#applyToList();

    // The page's text (the list, the near-me box) is painted before the map's files are asked for, so on a slow
    // connection they do not hold it up; they wait too while the canvas is out of sight (a phone's first screen
    // is the near-me box), unless the reader asks for the map. Both waits start at once, so a canvas already in view
    // costs no frame after the paint. Leaflet, its stylesheet, the overview and the pins then load side by side
    // (#loadFiles), the outlines once the pins are in.
    const wanted = new Promise<void>((ok) => (this.#want = ok));
    if (new URLSearchParams(location.search).has('focus')) this.#want();
    await Promise.all([afterFirstContentfulPaint(), Promise.race([nearView(canvas), wanted])]);
    performance.mark('coop-map:wanted');
    const { L, first, pins, outlines } = await this.#loadFiles();
    performance.mark('coop-map:loaded');
    // Leaflet's evaluation, the map's creation and the clustering each run in a task of their own, none adding to another's.
    await yieldToMain();
    this.#L = L;
    await this.#drawFirstView(L, first, pins);

    this.#applyToList();
    if (this.#near) this.#showNear(this.#near);
    await yieldToMain();
    await addBaseLayers(L, this.#map!, await outlines(), MAX_ZOOM, this.querySelector<HTMLElement>('[data-tile-note]'));
    this.dataset.state = 'ready';

    const focus = new URLSearchParams(location.search).get('focus');
    const target = focus ? this.#shown.find((f) => f.properties.id === focus) : undefined;
    if (target) this.#focusPin(target);
  }

  /**
   * Creates the map and draws its first view: from `first`'s overview when it has one (the overview file), then, once
   * the pin file (`pinsFile()` reads it) is read and the pins clustered, with the map's own clusters (the same ones);
   * else from the pin file, which `first` then is.
   */
  async #drawFirstView(L: LeafletNS, first: MapPinsFile, pinsFile: () => Promise<MapPinsFile>): Promise<void> {
    const pinned = first.overview ? undefined : decodePins(first);
    this.#createMap(L, first.overview?.bounds ?? boundsOf(pinned ?? []));
    performance.mark('coop-map:markers');
    await yieldToMain();
    if (first.overview) {
      this.#overview = first;
      // A first view at a zoom the overview does not hold is drawn once the map has clustered the pins itself.
      if (this.#draw()) {
        await afterPaint();
        this.#markDrawn();
        await yieldToMain();
      }
    }
    const pins = pinned ?? decodePins(await pinsFile());

    // The clusters first: outlines, the list and the filters' handlers wait until they are on screen. A filter chosen
    // since the first view fits the view to its organisations.
    for (const pin of pins) this.#features.set(pin.properties.id, pin);
    await this.#applyToMap(Boolean(this.#filter.category || this.#filter.pref));
    performance.mark('coop-map:indexed');
    if (this.readyAt === undefined) this.#markDrawn();
  }

  /**
   * Asks for Leaflet, its stylesheet and the map's files, and resolves once Leaflet and what the first view is drawn
   * from are in. Returns that (`first`), the pin file (read when first asked for) and the outlines (asked for once the
   * pin file is read).
   */
  async #loadFiles(): Promise<{
    L: LeafletNS;
    first: MapPinsFile;
    pins: () => Promise<MapPinsFile>;
    outlines: () => Promise<GeoJSON.FeatureCollection | undefined>;
  }> {
    const { pins: pinsUrl = '', overview: overviewUrl, outlines: outlinesUrl } = this.dataset;
    // Unfiltered, the first view is drawn from the small overview file (src/map/overview.ts) while the pin file loads
    // (at a low priority, so on a slow connection Leaflet and the overview come first; read only once that view is
    // drawn); without it (filtered, or the file could not be read) the map waits for the pin file.
    const withOverview = Boolean(overviewUrl) && !(this.#filter.category || this.#filter.pref);
    const response = fetch(pinsUrl, withOverview ? { priority: 'low' } : {});
    response.catch(() => undefined); // Its failure is handled where it is awaited.
    // The pin file is read when first asked for; the outlines are asked for once it is in, so they do not share the
    // connection with it.
    let read: Promise<MapPinsFile> | undefined;
    let outlines: Promise<GeoJSON.FeatureCollection | undefined> = Promise.resolve(undefined);
    const pins = () =>
      (read ??= response
        .then((r) => readJson<MapPinsFile>(r))
        .then((file) => {
          if (outlinesUrl) outlines = fetchJson<GeoJSON.FeatureCollection>(outlinesUrl).catch(() => undefined);
          return file;
        }));
    const overview =
      overviewUrl && withOverview
        ? fetchJson<MapPinsFile>(overviewUrl).catch(() => undefined)
        : Promise.resolve(undefined);
    const [{ L }, first] = await Promise.all([
      import('./leaflet.ts'),
      overview.then(async (o) => usableOverview(o) ?? (await pins())),
      loadLeafletCss(),
    ]);
    return { L, first, pins, outlines: () => outlines };
  }

  /** Marks the clustered markers as on screen (for the benchmark and the tests). */
  #markDrawn(): void {
    performance.mark('coop-map:ready');
    this.readyAt = performance.now();
    this.dataset.state = 'drawn';
  }

  /** The filter in the address, among the options the page offers (read from the selects, which it sets too). */
  #filterFromUrl(): MapFilter {
    for (const option of this.#categorySelect?.options ?? [])
      if (option.value) this.#categoryLabels.set(option.value, option.dataset.label ?? option.text);
    const prefectures = new Set([...(this.#prefSelect?.options ?? [])].map((o) => o.value).filter(Boolean));
    const filter = parseFilter(location.search, { categories: new Set(this.#categoryLabels.keys()), prefectures });
    if (this.#categorySelect) this.#categorySelect.value = filter.category ?? '';
    if (this.#prefSelect) this.#prefSelect.value = filter.pref ?? '';
    return filter;
  }

  /** The filters' and the keyboard's handlers (once; also when the map fails, so the list can still be filtered). */
  #setUpControls(): void {
    if (this.#controls) return;
    this.#controls = true;
    for (const select of [this.#categorySelect, this.#prefSelect])
      select?.addEventListener('change', () => this.#onFilterChange());
    this.addEventListener('keydown', () => (this.#keyboard = true), true);
    this.addEventListener('near-me-result', (e) => {
      this.#near = (e as CustomEvent<NearResult>).detail;
      this.#want();
      this.#showNear(this.#near);
    });
    this.addEventListener('pointerdown', () => (this.#keyboard = false), true);
  }

  /** The Leaflet map in its canvas, fitted to `all` (every organisation's bounds), with the markers' icons and layer (no base layers yet). */
  #createMap(L: LeafletNS, all: [number, number, number, number] | undefined): void {
    const canvas = this.querySelector<HTMLElement>('[data-map-canvas]');
    if (!canvas) throw new Error('地図の領域がありません');
    const map = (this.#map = L.map(canvas, {
      zoomControl: false,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      keyboard: true,
    }));
    L.control.zoom({ zoomInTitle: '拡大', zoomOutTitle: '縮小' }).addTo(map);
    // Markers and clusters are role="button": Leaflet answers Enter; Space should work too.
    canvas.addEventListener('keydown', (e) => {
      const target = e.target as HTMLElement;
      if (e.key === ' ' && target.matches('.leaflet-marker-icon[role="button"]')) {
        e.preventDefault();
        target.click();
      }
    });
    // The first view fits the organisations (not the whole of Japan, small).
    if (all) this.#allBounds = L.latLngBounds([all[0], all[1]], [all[2], all[3]]);
    this.#fitAll();
    this.#icons = {
      address: L.divIcon({ className: 'ra-pin ra-pin-address', iconSize: [18, 18] }),
      municipality: L.divIcon({ className: 'ra-pin ra-pin-municipality', iconSize: [18, 18] }),
      prefecture: L.divIcon({ className: 'ra-pin ra-pin-prefecture', iconSize: [18, 18] }),
    };
    this.#layer = L.layerGroup().addTo(map);
    map.on('moveend', () => this.#draw());
    keepPopupFocus(map, () => this.#keyboard);
    cooperativeGestures(map, this.querySelector<HTMLElement>('[data-gesture-hint]'));
  }

  #onFilterChange(): void {
    this.#filter = {
      ...(this.#categorySelect?.value ? { category: this.#categorySelect.value } : {}),
      ...(this.#prefSelect?.value ? { pref: this.#prefSelect.value } : {}),
    };
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${filterSearch(this.#filter, location.search)}${location.hash}`,
    );
    this.#applyToList();
    if (this.#index) void this.#applyToMap(true);
  }

  /** Keeps the list under the map in step with the filter (counted from the map's data once it has loaded). */
  #applyToList(): void {
    applyFilterToList(this, this.#filter, this.#features.size > 0 ? this.#features.values() : undefined);
  }

  /** Clusters the organisations that pass the filter and draws them. */
  async #applyToMap(fit: boolean): Promise<void> {
    this.#shown = [...this.#features.values()].filter((f) => matchesFilter(f.properties, this.#filter));
    // Each index numbers its clusters anew. The first, unfiltered, numbers them as the overview (which it replaces) does;
    // filtered (a filter chosen while the overview was shown), it does not.
    if (this.#index || this.#filter.category || this.#filter.pref) this.#generation++;
    this.#index = new Supercluster<MapPin['properties']>({ ...CLUSTER_OPTIONS }).load(this.#shown);
    this.#overview = undefined;
    this.#indexed();
    let settle = () => {};
    this.#ready = new Promise((ok) => (settle = ok));
    this.#map?.closePopup();
    if (fit) {
      if (this.#shown.length && (this.#filter.category || this.#filter.pref)) {
        const b = this.#L!.latLngBounds(this.#shown.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
        this.#map?.fitBounds(b, { ...FIT, maxZoom: FIT_MAX_ZOOM, animate: false });
      } else this.#fitAll();
    }
    this.#draw();
    await afterPaint();
    settle();
    await this.#ready;
  }

  /**
   * Draws the clusters and pins inside the view (and half a view around it), keeping markers that stay; false when
   * there is nothing to draw from yet (no index, and an overview without this zoom).
   */
  #draw(): boolean {
    const map = this.#map;
    const index = this.#index;
    const L = this.#L;
    if (!map || !(index || this.#overview) || !L || !this.#layer) return false;
    const zoom = Math.round(map.getZoom());
    const b = map.getBounds().pad(0.5);
    const bbox: [number, number, number, number] = [
      Math.max(-180, b.getWest()),
      Math.max(-85, b.getSouth()),
      Math.min(180, b.getEast()),
      Math.min(85, b.getNorth()),
    ];
    const items = index
      ? (index.getClusters(bbox, zoom) as Drawn[])
      : this.#overview && overviewAt(this.#overview, zoom, bbox);
    // A zoom the overview does not cover: the markers stay until the map's own clusters are there (a moment).
    if (!items) return false;
    const pins = items.filter((i): i is MapPin => !(i.properties as Partial<ClusterProperties>).cluster);
    // Only at the closest zoom can pins share a point; spread them around it there.
    const offsets = new Map<string, [number, number]>();
    if (zoom >= MAX_ZOOM)
      for (const group of groupByPosition(pins, (p) => p.geometry.coordinates.join(',')).values()) {
        const spread = spreadOffsets(group.length);
        group.forEach((p, i) => offsets.set(p.properties.id, spread[i]!));
      }
    const next = new Map<string, Leaflet.Marker>();
    for (const item of items) {
      const props = item.properties as Partial<ClusterProperties>;
      if (props.cluster) {
        // The same cluster from the overview and from the first index (the same id and count) keeps its marker.
        const key = `c${this.#generation}:${props.cluster_id}:${props.point_count}`;
        next.set(key, this.#drawn.get(key) ?? this.#clusterMarker(item as ClusterFeature<AnyProps>));
      } else {
        const f = item as MapPin;
        next.set(`p:${f.properties.id}`, this.#pinMarker(f, offsets.get(f.properties.id) ?? [0, 0]));
      }
    }
    for (const [key, marker] of this.#drawn) if (next.get(key) !== marker) this.#layer.removeLayer(marker);
    for (const [key, marker] of next) if (this.#drawn.get(key) !== marker) this.#layer.addLayer(marker);
    this.#drawn = next;
    return true;
  }

  #clusterMarker(c: ClusterFeature<AnyProps>): Leaflet.Marker {
    const L = this.#L!;
    const n = c.properties.point_count;
    const size = n < 10 ? 34 : n < 100 ? 40 : n < 1000 ? 46 : 52;
    const [lng, lat] = c.geometry.coordinates as [number, number];
    const marker = L.marker([lat, lng], {
      icon: L.divIcon({
        className: 'ra-cluster',
        iconSize: [size, size],
        html: `<span aria-hidden="true">${n}</span><span class="visually-hidden">${n}団体のまとまり。選ぶと拡大します</span>`,
      }),
      keyboard: true,
    });
    const generation = this.#generation;
    const expand = (): void => {
      const index = this.#index;
      // Drawn from the overview: the map's own clusters are a moment away.
      if (!index) return void this.#whenIndexed.then(expand).catch((error: unknown) => console.error(error));
      // A cluster of an earlier filter, whose marker is about to go.
      if (generation !== this.#generation) return;
      const hadFocus = marker.getElement()?.contains(document.activeElement) ?? false;
      const zoom = Math.min(index.getClusterExpansionZoom(c.properties.cluster_id), MAX_ZOOM);
      // The cluster's marker goes away with the zoom: a keyboard user's focus stays on the map.
      if (hadFocus) this.#map!.once('moveend', () => this.#map!.getContainer().focus({ preventScroll: true }));
      this.#map!.setView([lat, lng], Math.max(zoom, this.#map!.getZoom() + 1));
    };
    marker.on('click', expand);
    onEnter(marker, expand);
    return marker;
  }

  /** The marker of one organisation, made once; its icon moves by `offset` px when it shares its point with others. */
  #pinMarker(f: MapPin, offset: [number, number]): Leaflet.Marker {
    const L = this.#L!;
    const p = f.properties;
    let marker = this.#pins.get(p.id);
    const key = offset.join(',');
    if (!marker) {
      const [lng, lat] = f.geometry.coordinates;
      marker = L.marker([lat, lng], {
        icon: this.#icons![p.precision],
        title: `${p.name}（${p.placeName}・${PRECISION_LABELS[p.precision]}）`,
        keyboard: true,
        riseOnHover: true,
      });
      const open = () => this.#openPopup(marker!);
      marker.on('click', open);
      onEnter(marker, open);
      this.#pins.set(p.id, marker);
      this.#pinOf.set(marker, f);
      this.#pinOffset.set(p.id, '0,0');
    }
    if (this.#pinOffset.get(p.id) !== key) {
      const [dx, dy] = offset;
      const base = this.#icons![p.precision];
      marker.setIcon(
        dx === 0 && dy === 0
          ? base
          : L.divIcon({ ...base.options, iconAnchor: [9 - dx, 9 - dy], popupAnchor: [dx, dy - 9] }),
      );
      this.#pinOffset.set(p.id, key);
    }
    return marker;
  }

  /** Zooms until the organisation's pin stands alone (or to the closest zoom), draws it and opens its popup. */
  #focusPin(target: MapPin): void {
    const map = this.#map!;
    const index = this.#index!;
    const [lng, lat] = target.geometry.coordinates;
    const near: [number, number, number, number] = [lng - 1e-6, lat - 1e-6, lng + 1e-6, lat + 1e-6];
    let zoom = Math.round(map.getZoom());
    while (zoom < MAX_ZOOM && !index.getClusters(near, zoom).some((i) => i.properties?.id === target.properties.id))
      zoom++;
    map.setView([lat, lng], zoom, { animate: false });
    this.#draw();
    const marker = this.#pins.get(target.properties.id);
    if (marker) this.#openPopup(marker);
  }

  #fitAll(): void {
    if (this.#allBounds) this.#map?.fitBounds(this.#allBounds, { ...FIT, maxZoom: FIT_MAX_ZOOM, animate: false });
    else this.#map?.fitBounds(JAPAN, { animate: false });
  }

  /** Shows the place a "near me" search started from and the organisations it found. */
  #showNear(detail: NearResult): void {
    const L = this.#L;
    if (!L || !this.#map) return;
    const points = [
      L.latLng(detail.from.lat, detail.from.lng),
      ...detail.ids.slice(0, 5).flatMap((id) => {
        const f = this.#features.get(id);
        return f ? [L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0])] : [];
      }),
    ];
    this.#map.fitBounds(L.latLngBounds(points), { ...FIT, maxZoom: 12 });
  }

  #openPopup(marker: Leaflet.Marker): void {
    if (!marker.getPopup()) {
      const feature = this.#pinOf.get(marker);
      if (!feature) return;
      // A popup is panned clear of the zoom buttons at the top left, and of the edges elsewhere.
      marker.bindPopup(() => popupContent(feature, this.dataset.base ?? '/', this.#categoryLabels), {
        maxWidth: 280,
        autoPanPaddingTopLeft: CONTROLS_TOP_LEFT,
        autoPanPaddingBottomRight: [20, 20],
      });
    }
    marker.openPopup();
  }

  #fail(error: unknown): void {
    this.dataset.state = 'error';
    // Clusters drawn from the overview cannot be used without the pins: they go, and the note says why.
    this.#overview = undefined;
    this.#layer?.clearLayers();
    this.#drawn.clear();
    this.#setUpControls();
    this.#applyToList();
    const note = this.querySelector<HTMLElement>('[data-map-error]');
    if (note) note.hidden = false;
    console.error(error);
  }
}

if (!customElements.get('coop-map')) customElements.define('coop-map', CoopMapElement);
