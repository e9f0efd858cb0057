/**
 * Steps applied to each HTML page while `astro build` renders it, before
 * Astro writes it to disk: one stylesheet per page (one-stylesheet.ts) and
 * the search index (src/search/build/pagefind.ts). Done as the page is
 * rendered, the built site is not read back and rewritten afterwards (at
 * 10,000 co-ops that was 24,000 pages read twice and written once more), and
 * Pagefind's own process indexes pages beside the rendering.
 *
 * `renderedPages()` adds the middleware (rendered-pages.middleware.ts) to
 * builds, never to `astro dev`, and opens a fresh list of steps when a build
 * starts; the other integrations add their steps then and read what they
 * gathered when the build is done. Everything runs in Astro's build process,
 * so the steps live on `globalThis`.
 */
import type { AstroConfig, AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A rendered page: its URL path (with the base) and its HTML. A step returns the HTML to write. */
export type PageStep = (page: { pathname: string; html: string }) => string | Promise<string>;

interface Steps {
  steps: Array<{ name: string; step: PageStep }>;
  /** HTML pages that went through the steps. */
  pages: number;
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

/** How many HTML pages went through the steps so far. */
export function pagesStepped(): number {
  return store[KEY]?.pages ?? 0;
}

/**
 * Where a built file's URL path (with the base, as a page links it) lies in the output folder. A path outside the
 * base is an error naming `what` (a stylesheet, a module script).
 */
export function outputFileOf(config: Pick<AstroConfig, 'base' | 'outDir'>, what: string): (href: string) => string {
  const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
  const root = fileURLToPath(config.outDir);
  return (href) => {
    if (!href.startsWith(base)) throw new Error(`${what} ${href} is outside the base ${base}`);
    return join(root, href.slice(base.length));
  };
}

export default function renderedPages(): AstroIntegration {
  return {
    name: 'roukyou-atlas:rendered-pages',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        if (command === 'build')
          addMiddleware({ entrypoint: new URL('./rendered-pages.middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': () => {
        store[KEY] = { steps: [], pages: 0 };
      },
    },
  };
}
