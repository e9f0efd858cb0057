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
 * Under the parent (RA_INDEX_IN_PARENT=1 and an IPC channel), Astro sends each
 * page for the index to the parent as it is rendered (the parent's Pagefind
 * process indexes it beside the rendering, as before), and at the end hands it
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

/** What Astro's process sends to the parent. */
export type ToParent = ({ kind: 'page' } & IndexPage) | ({ kind: 'site' } & HandedSite);
/** What the parent answers: a page was taken into its index (a failure is reported when the parent writes it). */
export interface ToAstro {
  kind: 'taken';
}

/** Whether this `astro build` runs under scripts/build.ts, which indexes and finishes the site. */
export function indexInParent(): boolean {
  return process.env[INDEX_IN_PARENT] === '1' && typeof process.send === 'function';
}

/** Pages sent and not yet taken: a slow index holds back rendering rather than filling memory. */
const UNANSWERED = 8;

/** Astro's side: sends pages to the parent's index, holding rendering back while UNANSWERED are not yet taken. */
export function parentIndex(): { add(page: IndexPage): Promise<void> } {
  let unanswered = 0;
  let wake: (() => void) | undefined;
  process.on('message', (m: ToAstro) => {
    if (m.kind !== 'taken') return;
    unanswered--;
    wake?.();
  });
  return {
    async add(page) {
      unanswered++;
      process.send!({ kind: 'page', ...page } satisfies ToParent);
      while (unanswered >= UNANSWERED) await new Promise<void>((ok) => (wake = ok));
    },
  };
}

/** Astro's side, last: hands the finished site to the parent and closes the channel (so that Astro's process can exit). */
export function handSiteToParent(site: HandedSite): Promise<void> {
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
 * The parent's side: feeds `index` with the pages `astro` sends, answering each once taken (`index` resolves when it
 * has taken a page, and keeps a failure for when the bundle is written); resolves with the handed site (or
 * undefined when Astro never got that far) and Astro's exit.
 */
export function serveAstro(
  astro: ChildProcess,
  index: (page: IndexPage) => Promise<void>,
): Promise<{ site: HandedSite | undefined; code: number | null }> {
  let site: HandedSite | undefined;
  astro.on('message', (m: ToParent) => {
    if (m.kind === 'site') site = { folders: m.folders, base: m.base };
    else
      void index({ url: m.url, content: m.content }).then(
        // Astro may have exited meanwhile (its last pages answered after it handed over): a closed channel is no error.
        () => astro.connected && astro.send({ kind: 'taken' } satisfies ToAstro, () => undefined),
      );
  });
  return new Promise((ok) => astro.on('close', (code) => ok({ site, code })));
}
