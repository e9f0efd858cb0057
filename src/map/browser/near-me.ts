/**
 * <near-me> on /map/: lists the organisations nearest to the visitor's
 * location (Geolocation API, asked only when the button is pressed) or to a
 * municipality's representative point (picked by name or kana reading). The
 * distances are computed here in the browser; the location is sent nowhere.
 * The compact place list (/data/places.json) loads only when the picker is
 * used. Results are announced through a live region; the enclosing
 * <coop-map> is told (event `near-me-result`) so it can show the area.
 *
 * Data attributes: data-pins (the organisations: /data/map-pins.json, as
 * the map reads them, src/map/pins.ts), data-places (the
 * place list), data-base (the site's base path).
 */
import { decodePins, type MapPin, type MapPinsFile } from '../pins.ts';
import { PRECISION_LABELS } from '../precision.ts';
import { formatKm, nearest, type LatLng } from '../../lib/places/nearest.ts';
import { matchPlaces, type PlaceRow } from '../place-pick.ts';

/** How many organisations the list shows. */
const COUNT = 10;
/** Kinds a resident can go to (federations and networks are umbrella bodies), as on the place pages. */
const KINDS = new Set(['coop', 'hq', 'site']);

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

  #locate(): void {
    this.#choices([]);
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
      this.#choices([]);
      this.#status(
        `「${query.trim()}」に当たる市区町村が見つかりません。名前かよみ（ひらがな）で入力してください。`,
        'error',
      );
    } else if (hits.length === 1) {
      this.#choices([]);
      await this.#showPlace(hits[0]!);
    } else {
      this.#choices(hits.slice(0, 20));
      this.#status(
        `「${query.trim()}」に当たる市区町村が${hits.length}あります。下の候補から選んでください${hits.length > 20 ? '（最初の20件を表示）' : ''}。`,
        'done',
      );
    }
  }

  async #pickCode(code: string): Promise<void> {
    const row = (await this.#loadPlaces()).find((r) => r[0] === code);
    if (!row) return;
    this.#choices([]);
    if (this.#input) this.#input.value = row[1];
    await this.#showPlace(row);
    this.#input?.focus();
  }

  #showPlace(row: PlaceRow): Promise<void> {
    const label = `${row[1]}の代表点${row[5] ? `（${row[5]}の代表点を使用）` : ''}`;
    return this.#show({ lat: row[3], lng: row[4] }, label);
  }

  #choices(rows: PlaceRow[]): void {
    const box = this.querySelector<HTMLElement>('[data-near-choices]');
    if (!box) return;
    box.replaceChildren(
      ...rows.map((r) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.code = r[0];
        b.textContent = `${r[1]}（${r[2]}、コード${r[0]}）`;
        li.append(b);
        return li;
      }),
    );
    box.hidden = rows.length === 0;
  }

  async #show(from: LatLng, label: string): Promise<void> {
    let features: MapPin[];
    try {
      features = await this.#loadCoops();
    } catch {
      this.#status('団体の位置データを読み込めませんでした。', 'error');
      return;
    }
    const placed = features
      .filter((f) => KINDS.has(f.properties.kind) && f.properties.precision !== 'prefecture')
      .map((f) => ({
        item: f,
        point: { lat: f.geometry.coordinates[1], lng: f.geometry.coordinates[0] },
        reading: f.properties.name,
      }));
    const near = nearest(from, placed, COUNT);
    const list = this.querySelector<HTMLOListElement>('[data-near-list]');
    const base = this.dataset.base ?? '/';
    list?.replaceChildren(
      ...near.map(({ item, km }) => {
        const p = item.properties;
        const li = document.createElement('li');
        li.dataset.nearId = p.id;
        li.dataset.km = km.toFixed(3);
        const a = document.createElement('a');
        a.href = `${base}${p.page}`;
        a.textContent = p.name;
        const dist = document.createElement('span');
        dist.className = 'km';
        dist.textContent = formatKm(km);
        const meta = document.createElement('span');
        meta.className = 'meta';
        meta.textContent = `${p.placeName}・位置: ${PRECISION_LABELS[p.precision]}`;
        li.append(a, dist, meta);
        return li;
      }),
    );
    const heading = this.querySelector<HTMLElement>('[data-near-heading]');
    if (heading) {
      heading.textContent = `${label}から近い団体`;
      heading.hidden = near.length === 0;
    }
    const first = near[0];
    this.#status(
      first
        ? `${label}から直線距離で近い順に${near.length}団体を表示しました。いちばん近いのは${first.item.properties.name}（${formatKm(first.km)}）です。`
        : '位置のわかる団体がありません。',
      'done',
    );
    this.dispatchEvent(
      new CustomEvent<NearResult>('near-me-result', {
        bubbles: true,
        detail: { from, ids: near.map((n) => n.item.properties.id) },
      }),
    );
  }
}

if (!customElements.get('near-me')) customElements.define('near-me', NearMeElement);
