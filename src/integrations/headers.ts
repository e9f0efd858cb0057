/** Writes `_headers` (security headers and caching for static hosts) into the build output. */
import type { AstroIntegration } from 'astro';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/publish/csp.ts';
import { BUILD_MARKER } from './build-marker.ts';
import { inlinedStyleHashes } from './one-stylesheet.ts';

/** The integration: `_headers` for the top-level folders and files of the site, the completion marker included (written after it). */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'roukyou-atlas:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const names = readdirSync(root);
        const isDir = (n: string) => statSync(fileURLToPath(new URL(n, dir))).isDirectory();
        writeFileSync(
          fileURLToPath(new URL('_headers', dir)),
          headersFile(
            base,
            {
              dirs: names.filter(isDir),
              files: [...new Set([...names.filter((n) => !isDir(n)), BUILD_MARKER])],
            },
            inlinedStyleHashes(),
          ),
        );
      },
    },
  };
}
