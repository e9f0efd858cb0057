/**
 * `npm run bench`: the scale benchmark. Generates, at run time and outside
 * content/, a synthetic directory of 1,000 and 10,000 co-ops (plus every real
 * public body from the official code list, contracts for a fifth of the
 * co-ops). For each size, BENCH_RUNS times (default and least 2), each run
 * cold (fresh caches), ours first and then the anchors, so the runs alternate
 * ours and the anchors (A B A B …), with the load average of every step:
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
 * Printed: seconds (wall, and CPU = user + system of the whole process tree,
 * Pagefind's child process included: the larger of the kernel's rusage of
 * every child waited for and the sum sampled from /proc, which says more on a
 * shared machine), pages and cost per page, the whole tree's peak memory (its
 * processes' resident memory summed, sampled every 50 ms) and each process's
 * own peak (VmHWM: the build's node and the Pagefind process apart), dist/
 * size, and, per run (a pair of ours and its anchors) and as the median over
 * the runs, the ratios — above all build + index ÷ (bare Astro + stock
 * Pagefind on our pages), goal ≤ 1.5×, and our whole build's peak ÷ the
 * anchors' largest step. Our index is fed while pages render (src/integrations/rendered-pages.ts);
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
 * only our build (figures and page sizes, no comparison); BENCH_MAIN_ANCHORS=1
 * only the two anchors of the headline ratios (bare Astro, stock Pagefind on
 * our pages: CPU and the largest step), for the largest sizes.
 *
 * Ours is `npm run build`'s command (scripts/build.ts: `astro build`, the
 * search index written by its parent once Astro has exited).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  cpuOfProcesses,
  loadLine,
  measuredColdBuild,
  median,
  pagefindCli,
  peakOf,
  runMeasured,
  type RunResult,
} from './lib/bench-common.ts';
import { largestPageLine } from './lib/page-sizes.ts';
import { builtPaths, writeBareSamePages, writeBareSite } from './lib/bare-astro.ts';
import { writeScaleContent } from './lib/scale-content.ts';
import { htmlFilesUnder } from '../src/search/build/dist-files.ts';

const ROOT = resolve('.');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const RUNS = Math.max(2, Number(process.env.BENCH_RUNS ?? 2));
/** BENCH_ONLY_OURS=1: only our build per run (seconds, memory, page sizes), no bare site and no stock Pagefind. */
const ONLY_OURS = process.env.BENCH_ONLY_OURS === '1';
/** BENCH_MAIN_ANCHORS=1: bare Astro and stock Pagefind on our pages only (the other two anchors print n/a). */
const MAIN_ANCHORS = process.env.BENCH_MAIN_ANCHORS === '1';
/** An anchor left out (BENCH_MAIN_ANCHORS). */
const SKIPPED = { seconds: NaN, cpu: NaN, treePeakMb: NaN, load: 'skipped', pages: NaN, files: NaN, peakMb: NaN };

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

/** What every step reports: wall and whole-tree CPU seconds, the whole tree's peak memory, the load as it started. */
interface Step {
  seconds: number;
  cpu: number;
  treePeakMb: number;
  load: string;
}

/** A step's common figures from its run. */
const stepOf = (r: RunResult): Step => ({
  seconds: r.seconds,
  cpu: r.cpuSeconds,
  treePeakMb: r.treePeakMb,
  load: r.loadBefore.replace(/^load /, '').replace(/ on \d+ CPUs$/, ''),
});

interface RunFigures {
  size: number;
  run: number;
  load: string;
  ours: Step & {
    buildCpu: number;
    pagefindCpu: number;
    pagefindSeconds: number;
    pages: number;
    distMb: number;
    buildPeakMb: number;
    pagefindPeakMb: number;
    /** The largest HTML page and how many exceed ~200 kB. */
    largest: string;
  };
  bare: Step & { pages: number; peakMb: number };
  /** Bare Astro writing a trivial file at every path ours wrote (HTML pages and JSON documents). */
  bareSame: Step & { pages: number; files: number; peakMb: number };
  stockBare: Step & { pages: number; peakMb: number };
  stockOurs: Step & { pagefindCpu: number; pages: number; peakMb: number };
}

