/**
 * Builds the Pagefind search bundle into `<outDir>/pagefind/` when Astro has
 * written the site, so it works for any outDir and base path.
 *
 * Each page is read the way Pagefind reads it (the text inside
 * data-pagefind-body, src/search/build/extract.ts) and handed to Pagefind's Node
 * API with three more meta fields of encoded n-grams (src/search/fields.ts)
 * that make Japanese substrings findable whatever the segmenters do.
 * `enhance: false` gives stock Pagefind on the same pages, for comparison in
 * the benchmark.
 */
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYWORDS_META, searchTermFields, termMetaTags, type FieldOptions } from '../fields.ts';
import { extractPage, separateLabels } from './extract.ts';
import { SEARCH_BUNDLE } from '../url.ts';

/** Where the bundle goes inside the site (the search page reads it from the same folder under its base). */
export const BUNDLE_DIR = SEARCH_BUNDLE.replace(/\/$/, '');

/** Same indexing rules for stock and enhanced bundles: lists of organisations are navigation, print-only notes are not for screens. */
const SKIP_CLASSES = ['coop-table', 'print-only'];
const CONFIG = { forceLanguage: 'ja', excludeSelectors: SKIP_CLASSES.map((c) => `.${c}`) } satisfies Parameters<typeof pagefind.createIndex>[0];

/**
 * The key-terms `<meta>` only feeds the encoded fields (other names and a hub's subjects stay: the search page
 * ranks exact names and hubs first).
 */
const HELPER_META = new RegExp(`<meta name="ra-search-${KEYWORDS_META}"[^>]*>`, 'g');

/** Files Pagefind writes for its own UIs; our search page uses the JS API only. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export interface IndexResult {
  /** Pages in the index (one fragment each). */
  pages: number;
  outputPath: string;
}

/** Every .html file under a folder (relative paths), skipping an existing bundle. */
function htmlFiles(root: string, dir: string = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join(root, BUNDLE_DIR) ? [] : htmlFiles(root, path);
    return name.endsWith('.html') ? [relative(root, path).split(sep).join('/')] : [];
  });
}

/** The URL Pagefind gives a file (index.html stripped), relative to the site root. */
export function urlOfFile(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

async function checked<T extends { errors: string[] }>(p: Promise<T>, what: string): Promise<T> {
  const r = await p;
  if (r.errors.length) throw new Error(`Pagefind (${what}): ${r.errors.join('; ')}`);
  return r;
}

export interface IndexOptions extends FieldOptions {
  /** Default `<siteDir>/pagefind`. */
  outputPath?: string;
  /** false: stock Pagefind (addDirectory) on the same pages. */
  enhance?: boolean;
}

/** Builds a bundle for the site in `siteDir`, into `outputPath`. */
export async function buildSearchIndex(
  siteDir: string,
  { outputPath = join(siteDir, BUNDLE_DIR), enhance = true, ...fieldOptions }: IndexOptions = {},
): Promise<IndexResult> {
  try {
    const { index } = await checked(pagefind.createIndex(CONFIG), 'createIndex');
    if (enhance) {
      const files = htmlFiles(siteDir);
      // The service answers requests concurrently; a few in flight keep it busy without flooding it.
      const next = async (): Promise<void> => {
        const file = files.pop();
        if (!file) return;
        const url = urlOfFile(file);
        let html = readFileSync(join(siteDir, file), 'utf8');
        // What Pagefind will index, read the way it reads it (same body, same skipped parts).
        const page = extractPage(url, html, SKIP_CLASSES);
        // Key terms are folded into the encoded fields; results need not carry them.
        if (page) html = separateLabels(html.replace(HELPER_META, '').replace('</head>', `${termMetaTags(searchTermFields(page, fieldOptions))}</head>`));
        await checked(index!.addHTMLFile({ url, content: html }), `addHTMLFile ${file}`);
        return next();
      };
      await Promise.all(Array.from({ length: 8 }, next));
    } else {
      await checked(index!.addDirectory({ path: siteDir }), 'addDirectory');
    }
    rmSync(outputPath, { recursive: true, force: true });
    await checked(index!.writeFiles({ outputPath }), 'writeFiles');
    await index!.deleteIndex();
    for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(join(outputPath, name));
    return { pages: readdirSync(join(outputPath, 'fragment')).length, outputPath };
  } finally {
    await pagefind.close();
  }
}

/** Astro integration: index the built site. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'roukyou-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now();
        const { pages } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`検索索引（Pagefind）: ${pages}ページ、${((Date.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
