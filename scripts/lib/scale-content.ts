/**
 * The scale benchmark's synthetic content folder (bench-scale.ts): every real public body of the official code list
 * (with its representative point where the data check accepts it), the real categories, `n` synthetic co-ops in
 * random municipalities and a contract for every fifth. Names say 「合成データ」; it is written outside content/.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { prefectureCodeOf } from '../../src/lib/places/lgcode.ts';
import { officialBodies, type OfficialBody } from '../../src/lib/places/official-bodies.ts';
import { plausibilityProblems } from '../../src/lib/check/plausibility.ts';
import { loadCheckContext } from '../../src/content/files.ts';
import { CONTRACT_KIND } from '../../src/lib/model/vocabularies.ts';
import { prng } from './bench-common.ts';

const SOURCE = [
  { title: '合成データ（ベンチマーク用）', document: 'bench-scale.ts が実行時に生成', asOf: '2025-10-01' },
];

/** Writes a synthetic content folder of `n` co-ops into `dir` (the real categories copied from `root`); returns counts. */
export function writeScaleContent(
  root: string,
  dir: string,
  n: number,
): { coops: number; bodies: number; contracts: number; pointsLeftOut: number } {
  const rand = prng(n);
  for (const c of ['coops', 'categories', 'municipalities', 'contracts', 'councils', 'guides'])
    mkdirSync(join(dir, c), { recursive: true });
  // Real categories (they are small and sourced); real public bodies from the code list.
  cpSync(join(root, 'content/categories'), join(dir, 'categories'), { recursive: true });
  const categories = readdirSync(join(dir, 'categories')).map((f) => f.replace(/\.ya?ml$/, ''));
  // Every prefecture and municipality of the official list (wards of designated cities left out), as the site's own
  // content writes them, with the representative point where the package has one and the site's own check accepts it
  // (some of the package's points lie offshore or across a prefecture border; the build would refuse them).
  const bodies = [...officialBodies().values()].filter((b) => !b.parent);
  const dataOf = (b: OfficialBody, withPoint: boolean) => ({
    name: b.name,
    reading: b.reading,
    kind: b.kind,
    ...(b.kind === '都道府県' ? {} : { prefecture: b.prefecture }),
    ...(withPoint && b.point ? { location: b.point } : {}),
    sources: SOURCE,
  });
  const parsed = bodies.map((b) => {
    const data = dataOf(b, true);
    return { entry: { collection: 'municipalities' as const, id: b.code, file: b.code, data }, data };
  });
  const refused = new Set(
    plausibilityProblems(parsed, loadCheckContext())
      .filter((p) => p.field === 'location')
      .map((p) => p.file),
  );
  const municipalities: OfficialBody[] = [];
  for (const b of bodies) {
    writeFileSync(join(dir, 'municipalities', `${b.code}.yaml`), stringify(dataOf(b, !refused.has(b.code))));
    if (b.kind !== '都道府県') municipalities.push(b);
  }
  let contracts = 0;
  for (let i = 0; i < n; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const m = municipalities[Math.floor(rand() * municipalities.length)]!;
    const cats = [
      ...new Set(
        [0, 1, 2].slice(0, 1 + Math.floor(rand() * 3)).map(() => categories[Math.floor(rand() * categories.length)]!),
      ),
    ];
    writeFileSync(
      join(dir, 'coops', `${id}.yaml`),
      stringify({
        name: `合成データ労働者協同組合${i}`,
        reading: `ごうせいでーた${i}`,
        kind: 'coop',
        legalForm: '労働者協同組合',
        prefecture: prefectureCodeOf(m.code),
        municipality: m.code,
        categories: cats,
        summary: `ベンチマーク用の合成データです（${m.name}）。`,
        business: ['合成データの事業A', '合成データの事業B'],
        established: `202${3 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}`,
        sources: SOURCE,
      }),
    );
    if (i % 5 === 0) {
      writeFileSync(
        join(dir, 'contracts', `${id}-c.yaml`),
        stringify({
          commissioner: m.code,
          contractor: id,
          // Every kind of programme in turn, so each programme's list page has its share.
          kind: CONTRACT_KIND.values[contracts % CONTRACT_KIND.values.length],
          programme: '合成データの委託事業',
          category: cats[0],
          asOf: '2025-04-01',
          sources: SOURCE,
        }),
      );
      contracts++;
    }
  }
  return { coops: n, bodies: bodies.length, contracts, pointsLeftOut: refused.size };
}
