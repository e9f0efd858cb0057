/**
 * Decap CMS's prebuilt browser bundle, served from the site itself (never a
 * CDN): the files of the `decap-cms` package's dist/ that a browser may ask
 * for. The main script loads its lazy chunks from beside itself (webpack's
 * `publicPath: auto`), so they sit in one folder under /admin/.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { paths } from '../../model/paths.ts';

/** The folder under the site that holds the bundle. */
export const DECAP_FOLDER = `${paths.admin()}decap`;

/** The main script. */
export const DECAP_SCRIPT = 'decap-cms.js';

/**
 * Whether a file of the package's dist/ is served: the main script, its lazy chunks and its licence notice. Left
 * out: source maps, `cms.js` (the same build under its old name), the empty `cms.css`, and the WebAssembly image
 * encoders, which run only when an image is uploaded (the site keeps no uploads, and its policy allows no wasm).
 */
export function isServedDecapFile(name: string): boolean {
  return name === DECAP_SCRIPT || name === `${DECAP_SCRIPT}.LICENSE.txt` || /^\d+\.decap-cms\.js$/.test(name);
}

/** The package's dist/ folder in node_modules. */
export function decapDist(): string {
  return join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
}

/** The files to serve, by name. */
export function decapFiles(dist: string = decapDist()): string[] {
  return readdirSync(dist).filter(isServedDecapFile).sort();
}
