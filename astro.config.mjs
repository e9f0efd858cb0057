// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import dataCheck from './src/integrations/data-check.ts';
import correctionPath from './src/integrations/correction-path.ts';
import pagefind from './src/search/build/pagefind.ts';
import securityHeaders from './src/integrations/headers.ts';
import cmsBundle from './src/integrations/cms.ts';
import wholeBuild from './src/integrations/whole-build.ts';
import oneStylesheet from './src/integrations/one-stylesheet.ts';
import modulePreload from './src/integrations/module-preload.ts';
import renderedPages from './src/integrations/rendered-pages.ts';
import filesBeside from './src/integrations/files-beside.ts';
import { contentIsData } from './src/integrations/content-is-data.ts';
import { tableLabelsPlugin } from './src/lib/views/table-labels.ts';

/** Deploy under any path: BASE_PATH=/roukyou-atlas/ npm run build. */
const base = process.env.BASE_PATH ?? '/';
/** The base as a folder ('/sub/'): a page's path below it starts after this. */
const baseFolder = base.endsWith('/') ? base : `${base}/`;

export default defineConfig({
  // Only when set: Astro's types do not take an explicit undefined (exactOptionalPropertyTypes).
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  base,
  trailingSlash: 'always',
  // Test builds of fixture content keep their own cache so they never mix with the real one.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Tests point the build at a copy of public/ (the data check refuses a symbolic link there before Vite copies it).
  ...(process.env.PUBLIC_DIR ? { publicDir: process.env.PUBLIC_DIR } : {}),
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // A short build log: the per-route lines are counted, not printed (BUILD_LOG=verbose prints them).
  logger: { entrypoint: './src/integrations/build-log.ts' },
  vite: {
    build: {
      rolldownOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive, which the bundler warns it may not keep; Astro
        // reads it before bundling, so the warning is noise (https://github.com/withastro/astro/issues/18087).
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
  // Guides are data: the MDX processor refuses any body that holds code (src/integrations/content-is-data.ts).
  // Their Markdown tables get a caption, scoped headers and data-label on every cell, so phones show them as stacked cards.
  // A sitemap needs absolute URLs, so it is written only when SITE_URL is set (as it must be for a deploy).
  // Embed pages are for iframes elsewhere (noindex), /admin/ is the CMS (noindex) and downloads are not pages: all stay out.
  // As each page is rendered (src/integrations/rendered-pages.ts), its CSS chunks become one stylesheet
  // (src/integrations/one-stylesheet.ts), its module scripts' static imports are preloaded from its head
  // (src/integrations/module-preload.ts) and Pagefind indexes it (src/search/build/pagefind.ts). The API's documents
  // are written by their collection's index, not one route each (src/integrations/files-beside.ts).
  // The site is built into <outDir>.partial/ and moved into place, with its completion marker, only once every
  // integration is done (src/integrations/whole-build.ts, last: its astro:build:done runs after the others').
  // A deploy build (SITE_URL) without REPO_URL or CONTACT_EMAIL stops first: corrections must have somewhere to go.
  integrations: [
    correctionPath(),
    renderedPages(),
    filesBeside(),
    dataCheck(),
    mdx({ processor: satteri({ mdastPlugins: [contentIsData], hastPlugins: [tableLabelsPlugin] }) }),
    oneStylesheet(),
    modulePreload(),
    ...(process.env.SITE_URL
      ? [
          sitemap({
            filter: (url) =>
              url.endsWith('/') && !/^(embed|admin)\//.test(new URL(url).pathname.slice(baseFolder.length)),
          }),
        ]
      : []),
    pagefind(),
    // /admin/: Decap CMS's bundle, copied from node_modules (src/integrations/cms.ts).
    cmsBundle(),
    securityHeaders(),
    wholeBuild(),
  ],
});
