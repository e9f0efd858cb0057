/**
 * `npm run bench:search`: search figures from Chromium, printed (no pass/fail).
 *
 * "Stock" is Pagefind's command-line tool with its default settings
 * (`npx pagefind --site dist`, run from an empty folder so no config file is
 * read; BENCH_STOCK_ARGS adds arguments, e.g. the same exclusions as ours:
 * `--force-language ja --exclude-selectors .coop-table --exclude-selectors
 * .print-only`) over the very same built pages, its bundle put beside ours under
 * /pagefind-stock/, queried with its own JS API and its own query handling.
 *
 *  1. recall@5 of the query set (tests/fixtures/search-queries.ts, derived from
 *     content/ and content/search-synonyms.yaml) for stock Pagefind (its
 *     default indexing of the same pages, its own query handling) and for ours,
 *     on the same build, and top-1 of the queries that are exactly a category's
 *     or a public body's name or reading; the size of the search bundle;
 *  2. for one query of each kind and every everyday word, ours and stock in
 *     turn, each from a cold cache: bytes transferred (Pagefind library, index,
 *     result records; our page's script apart), time to results and, per
 *     query, ours ÷ stock pair by pair, on the real site;
 *  3. the same on a synthetic build of 10,000 co-ops, generated at run time in
 *     a temporary folder (the real content/ plus synthetic co-ops whose names
 *     end in （合成）); nothing reaches content/.
 *
 * "Time to results": ours is the search page's own measure (`data-search-ms`),
 * from the query, with Pagefind and its metadata already loaded, to the first
 * results on screen (up to 5 found in our fields; pages found only in their
 * text follow them) — index chunks and result records fetched on the way,
 * reranking included. Stock's is the same span through its API: `search(q)`
 * and the records of its first 5 results; "on screen" adds what ours does
 * after that (its 5 results built into the search page's list, the results
 * heading focused, which lays the page out), so both sides have the same
 * finish line. "First page" is ours to its first ten results on screen, the
 * text's pages included (`data-first-page-ms`), and stock to the records of
 * its first ten. Ours is waited for by an observer, not a check on every
 * animation frame of the measured page.
 * Both search in Pagefind's web worker (its default). Each query runs BENCH_RUNS times
 * (default 3) per side, alternating; the median time is printed.
 * The static server runs in a child process, as a real server would.
 *
 * DIST_DIR=… reuses a build of the real site (not written to); BENCH_COOPS=10000 sets the
 * synthetic size (0 skips it); BENCH_KEEP=1 keeps the temporary folders;
 * BENCH_SYNTHETIC=<kept folder> measures a kept synthetic build again (only).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '../tests/helpers/chromium.ts';
import { loadContentDirectory, loadSearchSynonyms } from '../tests/helpers/content.ts';
import { serveInChild } from '../tests/helpers/search-server.ts';
import { searchQueries } from '../tests/fixtures/search-queries.ts';
import { recallReport } from './lib/search-recall.ts';
import { withStockBundle } from './lib/search-stock.ts';
import { writeSyntheticContent, type Sample } from './lib/search-synthetic.ts';
import { transferReport } from './lib/search-transfer.ts';

const ROOT = resolve('.');
const COOPS = Number(process.env.BENCH_COOPS ?? 10000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const temps: string[] = [];

/** Runs `npm run build`'s command (scripts/build.ts) into outDir (with another content folder when given); resolves with seconds and output. */
function build(outDir: string, contentDir?: string): Promise<{ seconds: number; output: string }> {
  return new Promise((ok, fail) => {
    const started = Date.now();
    const env = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ASTRO_CACHE_DIR: join(outDir, '..', 'cache'),
      ...(contentDir ? { CONTENT_DIR: contentDir } : {}),
    };
    // Run from the output's parent folder (with node_modules linked there for the prerender chunks' imports): Astro
    // puts its prerender chunks in `<cwd>/.astro/` when outDir lies outside the working directory, which collides
    // with any other build running from the project root at the same time.
    const cwd = join(outDir, '..');
    if (!existsSync(join(cwd, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(cwd, 'node_modules'));
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--root', ROOT, '--outDir', outDir], {
      cwd,
      env,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) =>
      code === 0
        ? ok({ seconds: (Date.now() - started) / 1000, output })
        : fail(new Error(`astro build failed:\n${output.slice(-3000)}`)),
    );
  });
}

