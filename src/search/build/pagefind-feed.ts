/**
 * Pagefind's index in its own process, fed page by page, and the bundle it
 * writes: what both `astro build` (pagefind.ts) and the parent process of
 * `npm run build` (scripts/build.ts) use. Kept apart from pagefind.ts so that
 * the parent, which holds it while Pagefind writes the bundle, loads nothing
 * else (48 MB against 95 MB resident with pagefind.ts's imports).
 */
import * as pagefind from 'pagefind';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexPage } from '../../integrations/build-parent.ts';

/** Same indexing rules for stock and enhanced bundles: lists of organisations are navigation, print-only notes are not for screens. */
export const SKIP_CLASSES = ['coop-table', 'print-only'];
export const CONFIG = { forceLanguage: 'ja', excludeSelectors: SKIP_CLASSES.map((c) => `.${c}`) } satisfies Parameters<
  typeof pagefind.createIndex
>[0];

/** Files Pagefind writes for its own UIs; our search page uses the JS API only. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export interface IndexResult {
  /** Pages in the index (one fragment each). */
  pages: number;
  outputPath: string;
}

/** A Pagefind answer, or an error naming what failed. */
export async function checked<T extends { errors: string[] }>(p: Promise<T>, what: string): Promise<T> {
  const r = await p;
  if (r.errors.length) throw new Error(`Pagefind (${what}): ${r.errors.join('; ')}`);
  return r;
}

/** An index in Pagefind's process. */
export type Index = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** Writes the bundle (replacing an earlier one), leaves out Pagefind's UI files, and counts the pages indexed. */
export async function writeBundle(index: Index, outputPath: string): Promise<IndexResult> {
  rmSync(outputPath, { recursive: true, force: true });
  await checked(index.writeFiles({ outputPath }), 'writeFiles');
  await index.deleteIndex();
  for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(join(outputPath, name));
  return { pages: readdirSync(join(outputPath, 'fragment')).length, outputPath };
}

/**
 * Postings (a word's locations on a page, plus one per page) per index chunk: a query fetches and inflates the chunk of
 * each of its pieces, so smaller chunks are less to fetch and inflate. Pagefind closes a chunk at 20,000 by default,
 * sized for its own words; our encoded n-grams are many distinct words on few pages each, so a default chunk held 2–3
 * times the bytes of stock's (up to 33 kB gzip on the real site). At 2,000 the real site's largest is 6 kB and a
 * query's search step took 0.5–0.8× the time (src/search/README.md); the metadata every search loads grows by the
 * chunks' names (13.5 → 16.7 kB on the real site; 77 → 88 kB for `npm run bench`'s 10,000 co-ops, 79 → 99 kB for
 * `bench:search`'s).
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * What Pagefind's process is started with:
 *
 * - one worker thread for its async runtime (tokio) and one for its parallel loops (rayon), not one per core. At
 *   10,000 co-ops on two cores its bundle took the same time to write either way (13.2–20.2 s against 13.1–18.1 s) for
 *   0.71–0.82× the CPU (13.1–20.2 s against 18.0–24.6 s, 4 alternating pairs) and 100–200 MB less memory: its threads
 *   mostly fought over memory (a third of its samples were page faults and the TLB flushes of freeing memory shared by
 *   threads), and while Astro renders, the other core is Astro's;
 * - the index chunk size (INDEX_CHUNK_SIZE). Pagefind 1.6 reads it from this variable only (no option of its API or
 *   its command line); a test builds a small index and counts its chunks, so an upgrade that drops it fails there.
 */
export const PAGEFIND_ENV = {
  TOKIO_WORKER_THREADS: '1',
  RAYON_NUM_THREADS: '1',
  PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE),
} as const;

/**
 * Runs `start` (which starts Pagefind's process, if none is running, before it returns) with PAGEFIND_ENV in the
 * environment the process inherits; a variable already set (by whoever runs the build) is left as it is, and the
 * environment is as before once `start` returns.
 */
export function withPagefindEnv<T>(start: () => T): T {
  const added = Object.entries(PAGEFIND_ENV).filter(([name]) => process.env[name] === undefined);
  for (const [name, value] of added) process.env[name] = value;
  try {
    return start();
  } finally {
    for (const [name] of added) delete process.env[name];
  }
}

/** Pages handed to Pagefind and not yet taken: enough to keep it busy, few enough that a slow index holds back rendering rather than filling memory. */
const IN_FLIGHT = 8;

/** An index in Pagefind's process: `add` resolves once the page is taken (at most IN_FLIGHT at a time), `finish` writes the bundle. */
export interface Feed {
  add(page: IndexPage): Promise<void>;
  finish(outputPath: string): Promise<IndexResult>;
  /** Stops Pagefind's process without writing (the build failed). */
  close(): Promise<void>;
}

/**
 * An index fed page by page while Astro renders (a step of src/integrations/rendered-pages.ts, or the parent process
 * of scripts/build.ts), so indexing runs beside rendering; `finish` writes the bundle, or throws the first page
 * Pagefind refused.
 */
export async function openFeed(): Promise<Feed> {
  const { index } = await checked(
    withPagefindEnv(() => pagefind.createIndex(CONFIG)),
    'createIndex',
  );
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  return {
    async add({ url, content }) {
      const added: Promise<void> = checked(index!.addHTMLFile({ url, content }), `addHTMLFile ${url}`).then(
        () => void pending.delete(added),
        (e: unknown) => {
          failure ??= e;
          pending.delete(added);
        },
      );
      pending.add(added);
      while (pending.size >= IN_FLIGHT) await Promise.race(pending);
    },
    async finish(outputPath) {
      try {
        await Promise.all(pending);
        if (failure)
          throw failure instanceof Error ? failure : new Error('Pagefind の索引作成に失敗しました', { cause: failure });
        return await writeBundle(index!, outputPath);
      } finally {
        await pagefind.close();
      }
    },
    async close() {
      await pagefind.close();
    },
  };
}

/** The log line of a finished bundle: pages, and the seconds spent writing it after the last page (the benchmark reads its last figure). */
export function indexLine(pages: number, seconds: number): string {
  return `検索索引（Pagefind）: ${pages}ページ（描画と並行して索引）、描画後 ${seconds.toFixed(1)} s`;
}
