/**
 * Copies Decap CMS's browser bundle from node_modules into the built site
 * (`<outDir>/admin/decap/`), so /admin/ loads it from the site itself and
 * nothing is committed into public/. About 6.5 MB in 96 files, copied once
 * when the build is done.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DECAP_FOLDER, decapDist, decapFiles } from '../lib/publish/cms/decap.ts';

export default function cmsBundle(): AstroIntegration {
  return {
    name: 'roukyou-atlas:cms',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const from = decapDist();
        const to = join(fileURLToPath(dir), DECAP_FOLDER);
        mkdirSync(to, { recursive: true });
        const files = decapFiles(from);
        for (const f of files) copyFileSync(join(from, f), join(to, f));
        logger.info(`Decap CMS: ${files.length} files → ${DECAP_FOLDER}/`);
      },
    },
  };
}
