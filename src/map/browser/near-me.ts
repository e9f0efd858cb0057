/**
 * <near-me> on /map/: lists the organisations near the visitor's location
 * (Geolocation API, asked only when the button is pressed, or when the page
 * is opened with ?near=here from the home page's button) or near a
 * municipality's representative point (picked by name or kana reading, or
 * given as ?place=…), by the same rule as the place pages
 * (src/lib/places/nearby.ts). The distances are computed here in the
 * browser; the location is sent nowhere. The compact place list
 * (/data/places.json) loads only when the picker is used. Results are
 * announced through a live region; the enclosing <coop-map> is told (event
 * `near-me-result`) so it can show the area.
 *
 * Data attributes: data-pins (the organisations: /data/map-pins.json, as
 * the map reads them, src/map/pins.ts), data-places (the place list),
 * data-base (the site's base path).
 */
import { decodePins, type MapPin, type MapPinsFile } from '../pins.ts';
import { matchPlaces, placeArea, type PlaceRow } from '../place-pick.ts';
import type { LatLng } from '../../lib/places/nearest.ts';
import { isOwnOf, nearby, nearbyCandidate, pointLabel, type OwnArea } from '../../lib/places/nearby.ts';
import { paths } from '../../lib/model/paths.ts';
import { renderNearby } from './near-list.ts';

export interface NearResult {
  from: LatLng;
  ids: string[];
}

