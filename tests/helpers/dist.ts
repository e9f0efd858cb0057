/** Test helpers over the built site in dist/. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkWholeBuild } from '../../src/integrations/build-marker.ts';

/** The built site: $DIST_DIR or ./dist (helpers building elsewhere point tests at their own copy). */
export const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(process.cwd(), 'dist');

/** Fails clearly when the site has not been built, or not wholly (no completion marker: a build stopped half-way). */
export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ がありません。先に npm run build を実行してください（npm test は自動で行います）');
  const verdict = checkWholeBuild(DIST);
  if (!verdict.ok) throw new Error(verdict.reason);
}

/** HTML of a route such as `coops/kifukuto/`. */
export function page(route: string): string {
  return readFileSync(join(DIST, route, route.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/** Whether a route has a built page. */
export function hasPage(route: string): boolean {
  return existsSync(join(DIST, route, 'index.html'));
}

/** Every file under dist/ (or another built folder), relative to it. */
export function distFiles(root: string = DIST): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [relative(root, p)];
    });
  return walk(root);
}

/** Folders of the built site that hold no public page: admin/ is the CMS (its own page, scripts and policy). */
export const NOT_PUBLIC_DIRS = ['admin/'];

/** Whether a file of a built site belongs to its public pages (not the CMS under admin/). */
export function isPublic(file: string): boolean {
  return !NOT_PUBLIC_DIRS.some((d) => file.startsWith(d));
}

/** Every public HTML page of dist/ (the CMS under admin/ left out), relative paths. */
export function publicPages(): string[] {
  return distFiles().filter((f) => f.endsWith('.html') && isPublic(f));
}

/** Text of an HTML fragment: styles and tags removed, the common entities decoded, white space folded (enough for assertions). */
export function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}
