/**
 * Families of plain files written by one route beside its own response while
 * `astro build` renders it, instead of one Astro route per file: the API's
 * one JSON document per entity (src/pages/api/[collection]/[file].json.ts),
 * written by its collection's index.
 *
 * Why: every file Astro writes costs it a request, a response through the
 * middleware and an asynchronous mkdir, open, write and close, whatever the
 * file holds: 0.2–0.9 ms of wall per JSON document against 1.2 ms for a small
 * page. At 10,000 co-ops the API's documents were 14,000 of the build's 42,000
 * files; written here they cost a synchronous write each (docs/benchmarks.md).
 * The files are the same bytes at the same paths.
 *
 * `filesBeside()` opens the list when a build starts and says how many files
 * were written when it is done; a writer promises its count when its route's
 * paths are listed, and a count not met stops the build (a skipped route, a
 * file left out), so the site is never moved into place with files missing.
 * Routes render in Astro's build process, so the state lives on `globalThis`
 * (as rendered-pages.ts's steps do). Outside a build (`astro dev`) there is no
 * list: `writingFilesBeside()` is false and the route serves each file itself.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Written {
  /** The output folder (the site's root, without the base). */
  root: string;
  /** Folders already made. */
  folders: Set<string>;
  /** Files written so far, by writer. */
  written: Map<string, number>;
  /** Files each writer said it would write (promiseFilesBeside). */
  promised: Map<string, number>;
}

const KEY = Symbol.for('roukyou-atlas:files-beside');
const store = globalThis as { [KEY]?: Written };

/** Whether a build is running that writes families of files beside their routes (false in `astro dev`). */
export function writingFilesBeside(): boolean {
  return store[KEY] !== undefined;
}

/**
 * Says, when a route's paths are listed, how many files `writer` will write beside it. When the build is done, a
 * writer that wrote another number — its route not rendered, a cache that skipped it, a file left out — stops the
 * build naming it, before the site is moved into place: files are never silently missing.
 */
export function promiseFilesBeside(writer: string, count: number): void {
  thisBuild(writer).promised.set(writer, count);
}

/** The build in progress, or an error naming `writer` (there is none in `astro dev`). */
function thisBuild(writer: string): Written {
  const w = store[KEY];
  if (!w) throw new Error(`${writer}: files can be written beside a route only during astro build`);
  return w;
}

/** A file a route writes beside its own: its path below the site's root (no base, no leading slash) and its text. */
export interface FileBeside {
  path: string;
  text: string;
}

/**
 * Writes files into the build's output folder now (UTF-8), making their folders. A path that is absolute, leaves
 * the folder, or names a file already written (by a route or by an earlier call) is an error naming it: two
 * writers of one path would otherwise leave whichever came last. Returns how many were written.
 */
export function writeFilesBeside(files: Iterable<FileBeside>, writer: string): number {
  const w = thisBuild(writer);
  let n = 0;
  for (const { path, text } of files) {
    const rel = normalize(path);
    if (path.startsWith('/') || rel.startsWith('..') || rel === '.' || rel.split(sep).includes('..'))
      throw new Error(`${writer}: "${path}" is not a path inside the site`);
    const file = join(w.root, rel);
    if (existsSync(file)) throw new Error(`${writer}: ${path} is written twice (another route or file has it)`);
    writeMakingFolder(file, text, w.folders);
    n++;
  }
  w.written.set(writer, (w.written.get(writer) ?? 0) + n);
  return n;
}

/** Writes `text` to `file` synchronously, making its folder first unless `folders` says it was made already. */
export function writeMakingFolder(file: string, text: string, folders: Set<string>): void {
  const folder = dirname(file);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  writeFileSync(file, text);
}

export default function filesBeside(): AstroIntegration {
  let root = '';
  return {
    name: 'roukyou-atlas:files-beside',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        store[KEY] = { root, folders: new Set(), written: new Map(), promised: new Map() };
      },
      'astro:build:done': ({ logger }) => {
        const w = store[KEY];
        delete store[KEY];
        if (!w) return;
        const short = [...w.promised].filter(([writer, n]) => (w.written.get(writer) ?? 0) !== n);
        if (short.length)
          throw new Error(
            `files beside their routes: ${short.map(([writer, n]) => `${writer} was to write ${n} and wrote ${w.written.get(writer) ?? 0}`).join('; ')}`,
          );
        const files = [...w.written.values()].reduce((a, b) => a + b, 0);
        logger.info(`${files} file(s) written beside their routes (the API's documents)`);
      },
    },
  };
}
