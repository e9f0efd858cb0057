/**
 * Shared by the bench-* scripts (not a benchmark itself): the machine's load,
 * gzip sizes as a static host would send them, commands run with the peak
 * memory of each of their processes, a page's network, and the seeded
 * random numbers of synthetic data.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Request, Response } from 'playwright-core';

/** "load 1.23 / 0.98 / 0.50 on 2 CPUs" — the 1, 5 and 15-minute load averages now. */
export function loadLine(): string {
  return `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')} on ${cpus().length} CPUs`;
}

/** The median of some numbers (the mean of the middle two for an even count); NaN for none. */
export function median(xs: readonly number[]): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Busy and total CPU milliseconds of this machine so far, summed over its CPUs (os.cpus()). */
function cpuClock(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

/** How long the browser benches wait, at most, for a quiet machine before a measured load (BENCH_SETTLE_MS; 0 skips the wait). */
export const SETTLE_MAX_MS = Number(process.env.BENCH_SETTLE_MS ?? 5000);

/**
 * Waits until this machine's CPUs have been at least 85 % idle over two 100 ms samples in a row, or `maxMs` has passed,
 * and resolves with the time waited. The browser benches call it after opening a page in a new browser context and
 * before the load they time: Chromium starts the new window's own interface then (its omnibox popup is a WebUI page
 * in a renderer of its own), which on this two-core machine keeps both cores busy for about a second after the
 * context opens, during any page load timed at once. A visitor's browser window is already running when they open
 * the site, so that start is not the page's cost; and both sides of a comparison get the same wait.
 */
export async function untilQuiet(maxMs = SETTLE_MAX_MS): Promise<number> {
  const started = Date.now();
  let before = cpuClock();
  let calm = 0;
  while (calm < 2 && Date.now() - started < maxMs) {
    await new Promise((ok) => setTimeout(ok, 100));
    const now = cpuClock();
    const idle = 1 - (now.busy - before.busy) / Math.max(1, now.total - before.total);
    before = now;
    calm = idle >= 0.85 ? calm + 1 : 0;
  }
  return Date.now() - started;
}

/**
 * How each timed cold load of the browser benches starts: a page in a new browser context (Japanese locale unless
 * `options` say otherwise), handed over once the machine is quiet again (untilQuiet), with the time that took.
 */
export async function quietPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; settledMs: number }> {
  const context = await browser.newContext({ locale: 'ja-JP', ...options });
  const page = await context.newPage();
  return { context, page, settledMs: await untilQuiet() };
}

/** A small deterministic PRNG (a linear congruential generator), so every run makes the same synthetic data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Files a static host sends compressed (text); the rest (images, Pagefind's gzip files, wasm) go as they are. */
const TEXT = /\.(html|css|js|mjs|json|geojson|svg|xml|txt|csv|webmanifest)$/i;

/** Bytes over the wire for one file's contents: gzip -9 for text, raw otherwise. */
export function wireBytes(name: string, body: Buffer | string): number {
  return TEXT.test(name) ? gzipSync(body, { level: 9 }).length : Buffer.byteLength(body);
}

/** Peak resident memory of one process of a command's tree. */
export interface ProcessPeak {
  pid: number;
  /** Executable name (e.g. node, pagefind_extended). */
  name: string;
  /** VmHWM: the process's own peak resident set, in MB. */
  peakMb: number;
  /** Its own CPU seconds (user + system, /proc/<pid>/stat), as last sampled (at most 50 ms before it ended). */
  cpuSeconds: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

function cpuOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / HZ;
  } catch {
    return undefined;
  }
}

export interface RunResult {
  seconds: number;
  code: number | null;
  output: string;
  /** Every process of the tree seen while it ran, with its own peak (VmHWM, read from /proc until it ended). */
  processes: ProcessPeak[];
  /** Largest sum of resident memory of the whole tree at one moment (sampled every 50 ms), MB. */
  treePeakMb: number;
  /**
   * CPU seconds (user + system) of the whole tree: the larger of two lower bounds, `sampledCpuSeconds` and
   * `rusageCpuSeconds`.
   */
  cpuSeconds: number;
  /** Every process of the tree, each as last sampled from /proc (counts a child nobody waits for; misses ≤ 50 ms each). */
  sampledCpuSeconds: number;
  /**
   * The kernel's own account (getrusage RUSAGE_CHILDREN, read by the shell's `times` after the command ends) of every
   * descendant that was waited for, down to the last tick (misses a child its parent never reaps).
   */
  rusageCpuSeconds: number;
  /** The load average when the command started and when it ended. */
  loadBefore: string;
  loadAfter: string;
}

/** The shell's `times` output: its children's user and system time, the second line ("0m12.340s 0m1.200s"). */
export function childTimes(times: string): number {
  const line = times.trim().split('\n')[1] ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((n, m) => n + Number(m[1]) * 60 + Number(m[2]), 0);
}

