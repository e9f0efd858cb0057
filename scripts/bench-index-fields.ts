/**
 * `npm run bench:index -- <dist>`: what each encoded field and n-gram size
 * costs the search index, on a site already built (e.g. a kept 10k build of
 * `BENCH_KEEP=1 npm run bench`). Each variant indexes the same pages in a
 * child process of its own, one at a time, so each has its own peak memory:
 *
 *  - stock: Pagefind's addDirectory with our settings, no encoded fields;
 *  - the variants named in BENCH_VARIANTS (comma-separated; default: all
 *    below), each the build's indexing (src/search/build/pagefind.ts) of the
 *    pages as built, or with encoded fields derived from their text instead
 *    (h hub, n names, k facets, t text) at an n-gram size.
 *
 * Printed per variant: seconds, peak memory of the Pagefind process and of
 * Node, bundle bytes (index chunks, result records), and the mean result
 * record (raw and as fetched, gzip). Recall is not measured here: re-index a
 * build of the real site with a variant (BENCH_INDEX_ONLY) and run
 * tests/e2e/search.test.ts against it.
 *
 * In the child (BENCH_INDEX_ONLY=<variant> <dist> <out>) it only indexes.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSearchIndex, type IndexOptions } from '../src/search/build/pagefind.ts';
import { loadLine, peakOf, runMeasured } from './lib/bench-common.ts';

/**
 * Variant name → options: `stock` is addDirectory alone; `as built` the build's own indexing of the pages as they are
 * (their own encoded fields); `none` and the rest derive the fields named (h hub, n names, k facets, t text) from each
 * page's text, with the n-gram size given (default 4), replacing any the page has.
 */
const VARIANTS: Record<string, IndexOptions> = {
  stock: { enhance: false },
  'as built': {},
  none: { fields: [] },
  'h n': { fields: ['hub', 'names'] },
  'h n k': { fields: ['hub', 'names', 'facets'] },
  'h n k t': { fields: ['hub', 'names', 'facets', 'text'] },
  'h n k 3-grams': { fields: ['hub', 'names', 'facets'], gram: 3 },
  'h n k t 3-grams': { fields: ['hub', 'names', 'facets', 'text'], gram: 3 },
  'h n k 5-grams': { fields: ['hub', 'names', 'facets'], gram: 5 },
};

const only = process.env.BENCH_INDEX_ONLY;
if (only) {
  const [dist, out] = process.argv.slice(2);
  const { pages } = await buildSearchIndex(resolve(dist!), { ...VARIANTS[only]!, outputPath: resolve(out!) });
  console.log(`indexed ${pages} pages`);
  process.exit(0);
}

const dist = resolve(process.argv[2] ?? 'dist');
const names = process.env.BENCH_VARIANTS ? process.env.BENCH_VARIANTS.split(',') : Object.keys(VARIANTS);
const sizeOf = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

console.log(`Index variants over ${dist} (${loadLine()})\n`);
console.log('variant            seconds  PF peak  node peak    bundle     index   records  record raw  record gz');
for (const name of names) {
  if (!VARIANTS[name]) throw new Error(`unknown variant ${name}; known: ${Object.keys(VARIANTS).join(', ')}`);
  const out = mkdtempSync(join(tmpdir(), 'ra-index-variant-'));
  const r = await runMeasured(process.execPath, [import.meta.filename, dist, out], {
    cwd: process.cwd(),
    env: { BENCH_INDEX_ONLY: name },
  });
  if (r.code !== 0) throw new Error(`${name}: ${r.output.slice(-2000)}`);
  const frags = readdirSync(join(out, 'fragment'));
  const gz = frags.reduce((n, f) => n + statSync(join(out, 'fragment', f)).size, 0);
  // A record file is gzip with a 12-byte signature inside; raw = the JSON a result's data() parses.
  const { gunzipSync } = await import('node:zlib');
  const raw = frags.reduce((n, f) => n + gunzipSync(readFileSync(join(out, 'fragment', f))).length - 12, 0);
  console.log(
    [
      name.padEnd(18),
      `${r.seconds.toFixed(1)} s`.padStart(8),
      `${peakOf(r, /pagefind/).toFixed(0)} MB`.padStart(8),
      `${peakOf(r, /^node$/).toFixed(0)} MB`.padStart(10),
      mb(sizeOf(out)).padStart(9),
      mb(sizeOf(join(out, 'index'))).padStart(9),
      mb(gz).padStart(9),
      `${(raw / frags.length / 1024).toFixed(2)} kB`.padStart(11),
      `${(gz / frags.length / 1024).toFixed(2)} kB`.padStart(10),
    ].join(' '),
  );
  rmSync(out, { recursive: true, force: true });
}