const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const s1 = (n: number) => (Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)} s`);
const ms = (seconds: number, pages: number) => `${((seconds * 1000) / pages).toFixed(2)} ms/page`;
const mb = (n: number) => `${n.toFixed(0)} MB`;
const x = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? 'n/a' : `${(a / b).toFixed(2)}×`);

/** `astro build` of a bare site written in `dir` (its cache in `cacheDir`), measured; `what` names it if it fails. */
async function bareBuild(dir: string, cacheDir: string, what: string): Promise<RunResult> {
  console.log(`   (${loadLine()})`);
  return mustSucceed(
    await runMeasured(process.execPath, [astro, 'build'], { cwd: dir, env: { BARE_CACHE_DIR: cacheDir } }),
    what,
  );
}

/** Stock Pagefind on the bare site. */
async function stockOnBare(bareDir: string, cwd: string, barePages: number): Promise<RunFigures['stockBare']> {
  console.log(`   (${loadLine()})`);
  const sb = mustSucceed(
    await pagefindCli(ROOT, ['--site', join(bareDir, 'dist')], cwd),
    'stock Pagefind on the bare site',
  );
  const stockBare = {
    ...stepOf(sb),
    pages: indexedPages(sb.output),
    peakMb: peakOf(sb, /pagefind/),
  };
  console.log(
    `stock Pagefind on the bare site: ${s1(stockBare.seconds)}, CPU ${s1(stockBare.cpu)}, ${stockBare.pages} pages indexed, ${ms(stockBare.seconds, barePages)}, peak ${mb(stockBare.treePeakMb)} (Pagefind ${mb(stockBare.peakMb)}); load ${stockBare.load}`,
  );
  return stockBare;
}

/** Bare Astro writing a trivial file at every path our build wrote. */
async function bareSamePages(oursDist: string, here: string, size: number): Promise<RunFigures['bareSame']> {
  const samePaths = builtPaths(oursDist);
  const sameDir = join(here, 'bare-same');
  writeBareSamePages(ROOT, sameDir, samePaths);
  const sameRun = await bareBuild(sameDir, join(here, 'bare-same-cache'), `bare build of the same pages (${size})`);
  const bareSame = {
    ...stepOf(sameRun),
    pages: countHtml(join(sameDir, 'dist')),
    files: samePaths.html.length + samePaths.json.length,
    peakMb: peakOf(sameRun, /^node$/),
  };
  console.log(
    `bare Astro, same pages: ${s1(bareSame.seconds)}, CPU ${s1(bareSame.cpu)}, ${bareSame.pages} HTML pages + ${samePaths.json.length} JSON documents, ${ms(bareSame.seconds, bareSame.files)} per file, peak ${mb(bareSame.treePeakMb)}; load ${bareSame.load}`,
  );

  return bareSame;
}

async function oneRun(work: string, content: string, size: number, run: number): Promise<RunFigures | undefined> {
  const here = join(work, `run${run}`);
  mkdirSync(here);
  const load = loadLine();
  console.log(`\n-- ${size} co-ops, run ${run}/${RUNS} (${load})`);

  const oursDist = join(here, 'dist');
  const ours = mustSucceed(await measuredColdBuild(ROOT, here, content), `build of ${size}`);
  const o = {
    ...stepOf(ours),
    buildCpu: cpuOfProcesses(ours, /^node$/),
    pagefindCpu: cpuOfProcesses(ours, /pagefind/),
    pagefindSeconds: pagefindSecondsOf(ours.output),
    pages: countHtml(oursDist),
    distMb: duBytes(oursDist) / 1048576,
    buildPeakMb: peakOf(ours, /^node$/),
    pagefindPeakMb: peakOf(ours, /pagefind/),
    largest: largestPageLine(oursDist),
  };
  console.log(
    `ours: ${s1(o.seconds)}, CPU ${s1(o.cpu)} of the whole tree (rusage ${s1(ours.rusageCpuSeconds)}, sampled ${s1(ours.sampledCpuSeconds)}: build's node ${s1(o.buildCpu)}, Pagefind ${s1(o.pagefindCpu)}) (Pagefind step ${s1(o.pagefindSeconds)}, ${ms(o.pagefindSeconds, o.pages)}), ${o.pages} pages, ${ms(o.seconds, o.pages)}, dist ${o.distMb.toFixed(1)} MB, peak of the whole build ${mb(o.treePeakMb)} (build's node ${mb(o.buildPeakMb)}, Pagefind ${mb(o.pagefindPeakMb)}); load ${o.load}`,
  );
  console.log(`   ${o.largest} (goal: no page over ~200 kB at 10,000 co-ops)`);
  if (ONLY_OURS) {
    if (!process.env.BENCH_KEEP) rmSync(here, { recursive: true, force: true });
    return undefined;
  }

  const bareDir = join(here, 'bare');
  writeBareSite(ROOT, bareDir, content);
  const bareRun = await bareBuild(bareDir, join(here, 'bare-cache'), `bare build of ${size}`);
  const bare = {
    ...stepOf(bareRun),
    pages: countHtml(join(bareDir, 'dist')),
    peakMb: peakOf(bareRun, /^node$/),
  };
  console.log(
    `bare Astro: ${s1(bare.seconds)}, CPU ${s1(bare.cpu)}, ${bare.pages} pages, ${ms(bare.seconds, bare.pages)}, peak ${mb(bare.treePeakMb)} (node ${mb(bare.peakMb)}); load ${bare.load}`,
  );

  const bareSame = MAIN_ANCHORS ? SKIPPED : await bareSamePages(oursDist, here, size);
  // Stock Pagefind from an empty folder (no pagefind.yml read), default settings.
  const cwd = join(here, 'pagefind-cwd');
  mkdirSync(cwd);
  const stockBare = MAIN_ANCHORS ? SKIPPED : await stockOnBare(bareDir, cwd, bare.pages);

  console.log(`   (${loadLine()})`);
  const so = mustSucceed(
    await pagefindCli(ROOT, ['--site', oursDist, '--output-path', join(here, 'stock-on-ours')], cwd),
    'stock Pagefind on our pages',
  );
  const stockOurs = {
    ...stepOf(so),
    pagefindCpu: cpuOfProcesses(so, /pagefind/),
    pages: indexedPages(so.output),
    peakMb: peakOf(so, /pagefind/),
  };
  console.log(
    `stock Pagefind on our pages: ${s1(stockOurs.seconds)}, CPU ${s1(stockOurs.cpu)}, ${stockOurs.pages} pages indexed, ${ms(stockOurs.seconds, o.pages)}, peak ${mb(stockOurs.treePeakMb)} (Pagefind ${mb(stockOurs.peakMb)}); load ${stockOurs.load}`,
  );

  const f: RunFigures = { size, run, load, ours: o, bare, bareSame, stockBare, stockOurs };
  console.log(ratios(f));
  if (!process.env.BENCH_KEEP) rmSync(here, { recursive: true, force: true });
  return f;
}

/** One run's ratios of ours to its anchors (a pair: ours and the anchors measured right after it). */
function pairRatios(f: RunFigures) {
  const { ours: o, bare, bareSame, stockBare, stockOurs } = f;
  return {
    /** Whole-tree CPU: build + index ÷ (bare Astro + stock Pagefind on our pages); goal ≤ 1.5. */
    cpu: o.cpu / (bare.cpu + stockOurs.cpu),
    wall: o.seconds / (bare.seconds + stockOurs.seconds),
    cpuVsBareStock: o.cpu / (bare.cpu + stockBare.cpu),
    cpuVsSamePages: o.cpu / (bareSame.cpu + stockOurs.cpu),
    /** The whole build's peak ÷ the anchors' largest step (bare Astro, or stock Pagefind on our pages). */
    peak: o.treePeakMb / Math.max(bare.treePeakMb, stockOurs.treePeakMb),
    /** The two halves of the headline apart: our build's node processes ÷ bare Astro (which renders fewer pages). */
    nodeCpu: o.buildCpu / bare.cpu,
    pagefindCpu: o.pagefindCpu / stockOurs.pagefindCpu,
    pagefindStep: o.pagefindSeconds / stockOurs.seconds,
  };
}
type Ratios = ReturnType<typeof pairRatios>;
const RATIO_LABELS: Record<keyof Ratios, string> = {
  cpu: 'CPU ÷ (bare Astro + stock PF on ours), goal ≤ 1.5×',
  wall: 'wall ÷ (bare Astro + stock PF on ours)',
  cpuVsBareStock: 'CPU ÷ (bare Astro + stock PF on it)',
  cpuVsSamePages: 'CPU ÷ (bare, same pages + stock PF on ours)',
  peak: "whole build's peak ÷ anchors' largest step",
  nodeCpu: "our build's node CPU ÷ bare Astro's (pages: see below)",
  pagefindCpu: "our Pagefind process CPU ÷ stock's on ours",
  pagefindStep: 'our Pagefind step after the last page ÷ stock on ours',
};

function ratios(f: RunFigures): string {
  const r = pairRatios(f);
  return `ratios of this pair: ${(Object.keys(RATIO_LABELS) as Array<keyof Ratios>).map((k) => `${RATIO_LABELS[k]} ${x(r[k], 1)}`).join('; ')}`;
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
const ratioKeys = Object.keys(RATIO_LABELS) as Array<keyof Ratios>;
console.log(
  `\nScale benchmark: ${SIZES.join(', ')} co-ops, ${RUNS} alternating runs each (ours, then its anchors); wall and whole-tree CPU seconds (cost per HTML page built or indexed), whole-tree peak memory, load average (1/5/15 min) as each step started\n`,
);
const cell = (st: Step, pages: number) =>
  `${s1(st.seconds)} / ${s1(st.cpu)} (${((st.cpu * 1000) / pages).toFixed(1)} ms), ${mb(st.treePeakMb)}, load ${st.load}`;
for (const f of all) {
  console.log(`${f.size} co-ops, run ${f.run}:`);
  console.log(`  ours build+index      ${cell(f.ours, f.ours.pages)}`);
  console.log(`  bare Astro            ${cell(f.bare, f.bare.pages)}`);
  console.log(`  bare, same pages      ${cell(f.bareSame, f.bareSame.files)}`);
  console.log(`  stock PF on bare      ${cell(f.stockBare, f.bare.pages)}`);
  console.log(`  stock PF on ours      ${cell(f.stockOurs, f.ours.pages)}`);
  console.log(`  ${f.ours.largest}`);
}
console.log(`\nratios, pair by pair (run 1, run 2, …) and their median:`);
for (const n of SIZES) {
  const runs = all.filter((f) => f.size === n).map(pairRatios);
  if (!runs.length) continue;
  console.log(`${n} co-ops:`);
  for (const k of ratioKeys)
    console.log(
      `  ${RATIO_LABELS[k].padEnd(56)} ${runs.map((r) => pad(x(r[k], 1), 7)).join(' ')}   median ${x(median(runs.map((r) => r[k])), 1)}`,
    );
}
console.log(
  `\npages: ours ${[...new Set(all.map((f) => `${f.size}→${f.ours.pages}`))].join(', ')}; bare ${[...new Set(all.map((f) => `${f.size}→${f.bare.pages}`))].join(', ')}; bare with the same pages ${[...new Set(all.map((f) => `${f.size}→${f.bareSame.files} files`))].join(', ')}. Goal: ours ≤ 1.5× (bare Astro + stock Pagefind on our pages), whole-tree CPU, median of the pairs.`,
);
