/**
 * `npm run bench`: the scale benchmark. Generates, at run time and outside
 * content/, a synthetic directory of 1,000 and 10,000 co-ops (plus every real
 * public body from the official code list, contracts for a fifth of the
 * co-ops). For each size, BENCH_RUNS times (default 2), each run cold (fresh
 * caches) and with the load average printed before each step:
 *
 *  - ours: `astro build` of this project on that content (build + our index);
 *  - bare Astro: a bare Astro site rendering one trivial page per co-op and per
 *    public body from the same files (its own cacheDir and node_modules
 *    folder in the temporary folder, so it never writes into this project's);
 *  - bare Astro, same pages: a bare Astro site writing a trivial file at every
 *    path our build wrote an HTML page or a JSON document (English twins, API
 *    documents, embeds, lists), from a list of those paths: Astro's own cost
 *    for as many files as ours, the anchor for what our pages cost beyond it;
 *  - stock Pagefind on the bare site: `npx pagefind --site dist`, defaults;
 *  - stock Pagefind on our pages: the same command over our built dist/
 *    (bundle written beside it, ours untouched).
 *
 * Printed: seconds (wall, and CPU = user + system of every process of the
 * tree, from /proc, which says more on a shared machine), pages and cost
 * per page, peak memory of each process (its own VmHWM: the build's node
 * process and the Pagefind process apart), dist/ size, and the ratios —
 * above all build + index ÷ (bare Astro + stock Pagefind on our pages), goal
 * ≤ 1.5×. Our index is fed while pages render (src/integrations/rendered-pages.ts);
 * "our Pagefind step" is what the build still spends on it after the last page,
 * read from the build's log line that names Pagefind. Seconds depend on the machine's load; compare ratios within
 * a run.
 * Synthetic names say so (「合成データ」); nothing here reaches content/.
 *
 * After our build it also prints the largest HTML page (and the next ones,
 * and how many pages exceed ~200 kB): the goal is none at 10,000 co-ops.
 *
 * BENCH_SIZES=1000,10000 (default) chooses the sizes; BENCH_RUNS=2 the runs
 * per size; BENCH_KEEP=1 keeps the temporary folders; BENCH_ONLY_OURS=1 runs
 * only our build (figures and page sizes, no comparison).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cpuOfProcesses, loadLine, pagefindCli, peakOf, runMeasured, type RunResult } from './lib/bench-common.ts';
import { largestPageLine } from './lib/page-sizes.ts';
import { builtPaths, writeBareSamePages, writeBareSite } from './lib/bare-astro.ts';
import { writeScaleContent } from './lib/scale-content.ts';
import { htmlFilesUnder } from '../src/search/build/dist-files.ts';

const ROOT = resolve('.');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 2));
/** BENCH_ONLY_OURS=1: only our build per run (seconds, memory, page sizes), no bare site and no stock Pagefind. */
const ONLY_OURS = process.env.BENCH_ONLY_OURS === '1';

function duBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return n + (s.isDirectory() ? duBytes(p) : s.size);
  }, 0);
}
const countHtml = (dir: string): number => htmlFilesUnder(dir).length;

function mustSucceed(r: RunResult, what: string): RunResult {
  if (r.code !== 0) {
    console.error(r.output.length > 6000 ? `${r.output.slice(0, 3000)}\n…\n${r.output.slice(-3000)}` : r.output);
    throw new Error(`${what} failed (exit ${r.code})`);
  }
  return r;
}

/** Seconds of our build's Pagefind step, from its log line (the last "<n> s" on a line naming Pagefind). */
function pagefindSecondsOf(output: string): number {
  const line = output
    .split('\n')
    .filter((l) => /pagefind/i.test(l) && /\d\s*s\b/.test(l))
    .at(-1);
  const all = line ? [...line.matchAll(/(\d+(?:\.\d+)?)\s*s\b/g)] : [];
  return all.length ? Number(all.at(-1)![1]) : NaN;
}

/** Pages Pagefind's command-line tool reports as indexed. */
const indexedPages = (output: string) => Number(/Indexed (\d+) pages?/i.exec(output)?.[1] ?? NaN);

