/**
 * Shared by the bench-* scripts (not a benchmark itself): the machine's load,
 * gzip sizes as a static host would send them, commands run with the peak
 * memory of each of their processes, a page's network, and the seeded
 * random numbers of synthetic data.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Request, Response } from 'playwright-core';

/** "load 1.23 / 0.98 / 0.50 on 2 CPUs" — the 1, 5 and 15-minute load averages now. */
export function loadLine(): string {
  return `load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ')} on ${cpus().length} CPUs`;
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
   * CPU seconds (user + system) of every process of the tree, each as last sampled. (GNU time's figure would miss
   * children their parent never waits for, such as the Pagefind service of a build.)
   */
  cpuSeconds: number;
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
 * Runs a command and polls /proc every 50 ms: each process of its tree keeps its own peak (VmHWM, which the kernel
 * holds for the process's whole life, so a late sample still sees the peak) and CPU time (/proc/<pid>/stat); the
 * tree's total resident memory is sampled (VmRSS). CPU time says more than wall time on a shared machine.
 */
export function runMeasured(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined> },
): Promise<RunResult> {
  return new Promise((ok) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...opts.env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
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
      const cpuSeconds = processes.reduce((n, p) => n + p.cpuSeconds, 0);
      ok({
        seconds: Number(process.hrtime.bigint() - start) / 1e9,
        code,
        output,
        processes,
        treePeakMb: treePeakKb / 1024,
        cpuSeconds,
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
