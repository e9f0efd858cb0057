/**
 * The search benchmark's synthetic co-ops (bench-search.ts): the real content/ plus `n` co-ops with made-up names
 * ending in （合成）, in real municipalities and categories, written at run time into a temporary folder.
 */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Directory } from '../../src/lib/model/types.ts';
import { prng } from './bench-common.ts';

const MORAE = [
  'ミナト',
  'アオバ',
  'ヒカリ',
  'ツムギ',
  'カゼ',
  'ソラ',
  'ミドリ',
  'ハル',
  'コモレビ',
  'ナギ',
  'ユイ',
  'ワカバ',
  'サクラ',
  'モリ',
  'ウミ',
  'ホシ',
  'ツバサ',
  'アカリ',
  'ノゾミ',
  'イブキ',
  'カナデ',
  'シズク',
  'トモシビ',
  'マドカ',
];
const ENDINGS = [
  'ワーク',
  'ネット',
  'ファーム',
  'サポート',
  'ケア',
  'ラボ',
  'ハウス',
  'キッチン',
  'の会',
  '工房',
  '舎',
  'ステーション',
];
const FORMS = [
  (n: string) => `労働者協同組合${n}`,
  (n: string) => `${n}労働者協同組合`,
  (n: string) => `労働者協同組合ワーカーズコープ・${n}`,
  (n: string) => `労働者協同組合ワーカーズ・コレクティブ${n}`,
];

/** One synthetic co-op's name part, municipality and category, for the queries. */
export interface Sample {
  name: string;
  muni: string;
  category: string;
}

/**
 * Writes into `dir` the real content/ (of the project at `root`) plus `n` synthetic co-ops in real municipalities and
 * categories, doing things real entries list; returns the name part, municipality and category of one of them.
 */
export function writeSyntheticContent(root: string, dir: string, n: number, real: Directory): Sample {
  cpSync(join(root, 'content'), dir, { recursive: true });
  const rand = prng(n);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const munis = real.bodies.filter((b) => ['市', '町', '村', '特別区', '区'].includes(b.kind) && b.prefecture);
  const phrases = [
    ...new Set(
      real.coops
        .flatMap((c) => [...(c.business ?? []), ...(c.services ?? []).flatMap((g) => g.items)])
        .filter((s) => s.length <= 20),
    ),
  ];
  const source = [
    { title: '合成データ（検索ベンチマーク用）', document: 'bench-search.ts が実行時に生成', asOf: '2025-10-01' },
  ];
  const names = new Set(real.coops.map((c) => c.name));
  let sample: Sample = { name: '', muni: '', category: '' };
  for (let i = 0; i < n; i++) {
    let core: string;
    let name: string;
    do {
      core = `${pick(MORAE)}${pick(MORAE)}${pick(ENDINGS)}`;
      name = `${pick(FORMS)(core)}（合成）`;
    } while (names.has(name));
    names.add(name);
    const muni = pick(munis);
    const cats = [...new Set([pick(real.categories), pick(real.categories)])];
    writeFileSync(
      join(dir, 'coops', `bench-search-${String(i).padStart(5, '0')}.yaml`),
      stringify({
        name,
        reading:
          core
            .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
            .replace(/[^\u3041-\u309f\u30fc]/g, '') || 'ごうせい',
        kind: 'coop',
        legalForm: '労働者協同組合',
        prefecture: muni.prefecture,
        municipality: muni.id,
        categories: cats.map((c) => c.id),
        summary: `${muni.name}で${cats.map((c) => c.name).join('と')}の仕事をしている労働者協同組合です（検索ベンチマーク用の合成データ）。`,
        business: [pick(phrases), pick(phrases)],
        sources: source,
      }),
    );
    if (i === Math.floor(n / 2)) sample = { name: core, muni: muni.name, category: cats[0]!.name };
  }
  return sample;
}