interface RunFigures {
  size: number;
  run: number;
  load: string;
  ours: {
    seconds: number;
    cpu: number;
    buildCpu: number;
    pagefindCpu: number;
    pagefindSeconds: number;
    pages: number;
    distMb: number;
    buildPeakMb: number;
    pagefindPeakMb: number;
    treePeakMb: number;
    /** The largest HTML page and how many exceed ~200 kB. */
    largest: string;
  };
  bare: { seconds: number; cpu: number; pages: number; peakMb: number };
  /** Bare Astro writing a trivial file at every path ours wrote (HTML pages and JSON documents). */
  bareSame: { seconds: number; cpu: number; pages: number; files: number; peakMb: number };
  stockBare: { seconds: number; cpu: number; pages: number; peakMb: number };
  stockOurs: { seconds: number; cpu: number; pagefindCpu: number; pages: number; peakMb: number };
}

const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const s1 = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)} s`);
const ms = (seconds: number, pages: number) => `${((seconds * 1000) / pages).toFixed(2)} ms/page`;
const mb = (n: number) => `${n.toFixed(0)} MB`;
const x = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? 'n/a' : `${(a / b).toFixed(2)}×`);

async function oneRun(work: string, content: string, size: number, run: number): Promise<RunFigures | undefined> {
  const here = join(work, `run${run}`);
  mkdirSync(here);
  // Builds run from their own folder (node_modules linked there): with an outDir outside the project, Astro keeps
  // prerender chunks in <cwd>/.astro/, which must not collide with other builds.
  symlinkSync(join(ROOT, 'node_modules'), join(here, 'node_modules'));
  const load = loadLine();
  console.log(`\n-- ${size} co-ops, run ${run}/${RUNS} (${load})`);

  const oursDist = join(here, 'dist');
  const ours = mustSucceed(
    await runMeasured(process.execPath, [astro, 'build', '--root', ROOT, '--outDir', oursDist], {
      cwd: here,
      env: { CONTENT_DIR: content, ASTRO_CACHE_DIR: join(here, 'cache') },
    }),
    `build of ${size}`,
  );
  const o = {
    seconds: ours.seconds,
    cpu: ours.cpuSeconds,
    buildCpu: cpuOfProcesses(ours, /^node$/),
    pagefindCpu: cpuOfProcesses(ours, /pagefind/),
    pagefindSeconds: pagefindSecondsOf(ours.output),
    pages: countHtml(oursDist),
    distMb: duBytes(oursDist) / 1048576,
    buildPeakMb: peakOf(ours, /^node$/),
    pagefindPeakMb: peakOf(ours, /pagefind/),
    treePeakMb: ours.treePeakMb,
    largest: largestPageLine(oursDist),
  };
  console.log(
    `ours: ${s1(o.seconds)}, CPU ${s1(o.cpu)} (build's node ${s1(o.buildCpu)}, Pagefind ${s1(o.pagefindCpu)}) (Pagefind step ${s1(o.pagefindSeconds)}, ${ms(o.pagefindSeconds, o.pages)}), ${o.pages} pages, ${ms(o.seconds, o.pages)}, dist ${o.distMb.toFixed(1)} MB, peak: build ${mb(o.buildPeakMb)}, Pagefind ${mb(o.pagefindPeakMb)} (all at once ${mb(o.treePeakMb)})`,
  );
  console.log(`   ${o.largest} (goal: no page over ~200 kB at 10,000 co-ops)`);
  if (ONLY_OURS) {
    if (!process.env.BENCH_KEEP) rmSync(here, { recursive: true, force: true });
    return undefined;
  }

  const bareDir = join(here, 'bare');
  writeBareSite(ROOT, bareDir, content);
  console.log(`   (${loadLine()})`);
  const bareRun = mustSucceed(
    await runMeasured(process.execPath, [astro, 'build'], {
      cwd: bareDir,
      env: { BARE_CACHE_DIR: join(here, 'bare-cache') },
    }),
    `bare build of ${size}`,
  );
  const bare = {
    seconds: bareRun.seconds,
    cpu: bareRun.cpuSeconds,
    pages: countHtml(join(bareDir, 'dist')),
    peakMb: peakOf(bareRun, /^node$/),
  };
  console.log(
    `bare Astro: ${s1(bare.seconds)}, CPU ${s1(bare.cpu)}, ${bare.pages} pages, ${ms(bare.seconds, bare.pages)}, peak ${mb(bare.peakMb)}`,
  );

  const samePaths = builtPaths(oursDist);
  const sameDir = join(here, 'bare-same');
  writeBareSamePages(ROOT, sameDir, samePaths);
  console.log(`   (${loadLine()})`);
  const sameRun = mustSucceed(
    await runMeasured(process.execPath, [astro, 'build'], {
      cwd: sameDir,
      env: { BARE_CACHE_DIR: join(here, 'bare-same-cache') },
    }),
    `bare build of the same pages (${size})`,
  );
  const bareSame = {
    seconds: sameRun.seconds,
    cpu: sameRun.cpuSeconds,
    pages: countHtml(join(sameDir, 'dist')),
    files: samePaths.html.length + samePaths.json.length,
    peakMb: peakOf(sameRun, /^node$/),
  };
  console.log(
    `bare Astro, same pages: ${s1(bareSame.seconds)}, CPU ${s1(bareSame.cpu)}, ${bareSame.pages} HTML pages + ${samePaths.json.length} JSON documents, ${ms(bareSame.seconds, bareSame.files)} per file, peak ${mb(bareSame.peakMb)}`,
  );

  // Stock Pagefind from an empty folder (no pagefind.yml read), default settings.
  const cwd = join(here, 'pagefind-cwd');
  mkdirSync(cwd);
  console.log(`   (${loadLine()})`);
  const sb = mustSucceed(
    await pagefindCli(ROOT, ['--site', join(bareDir, 'dist')], cwd),
    'stock Pagefind on the bare site',
  );
  const stockBare = {
    seconds: sb.seconds,
    cpu: sb.cpuSeconds,
    pages: indexedPages(sb.output),
    peakMb: peakOf(sb, /pagefind/),
  };
  console.log(
    `stock Pagefind on the bare site: ${s1(stockBare.seconds)}, CPU ${s1(stockBare.cpu)}, ${stockBare.pages} pages indexed, ${ms(stockBare.seconds, bare.pages)}, peak ${mb(stockBare.peakMb)}`,
  );

  console.log(`   (${loadLine()})`);
  const so = mustSucceed(
    await pagefindCli(ROOT, ['--site', oursDist, '--output-path', join(here, 'stock-on-ours')], cwd),
    'stock Pagefind on our pages',
  );
  const stockOurs = {
    seconds: so.seconds,
    cpu: so.cpuSeconds,
    pagefindCpu: cpuOfProcesses(so, /pagefind/),
    pages: indexedPages(so.output),
    peakMb: peakOf(so, /pagefind/),
  };
  console.log(
    `stock Pagefind on our pages: ${s1(stockOurs.seconds)}, CPU ${s1(stockOurs.cpu)}, ${stockOurs.pages} pages indexed, ${ms(stockOurs.seconds, o.pages)}, peak ${mb(stockOurs.peakMb)}`,
  );

  const f: RunFigures = { size, run, load, ours: o, bare, bareSame, stockBare, stockOurs };
  console.log(ratios(f));
  if (!process.env.BENCH_KEEP) rmSync(here, { recursive: true, force: true });
  return f;
}

