/**
 * Site-wide settings read once at build time. The repository's address is
 * not fixed in the code: set REPO_URL (e.g. https://github.com/owner/repo)
 * when building, and correction links open the repository's issue form with
 * the page's id filled in; without it they point to the about page.
 */
import { paths, withBase } from './paths.ts';

/** REPO_URL from an environment, without a trailing slash; undefined when unset or empty. Throws on anything but an http(s) URL. */
export function repoUrlFrom(env: Record<string, string | undefined>): string | undefined {
  const raw = env.REPO_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/.test(raw) || !URL.canParse(raw)) {
    throw new Error(`REPO_URL "${raw}" は http:// か https:// で始まるリポジトリの URL ではありません`);
  }
  return raw.replace(/\/+$/, '');
}

/** The repository's address for this build (REPO_URL), or undefined. */
export const REPO_URL: string | undefined = repoUrlFrom(typeof process === 'undefined' ? {} : process.env);

/** The issue template readers use for corrections (.github/ISSUE_TEMPLATE/correction.yml). */
export const CORRECTION_TEMPLATE = 'correction.yml';

/**
 * Where a reader asks to correct page `pageId` (e.g. 'coops/kifukuto'): the
 * repository's issue form with the id filled in, or the about page's
 * corrections section when no repository is configured.
 */
export function correctionHref(pageId: string, base: string, repoUrl: string | undefined = REPO_URL): string {
  if (repoUrl) return `${repoUrl}/issues/new?template=${CORRECTION_TEMPLATE}&page-id=${encodeURIComponent(pageId)}`;
  return `${withBase(base, paths.about())}#corrections`;
}
