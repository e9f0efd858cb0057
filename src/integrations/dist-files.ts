/** The built site's files, as the after-build steps (one stylesheet per page, the search index) walk them. */
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every .html file under a built site: paths relative to it, '/'-separated, sorted; nothing under the folder `skip`. */
export function htmlFilesUnder(root: string, skip?: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => skip === undefined || !f.startsWith(`${skip}/`))
    .sort();
}