function status(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => {
      try {
        return readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/**
 * One cold, measured build of the project at `root` (its scripts/build.ts, as `npm run build` runs it) on the
 * content folder `content`, from the empty folder `here`, into `here/dist`: what `npm run bench` and
 * `npm run bench:build` time, built the same way for both. The build runs from its own folder, this checkout's
 * node_modules linked there: with an outDir outside the project, Astro keeps prerender chunks in <cwd>/.astro/, which
 * must not collide with other builds. Cold: Astro's cache and the remembered data check (src/content/check-cache.ts)
 * of its own, empty.
 */
export function measuredColdBuild(root: string, here: string, content: string): Promise<RunResult> {
  symlinkSync(resolve('node_modules'), join(here, 'node_modules'));
  return runMeasured(
    process.execPath,
    [join(root, 'scripts/build.ts'), '--root', root, '--outDir', join(here, 'dist')],
    {
      cwd: here,
      env: {
        CONTENT_DIR: content,
        ASTRO_CACHE_DIR: join(here, 'cache'),
        RA_CHECK_CACHE_DIR: join(here, 'check-cache'),
      },
    },
  );
}

/**
 * Runs a command and polls /proc every 50 ms: each process of its tree keeps its own peak (VmHWM, which the kernel
 * holds for the process's whole life, so a late sample still sees the peak) and CPU time (/proc/<pid>/stat); the
 * tree's total resident memory is sampled (VmRSS). The command runs under bash, whose `times` gives the kernel's
 * rusage of every descendant waited for: the tree's CPU is the larger of that and the sampled sum. CPU time says more
 * than wall time on a shared machine.
 */
export function runMeasured(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined> },
): Promise<RunResult> {
  return new Promise((ok) => {
    const loadBefore = loadLine();
    const start = process.hrtime.bigint();
    // Under a shell that prints its children's rusage (`times`) on fd 3 once the command has ended.
    const child = spawn('bash', ['-c', '"$@"; s=$?; times >&3; exit $s', 'bash', cmd, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let times = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d) => (times += d));
    const peaks = new Map<number, ProcessPeak>();
    let treePeakKb = 0;
    const sample = () => {
      let total = 0;
      const seen = new Set<number>();
      const visit = (pid: number) => {
        if (seen.has(pid)) return;
        seen.add(pid);
        const s = status(pid);
        if (!s) return;
        total += Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0);
        const hwm = /VmHWM:\s+(\d+)/.exec(s)?.[1];
        let cmdline = '';
        try {
          cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        } catch {
          /* ended */
        }
        // A process that has ended (a zombie until reaped) has neither memory figures nor a command line: keep what was seen.
        if (hwm !== undefined && cmdline) {
          // The executable from the command line (status's Name is cut to 15 characters, and Node renames its thread).
          const name = basename(cmdline.split('\0')[0]!);
          const prev = peaks.get(pid);
          const cpu = cpuOf(pid) ?? prev?.cpuSeconds ?? 0;
          // The latest name wins: a child is a copy of its parent until it execs its own program (whose peak starts anew).
          peaks.set(pid, {
            pid,
            name,
            peakMb: prev && prev.name === name ? Math.max(prev.peakMb, Number(hwm) / 1024) : Number(hwm) / 1024,
            cpuSeconds: cpu,
          });
        }
        for (const c of childrenOf(pid)) visit(c);
      };
      visit(child.pid!);
      treePeakKb = Math.max(treePeakKb, total);
    };
    const timer = setInterval(sample, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      const processes = [...peaks.values()];
      const sampledCpuSeconds = processes.reduce((n, p) => n + p.cpuSeconds, 0);
      const rusageCpuSeconds = childTimes(times);
      ok({
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        code,
        output,
        processes,
        treePeakMb: treePeakKb / 1024,
        cpuSeconds: Math.max(sampledCpuSeconds, rusageCpuSeconds),
        sampledCpuSeconds,
        rusageCpuSeconds,
        loadBefore,
        loadAfter: loadLine(),
      });
    });
  });
}

/** The largest per-process peak among processes whose executable name matches. */
export function peakOf(r: RunResult, name: RegExp): number {
  return Math.max(0, ...r.processes.filter((p) => name.test(p.name)).map((p) => p.peakMb));
}

/** CPU seconds of the processes whose executable name matches, each as last sampled. */
export function cpuOfProcesses(r: RunResult, name: RegExp): number {
  return r.processes.filter((p) => name.test(p.name)).reduce((n, p) => n + p.cpuSeconds, 0);
}

/** Runs the Pagefind command-line tool (what `npx pagefind` runs) with the given arguments. */
export function pagefindCli(root: string, args: string[], cwd: string): Promise<RunResult> {
  return runMeasured(process.execPath, [`${root}/node_modules/pagefind/lib/runner/bin.cjs`, ...args], { cwd });
}

/** A page's finished requests, with a wait that works after the first load too. */
export interface NetworkTracker {
  /** Resolves once no request has been in flight for `quietMs` and every handler has run. */
  settle: (quietMs?: number) => Promise<void>;
}

/**
 * Calls `onFinished` for every request of the page that finishes (2xx); `settle` waits for quiet. Playwright's own
 * 'networkidle' fires once per navigation, so it says nothing about requests made later by a click or a query.
 */
export function trackNetwork(
  page: Page,
  onFinished: (req: Request, res: Response) => void | Promise<void>,
): NetworkTracker {
  const pending = new Set<Promise<void>>();
  let inFlight = 0;
  let lastChange = Date.now();
  const change = (d: number) => {
    inFlight += d;
    lastChange = Date.now();
  };
  page.on('request', () => change(1));
  page.on('requestfailed', () => change(-1));
  page.on('requestfinished', (req) => {
    change(-1);
    const job = (async () => {
      const res = await req.response();
      if (res && res.status() < 300) await onFinished(req, res);
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  });
  return {
    settle: async (quietMs = 500) => {
      while (inFlight > 0 || Date.now() - lastChange < quietMs) await new Promise((r) => setTimeout(r, 25));
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
