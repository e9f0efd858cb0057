/** How new the facts are: the newest source date of an entry and of the whole directory (pages, downloads, the API and the feed show it). */
import type { Directory, Source } from './types.ts';
import { earliestDay } from './dates.ts';
import { lastChecked } from './directory.ts';

/** The newest date among sources (and extra dates), as 'YYYY-MM-DD'; a year or month counts as its first day, so it is never in the future. */
export function newestDay(sources: readonly Source[], extra: readonly string[] = []): string | undefined {
  if (extra.length > 0) return newestOf(sources, extra);
  // Every feed (the site's, each prefecture's and category's) walks every entry's sources: each list once per build.
  if (!newestBySources.has(sources)) newestBySources.set(sources, newestOf(sources, extra));
  return newestBySources.get(sources);
}
const newestBySources = new WeakMap<readonly Source[], string | undefined>();

function newestOf(sources: readonly Source[], extra: readonly string[]): string | undefined {
  const newest = lastChecked(sources, extra);
  return newest === undefined ? undefined : earliestDay(newest);
}

/** The newest source day of each directory, computed once (a directory is read once per build). */
const newestCache = new WeakMap<Directory, string | undefined>();

/** The newest source date in the whole directory, every collection included (a guide's `updated` and a national count's `asOf` count too). */
export function newestSourceDay(dir: Directory): string | undefined {
  // Every API document and every page without sources of its own asks: walk the directory once per build.
  if (newestCache.has(dir)) return newestCache.get(dir);
  // `?? []`: a directory loaded by older helpers may lack the newer collections.
  const all: Array<{ sources: Source[] }> = [
    ...dir.coops,
    ...dir.categories,
    ...dir.bodies,
    ...dir.contracts,
    ...dir.councils,
    ...(dir.programmes ?? []),
    ...dir.guides,
    ...(dir.nationalCounts ?? []),
  ];
  const day = newestDay(
    all.flatMap((e) => e.sources),
    [...dir.guides.map((g) => g.updated), ...(dir.nationalCounts ?? []).map((n) => n.asOf)],
  );
  newestCache.set(dir, day);
  return day;
}
