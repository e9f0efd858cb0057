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

/**
 * A link to a part of the site another branch builds: /admin/ (the editors' CMS of issue 23, linked from
 * 「掲載されている組合の方へ」). While a build has no admin/index.html its links are not counted as broken; once
 * the CMS is built they are checked like any other link.
 */
export function linksToPendingPart(target: string, files: ReadonlySet<string>): boolean {
  return target.startsWith('admin/') && !files.has('admin/index.html');
}