function ratios(f: RunFigures): string {
  const { ours: o, bare, stockBare, stockOurs } = f;
  return [
    `ratios: build+index ÷ (bare Astro + stock Pagefind on our pages) ${x(o.seconds, bare.seconds + stockOurs.seconds)} (CPU ${x(o.cpu, bare.cpu + stockOurs.cpu)}; goal ≤ 1.5×)`,
    `build+index ÷ (bare Astro + stock Pagefind on it) ${x(o.seconds, bare.seconds + stockBare.seconds)} (CPU ${x(o.cpu, bare.cpu + stockBare.cpu)})`,
    `build+index ÷ (bare Astro with the same pages + stock Pagefind on our pages) ${x(o.seconds, f.bareSame.seconds + stockOurs.seconds)} (CPU ${x(o.cpu, f.bareSame.cpu + stockOurs.cpu)})`,
    `build until the last page ÷ bare Astro ${x(o.seconds - o.pagefindSeconds, bare.seconds)}, ÷ bare Astro with the same pages ${x(o.seconds - o.pagefindSeconds, f.bareSame.seconds)}`,
    `our Pagefind step after the last page ÷ stock on our pages ${x(o.pagefindSeconds, stockOurs.seconds)} (Pagefind process CPU ${x(o.pagefindCpu, stockOurs.pagefindCpu)}, peak ${x(o.pagefindPeakMb, stockOurs.peakMb)})`,
  ].join('; ');
}

