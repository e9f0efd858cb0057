/** The built site's files, as the after-build steps (the benchmarks' indexer, the benchmarks) walk them. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file whose name ends with `suffix` under a built site: paths relative to it, '/'-separated, sorted; nothing under the folder `skip`. */
export function filesUnder(root: string, suffix: string, skip?: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => skip === undefined || !f.startsWith(`${skip}/`))
    .sort();
}

/** Every .html file under a built site (see filesUnder). */
export function htmlFilesUnder(root: string, skip?: string): string[] {
  return filesUnder(root, '.html', skip);
}
