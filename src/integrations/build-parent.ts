/**
 * The channel between `astro build` and the process that started it,
 * scripts/build.ts (`npm run build`), so that the search index is written
 * after Astro's process has exited.
 *
 * Why: Pagefind's process needs most of its memory while it writes the bundle
 * (2.3 GB at 10,000 co-ops), and Astro's process keeps its own (1.2 GB at
 * 10,000) until it exits. Written from Astro's `astro:build:done`, the two add
 * up; written by the small parent once Astro has exited, they never meet.
 *
 * Under the parent (RA_INDEX_IN_PARENT=1 and an IPC channel), Astro sends the
 * pages for the index to the parent as they are rendered, BATCH at a time (the
 * parent's Pagefind process indexes them beside the rendering), and at the end
 * sends the rest and hands it
 * the finished but unindexed site in `<outDir>.partial/`; the parent writes
 * the bundle there, then the completion marker, and moves the site into place
 * (whole-build.ts). Plain `astro build` indexes and finishes in its own
 * process, as before.
 */
import type { ChildProcess } from 'node:child_process';
import type { buildFolders } from './whole-build.ts';

/** Set by scripts/build.ts for the Astro process it starts. */
export const INDEX_IN_PARENT = 'RA_INDEX_IN_PARENT';

/** A page for the index: the URL Pagefind gives it and the part of its HTML Pagefind reads. */
export interface IndexPage {
  url: string;
  content: string;
}

/** The finished site, unindexed: its folders and the base path it was built for. */
export interface HandedSite {
  folders: ReturnType<typeof buildFolders>;
  base: string;
}

/** What Astro's process sends to the parent: pages for the index, in order, then the site. */
export type ToParent = { kind: 'pages'; pages: IndexPage[] } | ({ kind: 'site' } & HandedSite);
/** What the parent answers: a batch of pages was taken into its index (a failure is reported when the parent writes it). */
export interface ToAstro {
  kind: 'taken';
}

/** Whether this `astro build` runs under scripts/build.ts, which indexes and finishes the site. */
export function indexInParent(): boolean {
  return process.env[INDEX_IN_PARENT] === '1' && typeof process.send === 'function';
}

/**
 * Pages per message. Each message crosses two processes and wakes each (at 10,000 co-ops, 12,000 pages of about 3 kB
 * sent one by one cost Astro's process 1.6 s in the channel's writes alone); 32 pages are about 100 kB.
 */
export const BATCH = 32;

/** Batches sent and not yet taken: a slow index holds back rendering rather than filling memory. */
const UNANSWERED = 4;

/** Sends the pages not yet sent (set by parentIndex; on globalThis, as the integrations that call it load apart). */
const UNSENT = Symbol.for('roukyou-atlas:index-unsent');
const store = globalThis as { [UNSENT]?: () => void };

/**
 * Astro's side: sends pages to the parent's index BATCH at a time, holding rendering back while UNANSWERED batches
 * are not yet taken. The last, shorter batch goes when the site is handed over (handSiteToParent), before it.
 */
export function parentIndex(): { add(page: IndexPage): Promise<void> } {
  let unanswered = 0;
  let wake: (() => void) | undefined;
  let batch: IndexPage[] = [];
  const send = () => {
    if (batch.length === 0) return;
    unanswered++;
    process.send!({ kind: 'pages', pages: batch } satisfies ToParent);
    batch = [];
  };
  store[UNSENT] = send;
  process.on('message', (m: ToAstro) => {
    if (m.kind !== 'taken') return;
    unanswered--;
    wake?.();
  });
  return {
    async add(page) {
      batch.push(page);
      if (batch.length < BATCH) return;
      send();
      while (unanswered >= UNANSWERED) await new Promise<void>((ok) => (wake = ok));
    },
  };
}

/** Astro's side, last: sends the pages not yet sent, hands the finished site to the parent and closes the channel (so that Astro's process can exit). */
export function handSiteToParent(site: HandedSite): Promise<void> {
  store[UNSENT]?.();
  delete store[UNSENT];
  return new Promise((ok, fail) =>
    process.send!({ kind: 'site', ...site } satisfies ToParent, undefined, {}, (e) => {
      if (e) return fail(e);
      process.removeAllListeners('message');
      process.disconnect?.();
      ok();
    }),
  );
}

/**
 * The parent's side: feeds `index` with the pages `astro` sends, one at a time in the order sent, answering each batch
 * once taken (`index` resolves when it has taken a page, and keeps a failure for when the bundle is written); resolves
 * with the handed site (or undefined when Astro never got that far) and Astro's exit, once every page sent is taken.
 * A page the index could not take at all (its process gone) stops Astro and rejects with that error.
 */
export function serveAstro(
  astro: ChildProcess,
  index: (page: IndexPage) => Promise<void>,
): Promise<{ site: HandedSite | undefined; code: number | null }> {
  let site: HandedSite | undefined;
  let failure: { error: unknown } | undefined;
  // Batches are taken one after another, so pages reach the index in the order they were rendered.
  let taking = Promise.resolve();
  astro.on('message', (m: ToParent) => {
    if (m.kind === 'site') site = { folders: m.folders, base: m.base };
    else
      taking = taking
        .then(async () => {
          if (failure) return;
          for (const page of m.pages) await index({ url: page.url, content: page.content });
          // Astro may have exited meanwhile (its last pages answered after it handed over): a closed channel is no error.
          if (astro.connected) astro.send({ kind: 'taken' } satisfies ToAstro, () => undefined);
        })
        .catch((error: unknown) => {
          // Unanswered, Astro would wait for ever: it is stopped, and its exit ends this with the error.
          failure ??= { error };
          astro.kill();
        });
  });
  return new Promise((ok, fail) =>
    astro.on('close', (code) => void taking.then(() => (failure ? fail(asError(failure.error)) : ok({ site, code })))),
  );
}

/** A failure as an Error (Pagefind's service can reject with a plain message). */
function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(`Pagefind の索引に渡せませんでした: ${String(e)}`, { cause: e });
}
