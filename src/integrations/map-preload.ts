/**
 * The map page's lazy JavaScript, preloaded from its HTML: as each page
 * holding the map island (<coop-map>) is rendered (a step of
 * rendered-pages.ts), the modules its script imports and the Leaflet chunk it
 * imports lazily (with the stylesheet that chunk links) are named in
 * `<link rel="modulepreload">` / `<link rel="preload" as="style">` tags, so
 * they load beside the page instead of one after another once the script
 * runs. Same-origin files under the base: within the CSP's `'self'`.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addPageStep } from './rendered-pages.ts';
import { insertPreloads, moduleScriptSrcs, preloadsFor, type Preloads } from '../lib/publish/module-preloads.ts';

/** Pages holding the map island. */
const MAP_ISLAND = '<coop-map';
/** The lazily imported chunk to preload: src/map/browser/leaflet.ts, which Vite names after its module. */
const LAZY_CHUNK = /^leaflet\.[\w-]+\.js$/;

export default function mapPreload(): AstroIntegration {
  let base = '/';
  let assets = '_astro';
  let root = '';
  return {
    name: 'roukyou-atlas:map-preload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        assets = config.build.assets;
        root = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        // The chunks are in the output folder by the time pages are rendered (Astro moves the client build there first).
        const read = (url: string) => {
          if (!url.startsWith(base)) throw new Error(`script ${url} is outside the base ${base}`);
          return readFileSync(join(root, url.slice(base.length)), 'utf8');
        };
        const known = new Map<string, Preloads>();
        addPageStep('map-preload', ({ html }) => {
          if (!html.includes(MAP_ISLAND)) return html;
          const entries = moduleScriptSrcs(html);
          const key = entries.join('\n');
          let preloads = known.get(key);
          if (!preloads) {
            preloads = preloadsFor(entries, read, (name) => LAZY_CHUNK.test(name), `${base}${assets}/`);
            if (!preloads.modules.some((m) => LAZY_CHUNK.test(m.slice(m.lastIndexOf('/') + 1))))
              throw new Error(
                `map-preload: the map's script imports no chunk like ${LAZY_CHUNK} (${entries.join(', ')})`,
              );
            known.set(key, preloads);
          }
          return insertPreloads(html, preloads);
        });
      },
    },
  };
}
