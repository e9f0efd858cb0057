/**
 * Steps applied to each HTML page while `astro build` renders it, before it is
 * written to disk: one stylesheet per page (one-stylesheet.ts) and the search
 * index (src/search/build/pagefind.ts). Done as the page is rendered, the
 * built site is not read back and rewritten afterwards (at 10,000 co-ops that
 * was 24,000 pages read twice and written once more), and Pagefind's own
 * process indexes pages beside the rendering.
 *
 * The middleware then writes the page itself (`writeRenderedPage`: one
 * synchronous write, each folder made once) and hands Astro a response with
 * no body, which Astro writes nothing for. Astro's own way costs every file a
 * second `Response`, its bytes copied into a buffer, and an asynchronous
 * `mkdir` and `writeFile` through libuv's thread pool; at 10,000 co-ops that
 * was a third of the build process's CPU (docs/benchmarks.md). The file is the
 * same bytes at the path Astro gives it (`build.format: 'directory'`). A page
 * whose path this does not map as surely — a status page (404.html), a path
 * with other characters than letters, digits and `-._~`, one outside the base
 * — is left to Astro, and a page that a file in public/ would clash with stops
 * the build naming both (Astro would skip the page with a warning). Such pages
 * get no `distURL` on their route and no record in Astro's incremental cache
 * (off here): nothing of the site reads either, and @astrojs/sitemap lists
 * pages from Astro's list of page names, made before each page renders. The
 * page steps and the log's flag assume Astro renders one page at a time
 * (`build.concurrency` 1, its default): another value stops the build.
 *
 * `renderedPages()` adds the middleware (rendered-pages.middleware.ts) to
 * builds, never to `astro dev`, and opens a fresh list of steps when a build
 * starts; the other integrations add their steps then and read what they
 * gathered when the build is done. Everything runs in Astro's build process,
 * so the steps live on `globalThis`.
 */
import type { AstroConfig, AstroIntegration } from 'astro';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMakingFolder } from './files-beside.ts';

/** A rendered page: its URL path (with the base) and its HTML. A step returns the HTML to write. */
export type PageStep = (page: { pathname: string; html: string }) => string | Promise<string>;

interface Steps {
  steps: Array<{ name: string; step: PageStep }>;
  /** HTML pages that went through the steps. */
  pages: number;
  /** Where the middleware writes pages itself (writeRenderedPage). */
  out: PageOutput;
  /** Whether the last page rendered was written by writeRenderedPage (for the log). */
  lastWritten: boolean;
}

/** The build's output folder (without the base), its base as a folder, folders made so far, and public/'s files. */
interface PageOutput {
  root: string;
  base: string;
  folders: Set<string>;
  /** Paths below public/ (posix, relative), which Vite copies into the output folder. */
  publicFiles: Set<string>;
}

const KEY = Symbol.for('roukyou-atlas:rendered-page-steps');
const store = globalThis as { [KEY]?: Steps };

/** The steps of the build in progress, or undefined (no build, or `astro dev`). */
export function stepsOfThisBuild(): Steps | undefined {
  return store[KEY];
}

/** Adds a step for every page rendered from now on (call it in `astro:build:start`, after renderedPages()). */
export function addPageStep(name: string, step: PageStep): void {
  const s = store[KEY];
  if (!s) throw new Error(`${name}: the renderedPages() integration must come before it in astro.config.mjs`);
  s.steps.push({ name, step });
}

/**
 * The file a page's URL path (with the base) is written to, below the output folder, as Astro's `directory` format
 * names it: `<path>/index.html`. Undefined for a path left to Astro: outside the base, not ending in a slash, a status
 * page (/404/ and /500/ become 404.html and 500.html by Astro's own rule), or holding anything but letters, digits
 * and `-._~` between its slashes (Astro writes the folder of `encodeURI` of the decoded path, which this does not try
 * to reproduce for other characters).
 */
export function pageFileOf(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(base) || !pathname.endsWith('/')) return undefined;
  const rel = pathname.slice(base.length);
  if (!/^[A-Za-z0-9._~/-]*$/.test(rel) || rel.split('/').some((s) => s === '.' || s === '..')) return undefined;
  if (/^(404|500)\/$/.test(rel)) return undefined;
  return `${rel}index.html`;
}

/**
 * Writes a rendered page into the build's output folder now, if its path maps to a file (`pageFileOf`), and says
 * whether it did: the middleware then hands Astro no body, so Astro writes nothing. Outside a build nothing is written.
 * A page whose file is also in public/ is an error naming it.
 */
export function writeRenderedPage(pathname: string, html: string): boolean {
  const s = store[KEY];
  if (!s) return false;
  s.lastWritten = false;
  const rel = pageFileOf(pathname, s.out.base);
  if (rel === undefined) return false;
  if (s.out.publicFiles.has(rel))
    throw new Error(`the page ${pathname} and the file public/${rel} would both be written to ${rel}`);
  writeMakingFolder(join(s.out.root, rel), html, s.out.folders);
  s.lastWritten = true;
  return true;
}

/**
 * Whether the page Astro has just logged was written by writeRenderedPage (read once: the flag clears). Astro logs
 * such a page as "file not created, response body was empty"; build-log.ts says what happened instead.
 */
export function takeLastWritten(): boolean {
  const s = store[KEY];
  if (!s?.lastWritten) return false;
  s.lastWritten = false;
  return true;
}

/** Every file below `dir` (posix paths relative to it); none if it does not exist. */
function filesBelow(dir: string): Set<string> {
  if (!existsSync(dir)) return new Set();
  return new Set(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/')),
  );
}

/** How many HTML pages went through the steps so far. */
export function pagesStepped(): number {
  return store[KEY]?.pages ?? 0;
}

/**
 * Where a built file's URL path (with the base, as a page links it) lies in the output folder. A path outside the
 * base is an error naming `what` (a stylesheet, a module script).
 */
export function outputFileOf(config: Pick<AstroConfig, 'base' | 'outDir'>, what: string): (href: string) => string {
  const { root, base } = outputRoot(config);
  return (href) => {
    if (!href.startsWith(base)) throw new Error(`${what} ${href} is outside the base ${base}`);
    return join(root, href.slice(base.length));
  };
}

/** The build's output folder (the site's root, without the base) and the base as a folder ('/sub/'). */
function outputRoot(config: Pick<AstroConfig, 'base' | 'outDir'>): { root: string; base: string } {
  return {
    root: fileURLToPath(config.outDir),
    base: config.base.endsWith('/') ? config.base : `${config.base}/`,
  };
}

export default function renderedPages(): AstroIntegration {
  let root = '';
  let base = '/';
  let publicDir = '';
  return {
    name: 'roukyou-atlas:rendered-pages',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        if (command === 'build')
          addMiddleware({ entrypoint: new URL('./rendered-pages.middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:config:done': ({ config }) => {
        if (config.build.concurrency !== 1)
          throw new Error(
            `rendered-pages.ts: build.concurrency is ${config.build.concurrency}; the page steps expect Astro to render one page at a time`,
          );
        ({ root, base } = outputRoot(config));
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        store[KEY] = {
          steps: [],
          pages: 0,
          out: { root, base, folders: new Set(), publicFiles: filesBelow(publicDir) },
          lastWritten: false,
        };
      },
    },
  };
}
