/** Runs a build (`npm run build`'s command, or plain `astro build`) on other content or at another base, into a temporary folder. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, inject } from 'vitest';

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Temporary build folders of the test file, removed after it (each is a whole site: about 100 MB). */
const temporary = new Set<string>();
// Registered on the file that imports this helper (a module is evaluated once per test file).
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  temporary.clear();
});

/**
 * How a build runs: `npm run build`'s command (scripts/build.ts: the search index written once Astro's process has
 * exited), or plain `astro build` (the index written in Astro's own process).
 */
export type BuildCommand = 'npm run build' | 'astro build';

/** The command line and environment of a build into `<work>/dist` (node_modules linked into `work`). */
function buildCommand(
  env: Record<string, string>,
  work: string,
  how: BuildCommand = 'npm run build',
): { args: string[]; env: NodeJS.ProcessEnv; outDir: string } {
  mkdirSync(work, { recursive: true });
  const outDir = join(work, 'dist');
  const root = process.cwd();
  const command =
    how === 'astro build'
      ? [join(root, 'node_modules/astro/bin/astro.mjs'), 'build']
      : [join(root, 'scripts/build.ts')];
  // With an outDir outside the project, Astro keeps prerender chunks in <cwd>/.astro/; run from the
  // temporary folder (node_modules linked there) so builds running at the same time never share them.
  if (!existsSync(join(work, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test …) into process.env; a build must not inherit them.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)),
  );
  return {
    args: [...command, '--root', root, '--outDir', outDir],
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(work, 'cache'), ...env },
    outDir,
  };
}

/**
 * Builds with the given environment (CONTENT_DIR, BASE_PATH …) into a fresh temporary outDir, removed after the test
 * file; or under `work`, which the caller keeps; `how` chooses the command (default `npm run build`'s).
 */
export function buildSite(env: Record<string, string>, work?: string, how?: BuildCommand): BuildResult {
  if (work === undefined) {
    work = mkdtempSync(join(tmpdir(), 'ra-build-'));
    temporary.add(work);
  }
  const { args, env: buildEnv, outDir } = buildCommand(env, work, how);
  const release = buildLock(process.cwd());
  try {
    const r = spawnSync(process.execPath, args, { cwd: work, env: buildEnv, encoding: 'utf8', timeout: 240_000 });
    // Plain text: on a CI machine (CI or FORCE_COLOR set) Astro colours its log, `[build]` included.
    return { status: r.status, output: stripVTControlCharacters(`${r.stdout}\n${r.stderr}`), outDir };
  } finally {
    release();
  }
}

/** A build running in a process group of its own, so that a test can kill it with every child (Pagefind's too). */
export interface RunningBuild {
  child: ChildProcess;
  outDir: string;
  /** Resolves when the build's process has exited (the build lock is released then). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
}

/** Starts a build into `<work>/dist` without waiting for it (see buildSite); `work` is the caller's. */
export function startBuild(env: Record<string, string>, work: string): RunningBuild {
  const { args, env: buildEnv, outDir } = buildCommand(env, work);
  const release = buildLock(process.cwd());
  const child = spawn(process.execPath, args, {
    cwd: work,
    env: buildEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((ok) =>
    child.on('close', (code, signal) => {
      release();
      ok({ code, signal, output: stripVTControlCharacters(output) });
    }),
  );
  return { child, outDir, exited };
}

/**
 * One `astro build` of this project at a time, across test files running side by side: Astro writes the content
 * layer's module list to <root>/.astro/ whatever the outDir and cache, so a build of fixture content (CONTENT_DIR) and a
 * build of the real content at the same moment read each other's guides. The lock is a directory holding its owner's
 * pid, taken over when that process is gone.
 */
function buildLock(root: string): () => void {
  const lock = join(tmpdir(), `ra-astro-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch {
      if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(sleep, 0, 0, 200);
    }
  }
}

/**
 * The public origin, base and repository of the shared sub-path build: a build made as a deploy is made. `contactEmail`
 * is the address fixture builds use to check the e-mail correction path (a deploy without REPO_URL).
 */
export const SUB_PATH = {
  site: 'https://atlas.example.org',
  base: '/roukyou-atlas/',
  repo: 'https://github.com/roukyou-atlas/roukyou-atlas',
  contactEmail: 'corrections@atlas.example.org',
} as const;

const SHARED_PREFIX = 'ra-shared-build-';

/**
 * The real site built as a deploy is built — SITE_URL, REPO_URL and a BASE_PATH (SUB_PATH) — once per test run: the
 * first test file that asks builds it (a lock directory says who), the others wait for its result. The phone, print and
 * link tests, the absolute-URL tests and the map under a sub-path read the same build. Folders of earlier runs whose
 * vitest process is gone are removed.
 */
export async function subPathBuild(): Promise<BuildResult> {
  const runId = inject('runId');
  const work = join(tmpdir(), `${SHARED_PREFIX}${runId}`);
  const result = join(`${work}.lock`, 'result.json');
  try {
    mkdirSync(`${work}.lock`);
  } catch {
    const deadline = Date.now() + 600_000;
    while (!existsSync(result)) {
      if (Date.now() > deadline) throw new Error(`the shared sub-path build (${work}) did not finish in 10 minutes`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return JSON.parse(readFileSync(result, 'utf8')) as BuildResult;
  }
  removeStale(runId);
  const r = buildSite(
    { SITE_URL: SUB_PATH.site, BASE_PATH: SUB_PATH.base, REPO_URL: SUB_PATH.repo, CONTACT_EMAIL: '' },
    work,
  );
  writeFileSync(`${result}.tmp`, JSON.stringify(r));
  renameSync(`${result}.tmp`, result);
  return r;
}

/** Shared builds of runs that have ended (the run id starts with the vitest process's pid). */
function removeStale(current: string): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(SHARED_PREFIX)) continue;
    const id = name.slice(SHARED_PREFIX.length).replace(/\.lock$/, '');
    if (id === current) continue;
    const pid = Number(id.split('-')[0]);
    if (!isAlive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** A lock whose owner has exited, or whose owner never wrote its pid (a minute after it was taken). */
function abandoned(lock: string): boolean {
  try {
    return !isAlive(Number(readFileSync(join(lock, 'pid'), 'utf8')));
  } catch {
    try {
      return Date.now() - statSync(lock).mtimeMs > 60_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One id per `vitest run` (the main process's pid and start time), for what test files share within a run. */
    runId: string;
  }
}
