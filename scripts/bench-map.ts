/**
 * `npm run bench:map`: how fast /map/ draws, in Chromium. Builds the site
 * (or uses DIST_DIR), makes a copy in a temporary folder whose map page,
 * pin file (/data/map-pins.json, what the map reads) and GeoJSON hold
 * 10,000 synthetic pins generated now (random points inside
 * the prefecture outlines, names marked 「合成データ」; nothing reaches
 * content/), serves both on 127.0.0.1 to a browser that resolves no other
 * host name (LOCAL_ONLY_ARGS: no tiles load, as offline; no request is
 * intercepted, so none waits on this process), and prints for each: time from
 * navigation to the first drawing of the clustered markers (median of
 * several cold loads; when that drawing comes from the overview file,
 * /data/map-overview.json (src/map/overview.ts), the time the map has read
 * every pin and clustered them itself is printed too; the synthetic sites get
 * an overview file of their pins when the build has one), the gzip size of
 * the JavaScript the page loads, and
 * the sizes of its HTML, its pin file and the GeoJSON (the open-data file,
 * not read by the map), and the time to parse each in this process
 * (the GeoJSON as the map used to read it, the pin file with decodePins;
 * alternating, so load on the machine hits both alike). Goals: under
 * 500 ms for 10,000 pins, under 400 ms for the real map.
 * Prints figures only; nothing passes or fails.
 *
 * BENCH_PINS=10000 and BENCH_RUNS=5 change the size and the number of loads.
 * BENCH_BASELINE_DIST=<another build> loads its map in turn with this one's
 * (A B A B …, the same synthetic pins in both) and prints the ratio of each
 * pair and their median: a before/after that load on the machine cannot tilt.
 * BENCH_LATENCY_MS=150 loads each page over an emulated slow connection (that
 * round-trip time, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's slow 4G), where
 * a request chain costs what it costs on a phone, not what it costs on 127.0.0.1.
 * Each load opens a new browser context, then waits until the machine is quiet
 * (quietPage in scripts/lib/bench-common.ts: Chromium starts the new window's
 * own interface for about a second, on both cores) before it navigates; the
 * median wait is printed. BENCH_SETTLE_MS=0 navigates at once, as before.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from './serve.ts';
import { SETTLE_MAX_MS, median, prng, quietPage } from './lib/bench-common.ts';
import type { Browser } from 'playwright-core';
import { LOCAL_ONLY_ARGS, launch } from '../tests/helpers/chromium.ts';
import { prefectureCodeOf } from '../src/lib/places/lgcode.ts';
import { ringArea, bboxOf, type MultiPolygon, type Position } from '../src/lib/places/geometry.ts';
import { PRECISION_LABELS, type Precision } from '../src/map/precision.ts';
import { needsSplit } from '../src/lib/views/lists.ts';
import { toFeatureCollection, type CoopFeatureCollection, type MapEntry } from '../src/map/geojson.ts';
import { decodePins, encodePins } from '../src/map/pins.ts';
import { overviewFile } from '../src/map/overview.ts';

const PINS = Number(process.env.BENCH_PINS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);
const work = mkdtempSync(join(tmpdir(), 'ra-bench-map-'));

function insideRing(p: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The built site: DIST_DIR, or a fresh build into the temporary folder. */
function builtSite(): string {
  if (process.env.DIST_DIR) return resolve(process.env.DIST_DIR);
  const out = join(work, 'real');
  console.log('サイトをビルドしています…');
  const r = spawnSync(process.execPath, [resolve('scripts/build.ts'), '--outDir', out], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(work, 'cache') },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

interface Outline {
  properties: { code: string; name: string };
  geometry: { coordinates: MultiPolygon };
}

/**
 * A copy of the site whose /map/ shows `n` synthetic pins: in the pin file and the GeoJSON (both written from the same entries,
 * as the site writes them) and, with `withList`, in the server-rendered list too (as the site writes it for `n`).
 */
function syntheticSite(real: string, n: number, withList: boolean, name = ''): string {
  const dir = join(work, `${name}${withList ? 'synthetic-list' : 'synthetic'}`);
  cpSync(real, dir, { recursive: true });
  const outlines = (
    JSON.parse(readFileSync(join(real, 'geo/japan-prefectures.geojson'), 'utf8')) as { features: Outline[] }
  ).features;
  const mapHtml = readFileSync(join(real, 'map/index.html'), 'utf8');
  const categories = [...mapHtml.matchAll(/<option value="([^"]+)" data-label="([^"]+)"/g)].map((m) => m[1]!);
  const rand = prng(n);
  // Pins fall in prefectures in proportion to their land area, at random points inside their outlines.
  const parts = outlines.flatMap((o) =>
    o.geometry.coordinates.map((polygon) => ({ o, ring: polygon[0]!, area: Math.abs(ringArea(polygon[0]!)) })),
  );
  const total = parts.reduce((a, p) => a + p.area, 0);
  const precisions: Precision[] = ['address', 'municipality', 'municipality', 'prefecture'];
  const entries: MapEntry[] = Array.from({ length: n }, (_, i) => {
    let r = rand() * total;
    const part = parts.find((p) => (r -= p.area) <= 0) ?? parts.at(-1)!;
    const [minX, minY, maxX, maxY] = bboxOf(part.ring)!;
    let p: Position;
    do p = [minX + rand() * (maxX - minX), minY + rand() * (maxY - minY)];
    while (!insideRing(p, part.ring));
    const id = `synthetic-${String(i + 1).padStart(5, '0')}`;
    const cats = [
      categories[Math.floor(rand() * categories.length)]!,
      ...(rand() < 0.3 ? [categories[Math.floor(rand() * categories.length)]!] : []),
    ];
    return {
      id,
      name: `合成データ組合${i + 1}`,
      kind: 'coop',
      categories: [...new Set(cats)],
      prefecture: prefectureCodeOf(`${part.o.properties.code}0000`),
      placeName: part.o.properties.name,
      lat: Math.round(p[1] * 1e5) / 1e5,
      lng: Math.round(p[0] * 1e5) / 1e5,
      precision: precisions[Math.floor(rand() * precisions.length)]!,
      page: `coops/${id}/`,
    };
  });
  // The GeoJSON carries each page's public URL, as the site writes it (the real file's first feature gives the prefix).
  const real1 = (JSON.parse(readFileSync(join(real, 'data/coops.geojson'), 'utf8')) as CoopFeatureCollection)
    .features[0]?.properties;
  const urlBase = real1?.url?.endsWith(real1.page) ? real1.url.slice(0, -real1.page.length) : undefined;
  const { features } = toFeatureCollection(entries, urlBase === undefined ? undefined : (page) => urlBase + page);
  writeFileSync(join(dir, 'data/coops.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  const pinsFile = encodePins(entries);
  writeFileSync(join(dir, 'data/map-pins.json'), JSON.stringify(pinsFile));
  // A build from before the overview file has none (and its completion mark counts its files).
  if (existsSync(join(real, 'data/map-overview.json')))
    writeFileSync(join(dir, 'data/map-overview.json'), JSON.stringify(overviewFile(pinsFile)));
  if (!withList) return dir;

  // The list as the site writes it at this size (src/components/CoopMap.astro): past LIST_PAGE_SIZE a link per prefecture,
  // else one group per prefecture with every item; shaped like the real markup, with synthetic values.
  const listStart = mapHtml.indexOf('<section data-map-group');
  const listEnd = mapHtml.lastIndexOf('</section>', mapHtml.indexOf('</coop-map>'));
  const byPref = new Map<string, typeof features>();
  for (const f of features) byPref.set(f.properties.prefecture!, [...(byPref.get(f.properties.prefecture!) ?? []), f]);
  if (needsSplit(n)) {
    const links = [...byPref]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([pref, fs]) =>
          `<li data-map-pref-link data-pref="${pref}" data-total="${fs.length}"><a href="/coops/prefecture/${pref}/">${fs[0]!.properties.placeName}の一覧</a>（<span data-count>${fs.length}</span>団体）</li>`,
      )
      .join('');
    const list = `<p>団体が多いため、一覧は都道府県ごとのページに載せています。</p><ul class="pref-links">${links}</ul>`;
    writeFileSync(
      join(dir, 'map/index.html'),
      mapHtml.slice(0, listStart) + list + mapHtml.slice(listEnd + '</section>'.length),
    );
    return dir;
  }
  const group = /<section data-map-group[^>]*>\s*<h3[^>]*>[^<]*<\/h3>\s*<ul[^>]*>/.exec(mapHtml.slice(listStart))![0];
  const item = /<li data-map-item[\s\S]*?<\/li>/.exec(mapHtml)![0];
  const list = [...byPref]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pref, fs]) => {
      const head = group
        .replace(/data-pref="[^"]*"/, `data-pref="${pref}"`)
        .replace(/(<h3[^>]*>)[^<]*/, `$1${fs[0]!.properties.placeName}`)
        .replace(/coop-map-group-[^"]+/g, `coop-map-group-${pref}`);
      const items = fs.map((f) =>
        item
          .replace(/data-id="[^"]*"/, `data-id="${f.id}"`)
          .replace(/data-categories="[^"]*"/, `data-categories="${f.properties.categories.join(' ')}"`)
          .replace(/data-pref="[^"]*"/, `data-pref="${pref}"`)
          .replace(/href="[^"]*"/, `href="/${f.properties.page}"`)
          .replace(/(<a [^>]*>)[^<]*/, `$1${f.properties.name}`)
          .replace(/(<span class="meta"[^>]*>)[^<]*/, `$1${f.properties.placeName}`)
          .replace(/(<span class="precision"[^>]*>)[^<]*/, `$1位置: ${PRECISION_LABELS[f.properties.precision]}`),
      );
      return `${head}${items.join('')}</ul></section>`;
    })
    .join('');
  writeFileSync(
    join(dir, 'map/index.html'),
    mapHtml.slice(0, listStart) + list + mapHtml.slice(listEnd + '</section>'.length),
  );
  return dir;
}

interface Figures {
  steps: Record<string, number>;
  pins: number;
  /** Each load's time to the clustered render, in the order of the loads. */
  times: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  jsGzip: number;
  jsRaw: number;
  htmlGzip: number;
  geojsonGzip: number;
  geojsonRaw: number;
  pinsGzip: number;
  pinsRaw: number;
  /** Median ms to read each file into what the map uses (JSON.parse, plus decodePins for the pin file), alternating, in this process. */
  parseMs: { geojson: number; pins: number };
  /** Median wait for a quiet machine before a load, ms. */
  settleMs: number;
}

/**
 * The data step alone, without the page's noise: the GeoJSON parsed (what the map read before the pin file) and the pin file
 * parsed and decoded (what it reads now), one after the other, PARSE_RUNS times each; medians in ms.
 */
const PARSE_RUNS = 15;
function parseTimes(root: string): { geojson: number; pins: number } {
  const geojson = readFileSync(join(root, 'data/coops.geojson'), 'utf8');
  const pins = readFileSync(join(root, 'data/map-pins.json'), 'utf8');
  const t = { geojson: [] as number[], pins: [] as number[] };
  for (let i = 0; i < PARSE_RUNS; i++) {
    let t0 = performance.now();
    JSON.parse(geojson);
    t.geojson.push(performance.now() - t0);
    t0 = performance.now();
    decodePins(JSON.parse(pins));
    t.pins.push(performance.now() - t0);
  }
  return { geojson: median(t.geojson), pins: median(t.pins) };
}

/** One site's loads: time to the clustered render, its steps, the pins drawn and the scripts it loaded. */
interface Loads {
  times: number[];
  steps: Array<Record<string, number>>;
  pins: number;
  js: { raw: number; gzip: number };
  /** The waits for a quiet machine before each load (quietPage), ms. */
  settles: number[];
}

/** One cold load of /map/ in a fresh context: the island's readyAt and marks, and the scripts' bytes. */
async function loadOnce(browser: Browser, url: string, into: Loads): Promise<void> {
  const { context, page, settledMs } = await quietPage(browser, { viewport: { width: 1280, height: 900 } });
  into.settles.push(settledMs);
  if (LATENCY_MS > 0) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: LATENCY_MS,
      downloadThroughput: 1_600_000 / 8,
      uploadThroughput: 750_000 / 8,
    });
  }
  const scripts = new Map<string, Buffer>();
  page.on('response', async (res) => {
    if (res.request().resourceType() === 'script' && res.ok())
      scripts.set(res.url(), await res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${url}map/`);
  await page.waitForFunction(
    () => document.querySelector('coop-map')?.getAttribute('data-state') === 'ready',
    undefined,
    { timeout: 120_000 },
  );
  const r = await page.evaluate(() => {
    const el = document.querySelector('coop-map') as HTMLElement & { readyAt: number; markerCount(): number };
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      readyAt: el.readyAt,
      pins: el.markerCount(),
      steps: {
        html: nav.responseEnd,
        dcl: nav.domContentLoadedEventEnd,
        start: at('coop-map:start'),
        fcp: at('first-contentful-paint'),
        wanted: at('coop-map:wanted'),
        loaded: at('coop-map:loaded'),
        markers: at('coop-map:markers'),
        clustered: at('coop-map:ready'),
        indexed: at('coop-map:indexed'),
      },
    };
  });
  into.times.push(r.readyAt);
  into.steps.push(r.steps);
  into.pins = r.pins;
  const bodies = [...scripts.values()];
  into.js = { raw: bodies.reduce((a, b) => a + b.length, 0), gzip: bodies.reduce((a, b) => a + gzipSync(b).length, 0) };
  await context.close();
}

/** RUNS cold loads of each site's /map/, the sites in turn (A B A B …), so the machine's load hits each alike. */
async function measure(roots: string[]): Promise<Figures[]> {
  const served = await Promise.all(roots.map((root) => serve(root)));
  const browser = await launch(LOCAL_ONLY_ARGS);
  const loads = roots.map((): Loads => ({ times: [], steps: [], pins: 0, js: { raw: 0, gzip: 0 }, settles: [] }));
  try {
    for (let run = 0; run < RUNS; run++)
      for (const [i, { url }] of served.entries()) await loadOnce(browser, url, loads[i]!);
  } finally {
    await browser.close();
    for (const { server } of served) server.close();
  }
  return roots.map((root, i) => figuresOf(root, loads[i]!));
}

function figuresOf(root: string, { times: unsorted, steps, pins, js, settles }: Loads): Figures {
  const times = [...unsorted].sort((a, b) => a - b);
  const stepMedian = (k: string) => median(steps.map((s) => s[k]!));
  return {
    steps: Object.fromEntries(Object.keys(steps[0] ?? {}).map((k) => [k, stepMedian(k)])),
    pins,
    times: unsorted,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    maxMs: times.at(-1)!,
    jsGzip: js.gzip,
    jsRaw: js.raw,
    htmlGzip: gzipSync(readFileSync(join(root, 'map/index.html'))).length,
    ...fileSizes(root, 'data/coops.geojson', 'geojson'),
    ...fileSizes(root, 'data/map-pins.json', 'pins'),
    parseMs: parseTimes(root),
    settleMs: median(settles),
  };
}

/** A file's size raw and gzipped, under `<key>Raw` and `<key>Gzip`. */
function fileSizes<K extends string>(root: string, file: string, key: K): Record<`${K}Raw` | `${K}Gzip`, number> {
  const bytes = readFileSync(join(root, file));
  return { [`${key}Raw`]: bytes.length, [`${key}Gzip`]: gzipSync(bytes).length } as Record<
    `${K}Raw` | `${K}Gzip`,
    number
  >;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
function report(label: string, f: Figures): void {
  console.log(`\n${label}`);
  console.log(`  ピン（クラスタ層のマーカー）: ${f.pins.toLocaleString('ja-JP')}`);
  console.log(
    `  ナビゲーション開始→クラスタ表示: 中央値 ${Math.round(f.medianMs)} ms（${RUNS}回、最小 ${Math.round(f.minMs)} / 最大 ${Math.round(f.maxMs)} ms）`,
  );
  console.log(
    `    各回の前に、新しいコンテキストのウィンドウが起動を終え CPU が静まるのを待った時間: 中央値 ${Math.round(f.settleMs)} ms（BENCH_SETTLE_MS=${SETTLE_MAX_MS} が上限、0 で待たない）`,
  );
  const s = f.steps;
  console.log(
    `    内訳（中央値）: HTML受信 ${Math.round(s.html!)} / DOMContentLoaded ${Math.round(s.dcl!)} / スクリプト開始 ${Math.round(s.start!)} / 最初の描画 (FCP) ${Math.round(s.fcp!)} / 読み込み開始 ${Math.round(s.wanted!)} / Leaflet・データ取得 ${Math.round(s.loaded!)} / マーカー作成 ${Math.round(s.markers!)} / クラスタ表示 ${Math.round(s.clustered!)} ms`,
  );
  if (Number.isFinite(s.indexed))
    console.log(
      `    最初の表示が概観ファイル（/data/map-overview.json、src/map/overview.ts）からなら、その後に全ピンを読んでクラスタを作り直し、同じマーカーを描き終えた時点: 中央値 ${Math.round(s.indexed!)} ms`,
    );
  console.log(`  JavaScript: ${kB(f.jsGzip)}（gzip）/ ${kB(f.jsRaw)}（非圧縮）`);
  console.log(`  HTML: ${kB(f.htmlGzip)}（gzip）`);
  console.log(`  地図が読むピンのファイル map-pins.json: ${kB(f.pinsGzip)}（gzip）/ ${kB(f.pinsRaw)}（非圧縮）`);
  console.log(
    `  データの解析（Node、交互に${PARSE_RUNS}回の中央値）: GeoJSON の JSON.parse ${f.parseMs.geojson.toFixed(1)} ms / ピンのファイルの JSON.parse＋decodePins ${f.parseMs.pins.toFixed(1)} ms`,
  );
  console.log(
    `  公開データ coops.geojson（地図は読みません）: ${kB(f.geojsonGzip)}（gzip）/ ${kB(f.geojsonRaw)}（非圧縮）`,
  );
}

try {
  const real = builtSite();
  if (!existsSync(join(real, 'map/index.html'))) throw new Error(`${real}/map/index.html がありません`);
  console.log('地図のベンチマーク（Chromium headless、127.0.0.1 以外への通信は遮断＝タイルなし）');
  if (LATENCY_MS > 0)
    console.log(`回線のエミュレーション: 往復 ${LATENCY_MS} ms、下り 1.6 Mbit/s、上り 750 kbit/s（BENCH_LATENCY_MS）`);
  console.log(
    `ロードアベレージ（1/5/15分）: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
  );
  const pins = PINS.toLocaleString('ja-JP');
  const baseline = process.env.BENCH_BASELINE_DIST ? resolve(process.env.BENCH_BASELINE_DIST) : undefined;
  const scenarios: Array<[string, (site: string, name: string) => string]> = [
    [
      `合成データ ${pins} ピン、一覧は実データのまま（地図の描画のみ。目標: 500ms未満）`,
      (site, name) => syntheticSite(site, PINS, false, name),
    ],
    [
      `合成データ ${pins} ピン、一覧もその件数でサイトが書く形（${needsSplit(PINS) ? '都道府県ごとの一覧へのリンク' : '全件'}、ページ全体）`,
      (site, name) => syntheticSite(site, PINS, true, name),
    ],
    ['実サイトの /map/（目標: 400ms未満）', (site) => site],
  ];
  for (const [label, siteOf] of scenarios) {
    const [ours, base] = await measure([siteOf(real, ''), ...(baseline ? [siteOf(baseline, 'baseline-')] : [])]);
    report(label, ours!);
    if (!base) continue;
    report(`${label} — 比較対象 BENCH_BASELINE_DIST`, base);
    const ratios = ours!.times.map((t, i) => t / base.times[i]!);
    console.log(
      `  比（このビルド ÷ 比較対象、交互に読み込んだ組ごと）: ${ratios.map((r) => r.toFixed(2)).join(' ')}、中央値 ${median(ratios).toFixed(2)}`,
    );
  }
  console.log(
    `\nロードアベレージ（1/5/15分、終了時）: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')}`,
  );
} finally {
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  else console.log(work);
}
