/**
 * The completion marker of a built site: `build-complete.json`, written by
 * whole-build.ts as the very last file, after the pages, the Pagefind bundle,
 * the sitemap and `_headers`. It names the base path the site was built for
 * and how many files it holds. `npm run preview` and `npm run check:dist`
 * (the deploy's gate) refuse a folder without it, with another count, with a
 * link inside, or built for another base, and say which.
 */
import { lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The marker's file name, at the top of the built site. */
export const BUILD_MARKER = 'build-complete.json';

/** What the marker holds (deterministic: two builds of one commit stay byte-identical). */
export interface BuildMarker {
  /** Format of this file. */
  format: 1;
  /** The base path the pages link under, ending in '/'. */
  base: string;
  /** Files in the site besides the marker. */
  files: number;
}

/** `base` with one trailing slash. */
const slashed = (base: string) => (base.endsWith('/') ? base : `${base}/`);

interface Walk {
  files: number;
  /** Links and special files, relative paths. */
  odd: string[];
}

/** Counts the plain files under `root` (the marker left out) with lstat, following no link; links and special files are listed. */
function walk(root: string): Walk {
  const out: Walk = { files: 0, odd: [] };
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) out.files += dir === root && e.name === BUILD_MARKER ? 0 : 1;
      else out.odd.push(relative(root, p));
    }
  };
  visit(root);
  out.odd.sort();
  return out;
}

/** Writes the marker into a finished site (call it after every other file is written). */
export function writeBuildMarker(root: string, base: string): BuildMarker {
  const { files, odd } = walk(root);
  if (odd.length > 0) throw new Error(`${root} にシンボリックリンクか特殊なファイルがあります: ${odd.join(', ')}`);
  const marker: BuildMarker = { format: 1, base: slashed(base), files };
  writeFileSync(join(root, BUILD_MARKER), `${JSON.stringify(marker)}\n`);
  return marker;
}

/** The verdict on a built folder: whole (with its marker), or why not. */
export type Verdict = { ok: true; marker: BuildMarker } | { ok: false; reason: string };

const REBUILD = 'npm run build で作り直してください';

/**
 * Whether `root` is a whole site made by this project's build: the marker is there and readable, no link or
 * special file is inside, the file count matches, and (when `base` is given) it was built for that base path.
 */
export function checkWholeBuild(root: string, base?: string): Verdict {
  const top = lstatSync(root, { throwIfNoEntry: false });
  if (!top) return { ok: false, reason: `${root} がありません。${REBUILD}` };
  if (!top.isDirectory()) return { ok: false, reason: `${root} はフォルダではありません（リンクも不可）。${REBUILD}` };
  let marker: BuildMarker;
  try {
    if (!lstatSync(join(root, BUILD_MARKER)).isFile()) throw new Error('not a file');
    marker = JSON.parse(readFileSync(join(root, BUILD_MARKER), 'utf8')) as BuildMarker;
  } catch {
    return {
      ok: false,
      reason: `${root} に完成の印（${BUILD_MARKER}）がありません: 途中で止まったビルドか、別の手順・古い版で作られた出力です。${REBUILD}`,
    };
  }
  if (marker.format !== 1 || typeof marker.base !== 'string' || !Number.isInteger(marker.files))
    return { ok: false, reason: `${join(root, BUILD_MARKER)} の形式を読めません。${REBUILD}` };
  const { files, odd } = walk(root);
  if (odd.length > 0)
    return {
      ok: false,
      reason: `${root} にシンボリックリンクか特殊なファイルがあります（配信しません）: ${odd.join(', ')}`,
    };
  if (files !== marker.files)
    return {
      ok: false,
      reason: `${root} のファイル数が完成の印と合いません（印は${marker.files}件、実際は${files}件）: ビルドの後で消えたか足されたファイルがあります。${REBUILD}`,
    };
  if (base !== undefined && slashed(base) !== marker.base)
    return {
      ok: false,
      reason: `${root} は BASE_PATH=${marker.base} 用のビルドです（いまは ${slashed(base)}）。同じ BASE_PATH で起動するか、${REBUILD}`,
    };
  return { ok: true, marker };
}