async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export class NearMeElement extends HTMLElement {
  #coops?: Promise<MapPin[]>;
  #places?: Promise<PlaceRow[]>;

  connectedCallback(): void {
    if (this.dataset.started) return;
    this.dataset.started = '';
    this.querySelector<HTMLButtonElement>('[data-locate]')?.addEventListener('click', () => this.#locate());
    const form = this.querySelector<HTMLFormElement>('[data-pick]');
    const input = this.#input;
    form?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#pick();
    });
    // The place list loads the first time the picker is used, not with the page.
    const load = () => void this.#loadPlaces().catch(() => undefined);
    input?.addEventListener('focus', load, { once: true });
    input?.addEventListener('input', load, { once: true });
    this.querySelector('[data-near-choices]')?.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-code]');
      if (button) void this.#pickCode(button.dataset.code!);
    });
    // The home page's place box and button open /map/?place=… or /map/?near=here: answer at once.
    const params = new URLSearchParams(location.search);
    const place = params.get('place')?.trim();
    if (place && input) {
      input.value = place;
      void this.#pick();
    } else if (params.get('near') === 'here') this.#locate();
  }

  get #input() {
    return this.querySelector<HTMLInputElement>('[data-pick] input');
  }

  #status(text: string, state: 'busy' | 'done' | 'error'): void {
    const status = this.querySelector<HTMLElement>('[data-near-status]');
    if (status) status.textContent = text;
    this.dataset.state = state;
  }

  #loadCoops(): Promise<MapPin[]> {
    this.#coops ??= fetchJson<MapPinsFile>(this.dataset.pins!).then(decodePins);
    return this.#coops;
  }

  #loadPlaces(): Promise<PlaceRow[]> {
    this.#places ??= fetchJson<PlaceRow[]>(this.dataset.places!).then((rows) => {
      const list = this.querySelector<HTMLDataListElement>('datalist');
      if (list && list.options.length === 0) {
        const frag = document.createDocumentFragment();
        for (const r of rows) {
          const o = document.createElement('option');
          o.value = r[1];
          o.label = r[2];
          frag.append(o);
        }
        list.append(frag);
      }
      return rows;
    });
    return this.#places;
  }

  /** Removes the previous answer (its heading and list), so a question or a miss never sits under an old place's name. */
  #clear(): void {
    renderNearby(this, undefined);
  }

  #locate(): void {
    this.#choices([]);
    this.#clear();
    if (!('geolocation' in navigator)) {
      this.#status('このブラウザでは現在地を使えません。市区町村名から探してください。', 'error');
      return;
    }
    this.#status('現在地を確かめています…', 'busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => void this.#show({ lat: pos.coords.latitude, lng: pos.coords.longitude }, '現在地'),
      (err) => {
        const why =
          err.code === err.PERMISSION_DENIED
            ? '現在地の利用が許可されなかったため、現在地からは探せません。'
            : err.code === err.TIMEOUT
              ? '現在地を時間内に確かめられませんでした。'
              : '現在地を確かめられませんでした。';
        this.#status(`${why}市区町村名から探してください。`, 'error');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  }

  async #pick(): Promise<void> {
    const query = this.#input?.value ?? '';
    this.#choices([]);
    this.#clear();
    if (!query.trim()) {
      this.#status('市区町村名かよみを入力してください。', 'error');
      return;
    }
    this.#status('市区町村を探しています…', 'busy');
    let rows: PlaceRow[];
    try {
      rows = await this.#loadPlaces();
    } catch {
      this.#status('市区町村の一覧を読み込めませんでした。', 'error');
      return;
    }
    const hits = matchPlaces(query, rows);
    if (hits.length === 0) {
      this.#status(
        `「${query.trim()}」に当たる市区町村が見つかりません。名前かよみ（ひらがな）で入力してください。`,
        'error',
      );
    } else if (hits.length === 1) {
      await this.#showPlace(hits[0]!, rows);
    } else {
      this.#choices(hits.slice(0, 20));
      this.#status(
        `「${query.trim()}」に当たる市区町村が${hits.length}あります。下の候補から選んでください${hits.length > 20 ? '（最初の20件を表示）' : ''}。`,
        'done',
      );
    }
  }

  async #pickCode(code: string): Promise<void> {
    const rows = await this.#loadPlaces();
    const row = rows.find((r) => r[0] === code);
    if (!row) return;
    this.#choices([]);
    if (this.#input) this.#input.value = row[1];
    await this.#showPlace(row, rows);
    this.#input?.focus();
  }

  #showPlace(row: PlaceRow, rows: readonly PlaceRow[]): Promise<void> {
    const area = placeArea(row, rows);
    return this.#show({ lat: row[3], lng: row[4] }, pointLabel(row[1], row[5] || undefined), {
      area,
      name: row[1],
      page: paths.body(row[0]),
    });
  }

  #choices(rows: PlaceRow[]): void {
    const box = this.querySelector<HTMLElement>('[data-near-choices]');
    if (!box) return;
    box.replaceChildren(
      ...rows.map((r) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button';
        b.dataset.code = r[0];
        b.textContent = `${r[1]}（${r[2]}、コード${r[0]}）`;
        li.append(b);
        return li;
      }),
    );
    box.hidden = rows.length === 0;
  }

  async #show(from: LatLng, label: string, place?: { area: OwnArea; name: string; page: string }): Promise<void> {
    let pins: MapPin[];
    try {
      pins = await this.#loadCoops();
    } catch {
      this.#status('団体の位置データを読み込めませんでした。', 'error');
      return;
    }
    const candidates = pins
      .filter((f) => nearbyCandidate(f.properties.kind, f.properties.precision))
      .map((f) => ({ item: f, point: { lat: f.geometry.coordinates[1], lng: f.geometry.coordinates[0] } }));
    const isOwn = place ? (f: MapPin) => isOwnOf(place.area, f.properties) : undefined;
    const near = nearby(from, candidates, isOwn ? { isOwn } : {});
    const own = place && { count: pins.filter(isOwn!).length, name: place.name, page: place.page };
    const status = renderNearby(this, { near, label, base: this.dataset.base ?? '/', ...(own ? { own } : {}) });
    this.#status(status, 'done');
    const shown = near.within.length > 0 ? near.within : near.beyond;
    this.dispatchEvent(
      new CustomEvent<NearResult>('near-me-result', {
        bubbles: true,
        detail: { from, ids: shown.map((n) => n.item.properties.id) },
      }),
    );
  }
}

if (!customElements.get('near-me')) customElements.define('near-me', NearMeElement);
