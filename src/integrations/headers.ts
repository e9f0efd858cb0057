/** Writes `_headers` (security headers and caching for static hosts) into the build output. */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { headersFile } from '../lib/csp.ts';

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'roukyou-atlas:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile(base));
      },
    },
  };
}