const all: RunFigures[] = [];
for (const n of SIZES) {
  const work = mkdtempSync(join(tmpdir(), `ra-bench-${n}-`));
  const content = join(work, 'content');
  const counts = writeScaleContent(ROOT, content, n);
  console.log(
    `\n== ${n} co-ops: ${counts.bodies} public bodies (${counts.pointsLeftOut} of the package's points left out: the data check refuses them), ${counts.contracts} contracts (synthetic, in ${work})`,
  );
  try {
    for (let r = 1; r <= RUNS; r++) {
      const f = await oneRun(work, content, n, r);
      if (f) all.push(f);
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
}

if (ONLY_OURS) process.exit(0);
const pad = (v: string, w: number) => v.padStart(w);
console.log(
  `\nScale benchmark: ${SIZES.join(', ')} co-ops, ${RUNS} run(s) each; seconds (cost per HTML page of the site built or indexed), peak memory per process (VmHWM)\n`,
);
console.log(
  [
    'size',
    'run',
    'ours build+index',
    'our PF after last page',
    'bare Astro',
    'bare, same pages',
    'stock PF on bare',
    'stock PF on ours',
    'CPU s: ours/bare/PF ours',
    'PF CPU s: ours/stock',
    'peak: build / our PF',
    'peak: bare / stock on ours',
    'vs bare+stock on ours',
    'same, CPU',
    'vs same pages+stock',
    'load before (1/5/15 min)',
  ]
    .map((h, i) => (i < 2 ? pad(h, i ? 4 : 6) : i === 13 ? pad(h, 10) : pad(h, 22)))
    .join(' '),
);
for (const f of all) {
  const { ours: o, bare, stockBare, stockOurs } = f;
  console.log(
    [
      pad(String(f.size), 6),
      pad(String(f.run), 4),
      pad(`${s1(o.seconds)} (${((o.seconds * 1000) / o.pages).toFixed(1)} ms)`, 22),
      pad(`${s1(o.pagefindSeconds)} (${((o.pagefindSeconds * 1000) / o.pages).toFixed(1)} ms)`, 22),
      pad(`${s1(bare.seconds)} (${((bare.seconds * 1000) / bare.pages).toFixed(1)} ms)`, 22),
      pad(`${s1(f.bareSame.seconds)} (${((f.bareSame.seconds * 1000) / f.bareSame.files).toFixed(1)} ms)`, 22),
      pad(`${s1(stockBare.seconds)} (${((stockBare.seconds * 1000) / bare.pages).toFixed(1)} ms)`, 22),
      pad(`${s1(stockOurs.seconds)} (${((stockOurs.seconds * 1000) / o.pages).toFixed(1)} ms)`, 22),
      pad(`${o.cpu.toFixed(1)} / ${bare.cpu.toFixed(1)} / ${stockOurs.cpu.toFixed(1)}`, 22),
      pad(`${o.pagefindCpu.toFixed(1)} / ${stockOurs.pagefindCpu.toFixed(1)}`, 22),
      pad(`${mb(o.buildPeakMb)} / ${mb(o.pagefindPeakMb)}`, 22),
      pad(`${mb(bare.peakMb)} / ${mb(stockOurs.peakMb)}`, 22),
      pad(x(o.seconds, bare.seconds + stockOurs.seconds), 22),
      pad(x(o.cpu, bare.cpu + stockOurs.cpu), 10),
      pad(x(o.seconds, f.bareSame.seconds + stockOurs.seconds), 22),
      `  ${f.load.replace(/^load /, '')}`,
    ].join(' '),
  );
}
for (const f of all) console.log(`${f.size} co-ops, run ${f.run}: ${f.ours.largest}`);
console.log(
  `\npages: ours ${[...new Set(all.map((f) => `${f.size}→${f.ours.pages}`))].join(', ')}; bare ${[...new Set(all.map((f) => `${f.size}→${f.bare.pages}`))].join(', ')}; bare with the same pages ${[...new Set(all.map((f) => `${f.size}→${f.bareSame.files} files`))].join(', ')}. Goal: ours ≤ 1.5× (bare Astro + stock Pagefind on our pages).`,
);
