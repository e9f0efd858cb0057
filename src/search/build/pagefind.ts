/**
 * Builds the Pagefind search bundle into `<outDir>/pagefind/`, for any outDir
 * and base path.
 *
 * During `astro build`, each page goes to Pagefind as it is rendered (a step
 * of src/integrations/rendered-pages.ts): Pagefind's own process indexes it
 * beside the rendering, and the bundle is written when the build is done.
 * Each page already carries its encoded search fields (Base.astro writes them
 * while rendering, src/search/page-fields.ts); what is sent is only what
 * Pagefind reads of it (forPagefind: the marked <main>, the title and the
 * data-pagefind tags, labels separated for the result text). Pages without
 * `data-pagefind-body` are not sent at all. Under `npm run build`
 * (scripts/build.ts) the pages go to the parent process's index instead, which
 * writes the bundle once Astro's process has exited (build-parent.ts).
 *
 * `buildSearchIndex` indexes a site already on disk the same way, for the
 * benchmarks: `enhance: false` gives stock Pagefind (addDirectory) on the
 * same pages, and `fields`/`gram` re-derive the encoded fields from the page
 * text the old way (extract.ts), for the benchmark of what each field costs
 * (scripts/bench-index-fields.ts).
 */
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYWORDS_META, searchTermFields, termMetaTags, type FieldOptions } from '../fields.ts';
import { extractPage, forPagefind } from './extract.ts';
import { htmlFilesUnder } from './dist-files.ts';
import { SEARCH_BUNDLE } from '../url.ts';
import { addPageStep } from '../../integrations/rendered-pages.ts';
import { indexInParent, parentIndex, type IndexPage } from '../../integrations/build-parent.ts';
import {
  CONFIG,
  SKIP_CLASSES,
  checked,
  indexLine,
  openFeed,
  writeBundle,
  type Feed,
  type IndexResult,
} from './pagefind-feed.ts';

/** Where the bundle goes inside the site (the search page reads it from the same folder under its base). */
export const BUNDLE_DIR = SEARCH_BUNDLE.replace(/\/$/, '');

/** Encoded field tags already in a page (replaced when the benchmark re-derives the fields). */
const TERM_TAGS = /<meta name="ra-search-ra_[a-z]+"[^>]*>/g;
/** Key terms as a `<meta>` of their own (pages written before they were folded into the facets field). */
const KEYWORDS_TAG = new RegExp(`<meta name="ra-search-${KEYWORDS_META}"[^>]*>`, 'g');

/** A page marked for the index (Base.astro marks `<main>` of content pages). */
const INDEXED = /<[a-z][^>]*\sdata-pagefind-body[\s=>]/;

/** The URL Pagefind gives a file (index.html stripped), relative to the site root. */
export function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** `fields` or `gram` (the field benchmark only) derive the encoded fields from each page's text instead of using the page's own. */
export interface IndexOptions extends FieldOptions {
  /** Default `<siteDir>/pagefind`. */
  outputPath?: string;
  /** false: stock Pagefind (addDirectory) on the same pages. */
  enhance?: boolean;
}

/**
 * Builds a bundle for the site in `siteDir`, into `outputPath`: its pages handed to an index fed as the build feeds
 * it (openFeed), in file order.
 */
export async function buildSearchIndex(
  siteDir: string,
  { outputPath = join(siteDir, BUNDLE_DIR), enhance = true, ...fieldOptions }: IndexOptions = {},
): Promise<IndexResult> {
  try {
    if (!enhance) {
      const { index } = await checked(pagefind.createIndex(CONFIG), 'createIndex');
      await checked(index!.addDirectory({ path: siteDir }), 'addDirectory');
      return await writeBundle(index!, outputPath);
    }
    const rederive = fieldOptions.fields !== undefined || fieldOptions.gram !== undefined;
    const feed = await openFeed();
    // An existing bundle (a re-index) is not part of the site.
    for (const file of htmlFilesUnder(siteDir, BUNDLE_DIR)) {
      const url = urlOfFile(file);
      let html = readFileSync(join(siteDir, file), 'utf8');
      if (rederive && INDEXED.test(html)) {
        // The benchmark's variants: fields derived from the text Pagefind will index, read the way it reads it.
        const page = extractPage(url, html, SKIP_CLASSES);
        const fields = page ? termMetaTags(searchTermFields(page, fieldOptions)) : '';
        html = html.replace(TERM_TAGS, '').replace(KEYWORDS_TAG, '').replace('</head>', `${fields}</head>`);
      }
      const page = pageForIndex(url, html, '/');
      if (page) await feed.add(page);
    }
    return await feed.finish(outputPath);
  } finally {
    // finish() closes the service too; this covers a failure before it.
    await pagefind.close();
  }
}

/** The URL Pagefind gives a page rendered at `pathname` under `base` (the same as urlOfFile of its file). */
export function urlOfPath(pathname: string, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `/${(pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '')).replace(/(^|\/)index\.html$/, '$1')}`;
}

/** What Pagefind gets of a page rendered at `pathname` (its URL and the part of its HTML it reads); undefined for a page not marked for the index. */
export function pageForIndex(pathname: string, html: string, base: string): IndexPage | undefined {
  // The plain search first: most pages (English twins, lists) are not marked, and the expression is slow on a long page.
  return html.includes('data-pagefind-body') && INDEXED.test(html)
    ? { url: urlOfPath(pathname, base), content: forPagefind(html, SKIP_CLASSES) }
    : undefined;
}

/**
 * Astro integration: index each page as it is rendered (a step of src/integrations/rendered-pages.ts) and write the
 * bundle when the build is done.
 */
export default function pagefindIntegration(): AstroIntegration {
  let base = '/';
  let feed: Feed | undefined;
  return {
    name: 'roukyou-atlas:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': async () => {
        // Under scripts/build.ts the parent's Pagefind process takes the pages and writes the bundle once Astro has exited.
        const index = indexInParent() ? parentIndex() : (feed = await openFeed());
        addPageStep('pagefind', async ({ pathname, html }) => {
          const page = pageForIndex(pathname, html, base);
          if (page) await index.add(page);
          return html;
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outputPath = join(fileURLToPath(dir), BUNDLE_DIR);
        if (!feed) {
          // The folder is there for the integrations that list the site's folders (_headers); the parent fills it.
          mkdirSync(outputPath);
          return logger.info('検索索引（Pagefind）: 描画と並行して索引、Astro の終了後に書き出し');
        }
        const started = Date.now();
        const { pages } = await feed.finish(outputPath);
        feed = undefined;
        // The seconds after rendering: indexing itself ran beside it (the benchmark reads the last figure of this line).
        logger.info(indexLine(pages, (Date.now() - started) / 1000));
      },
    },
  };
}