/** Bytes of the search bundle on disk, by part (index chunks, result records, filters, the rest). */
function bundleSize(dist: string): string {
  const sizeOf = (dir: string): number =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true }).reduce(
          (n, e) => n + (e.isDirectory() ? sizeOf(join(dir, e.name)) : statSync(join(dir, e.name)).size),
          0,
        )
      : 0;
  const root = join(dist, 'pagefind');
  const [index, fragment, filter, all] = [
    sizeOf(join(root, 'index')),
    sizeOf(join(root, 'fragment')),
    sizeOf(join(root, 'filter')),
    sizeOf(root),
  ];
  const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
  return `search bundle ${mb(all)}: index ${mb(index)} (${readdirSync(join(root, 'index')).length} chunks), records ${mb(fragment)}, filters ${mb(filter)}`;
}

// ---- main --------------------------------------------------------------------

/** Thrown to skip the real site's figures when only an earlier synthetic build is measured again. */
class SkipReal extends Error {}

const browser = await launch();
try {
  const dir = loadContentDirectory();
  let dist = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : '';
  if (!dist) {
    const work = mkdtempSync(join(tmpdir(), 'ra-search-real-'));
    temps.push(work);
    dist = join(work, 'dist');
    const b = await build(dist);
    console.log(
      `real site built in ${b.seconds.toFixed(1)} s; ${/検索索引（Pagefind）: \d+ページ[^\n]*/.exec(b.output)?.[0] ?? ''}`,
    );
  }
  console.log(`real site: ${bundleSize(dist)}`);
  const realRoot = await withStockBundle(ROOT, dist, 'the real site', temps);
  const real = await serveInChild(realRoot);
  try {
    if (process.env.BENCH_SYNTHETIC) throw new SkipReal();
    await recallReport(browser, real.url, dir);
    const qs = searchQueries(dir, loadSearchSynonyms());
    const byType = (t: string) => qs.find((q) => q.type === t)?.q;
    // One query of each kind, and every everyday word (one search each now that the index holds their groups).
    const picks = [
      ...new Set(
        [
          ...[
            '名称の一部',
            'ひらがな入力',
            '地域＋分野',
            '事業・サービス（委託）',
            '分野',
            '分野の事業',
            '自治体のよみ',
          ].map(byType),
          ...qs.filter((q) => q.type === 'ふだんの言葉').map((q) => q.q),
        ].filter((q): q is string => Boolean(q)),
      ),
    ];
    await transferReport(browser, real.url, realRoot, `real site (${dir.coops.length} organisations)`, picks, RUNS);
  } catch (e) {
    if (!(e instanceof SkipReal)) throw e;
  } finally {
    real.stop();
  }

  if (COOPS > 0) {
    // BENCH_SYNTHETIC=<folder kept by BENCH_KEEP> measures an earlier synthetic build again.
    const reuse = process.env.BENCH_SYNTHETIC;
    const work = reuse ?? mkdtempSync(join(tmpdir(), 'ra-search-synthetic-'));
    let sample: Sample;
    if (reuse) {
      sample = JSON.parse(readFileSync(join(work, 'sample.json'), 'utf8')) as Sample;
    } else {
      temps.push(work);
      sample = writeSyntheticContent(ROOT, join(work, 'content'), COOPS, dir);
      writeFileSync(join(work, 'sample.json'), JSON.stringify(sample));
      const b = await build(join(work, 'dist'), join(work, 'content'));
      console.log(
        `\nsynthetic site: ${COOPS} synthetic co-ops + the real content, built in ${b.seconds.toFixed(1)} s; ${/検索索引（Pagefind）: \d+ページ[^\n]*/.exec(b.output)?.[0] ?? ''}`,
      );
    }
    console.log(`synthetic site: ${bundleSize(join(work, 'dist'))}`);
    const syntheticRoot = await withStockBundle(ROOT, join(work, 'dist'), `${COOPS} synthetic co-ops`, temps);
    const synthetic = await serveInChild(syntheticRoot);
    try {
      const qs = searchQueries(dir, loadSearchSynonyms());
      const service = qs.find((q) => q.type === '事業・サービス（委託）')?.q;
      // Everyday words were the costliest queries while each alternative was a search of its own.
      const everyday = qs.filter((q) => q.type === 'ふだんの言葉').map((q) => q.q);
      const picks = [
        sample.name,
        `${sample.muni} ${sample.category}`,
        sample.category,
        ...(service ? [service] : []),
        ...everyday.slice(0, 2),
      ];
      await transferReport(browser, synthetic.url, syntheticRoot, `${COOPS} synthetic co-ops`, picks, RUNS);
    } finally {
      synthetic.stop();
    }
  }
} finally {
  await browser.close();
  if (!process.env.BENCH_KEEP) for (const t of temps) rmSync(t, { recursive: true, force: true });
  else console.log(`\nkept: ${temps.join(' ')}`);
}
