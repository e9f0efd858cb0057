/**
 * Adds `<link rel="modulepreload">` for the chunks each page's module scripts import statically
 * (src/lib/publish/module-preload.ts), as each page is rendered (a step of rendered-pages.ts). Content pages have no
 * module script and come back as they are; on the real site that leaves the map and the search page.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { addPageStep, outputFileOf } from './rendered-pages.ts';
import { addModulePreloads, moduleScriptSrcs, preloadsOf } from '../lib/publish/module-preload.ts';

export default function modulePreload(): AstroIntegration {
  let fileOf!: (href: string) => string;
  return {
    name: 'roukyou-atlas:module-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        fileOf = outputFileOf(config, 'module script');
      },
      'astro:build:start': () => {
        // The client chunks are in the output folder by the time pages are rendered; one answer per set of scripts.
        const known = new Map<string, Promise<string[]>>();
        const codeOf = (href: string) => readFileSync(fileOf(href), 'utf8');
        addPageStep('module-preload', async ({ html }) => {
          const srcs = moduleScriptSrcs(html);
          if (srcs.length === 0) return html;
          const key = srcs.join('\n');
          let hrefs = known.get(key);
          if (!hrefs) known.set(key, (hrefs = preloadsOf(srcs, codeOf)));
          return addModulePreloads(html, await hrefs);
        });
      },
    },
  };
}
