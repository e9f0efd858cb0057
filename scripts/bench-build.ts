/**
 * `npm run bench:build`: this checkout's build against another checkout's (a
 * commit before a change), on the same synthetic content, alternating (A B A B
 * …), each build cold (fresh caches and working folder): the before/after
 * figure for a change to the build's cost, pair by pair, so the machine's drift
 * between sittings does not enter the ratio.
 *
 * Each build is `npm run build`'s command (scripts/build.ts of its checkout,
 * `--root` that checkout), built and measured as `npm run bench` builds ours
 * (`measuredColdBuild` in scripts/lib/bench-common.ts): wall seconds, CPU of the whole process tree
 * (Pagefind's process included), the build's node processes and Pagefind apart,
 * the whole tree's peak memory, the load average as it starts.
 *
 * BENCH_BASELINE_ROOT=<checkout> (required; it needs its own node_modules, or a
 * link to this one's); BENCH_SIZE=10000 co-ops (synthetic, made at run time
 * outside content/ by scripts/lib/scale-content.ts); BENCH_RUNS=2 pairs (least
 * 2); BENCH_KEEP=1 keeps the temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cpuOfProcesses, loadLine, measuredColdBuild, median } from './lib/bench-common.ts';
import { writeScaleContent } from './lib/scale-content.ts';

const ROOT = resolve('.');
const BASELINE = process.env.BENCH_BASELINE_ROOT ? resolve(process.env.BENCH_BASELINE_ROOT) : undefined;
const SIZE = Number(process.env.BENCH_SIZE ?? 10_000);
const RUNS = Math.max(2, Number(process.env.BENCH_RUNS ?? 2));

if (!BASELINE || !existsSync(join(BASELINE, 'scripts/build.ts')))
  throw new Error('BENCH_BASELINE_ROOT must name another checkout of this project (with scripts/build.ts)');
if (!existsSync(join(BASELINE, 'node_modules')))
  throw new Error(`${BASELINE} has no node_modules: run npm install there, or link this checkout's`);

interface Figures {
  wall: number;
  cpu: number;
  node: number;
  pagefind: number;
  peakMb: number;
  load: string;
}

/** One cold build of `root`'s project on `content`, in its own folder under `work`. */
async function build(root: string, name: string, content: string, work: string): Promise<Figures> {
  const here = mkdtempSync(join(work, `${name}-`));
  const load = loadLine();
  const r = await measuredColdBuild(root, here, content);
  if (r.code !== 0) {
    console.error(r.output.slice(-4000));
    throw new Error(`the build of ${root} failed (exit ${r.code})`);
  }
  rmSync(here, { recursive: true, force: true });
  return {
    wall: r.seconds,
    cpu: r.cpuSeconds,
    node: cpuOfProcesses(r, /^node$/),
    pagefind: cpuOfProcesses(r, /pagefind/),
    peakMb: r.treePeakMb,
    load,
  };
}

const line = (f: Figures) =>
  `wall ${f.wall.toFixed(1)} s, CPU of the whole tree ${f.cpu.toFixed(1)} s (build's node ${f.node.toFixed(1)} s, Pagefind ${f.pagefind.toFixed(1)} s), peak ${f.peakMb.toFixed(0)} MB; ${f.load}`;

const work = mkdtempSync(join(tmpdir(), 'ra-bench-build-'));
try {
  const content = join(work, 'content');
  mkdirSync(content);
  const counts = writeScaleContent(ROOT, content, SIZE);
  console.log(
    `${SIZE} synthetic co-ops, ${counts.bodies} public bodies, ${counts.contracts} contracts; A = ${ROOT}, B = ${BASELINE}; ${RUNS} pairs, A first`,
  );
  const pairs: Array<{ a: Figures; b: Figures }> = [];
  for (let i = 1; i <= RUNS; i++) {
    const a = await build(ROOT, 'a', content, work);
    console.log(`A, pair ${i}: ${line(a)}`);
    const b = await build(BASELINE, 'b', content, work);
    console.log(`B, pair ${i}: ${line(b)}`);
    pairs.push({ a, b });
  }
  const ratios = (k: keyof Omit<Figures, 'load'>) => pairs.map((p) => p.a[k] / p.b[k]);
  console.log('\nA ÷ B, pair by pair, and the median of the pairs:');
  for (const [k, label] of [
    ['cpu', 'CPU of the whole tree'],
    ['node', "the build's node processes"],
    ['pagefind', 'Pagefind'],
    ['wall', 'wall'],
    ['peakMb', 'peak memory of the whole tree'],
  ] as const) {
    const r = ratios(k);
    console.log(
      `  ${label.padEnd(32)} ${r.map((v) => `${v.toFixed(3)}×`).join('  ')}   median ${median(r).toFixed(3)}×`,
    );
  }
} finally {
  if (process.env.BENCH_KEEP !== '1') rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
