/** How new the facts are: the newest source date of an entry and of the whole directory (pages, downloads, the API and the feed show it). */
import type { Directory, Source } from './types.ts';
import { earliestDay } from './dates.ts';
import { lastChecked } from './directory.ts';
import { rememberedPer } from './remember.ts';

/** The newest date among sources (and extra dates), as 'YYYY-MM-DD'; a year or month counts as its first day, so it is never in the future. */
export function newestDay(sources: readonly Source[], extra: readonly string[] = []): string | undefined {
  return extra.length > 0 ? newestOf(sources, extra) : newestOfSources(sources);
}
// Every feed (the site's, each prefecture's and category's) walks every entry's sources: each list once per build.
const newestOfSources = rememberedPer((sources: readonly Source[]) => newestOf(sources, []));

function newestOf(sources: readonly Source[], extra: readonly string[]): string | undefined {
  const newest = lastChecked(sources, extra);
  return newest === undefined ? undefined : earliestDay(newest);
}

/**
 * The newest source date in the whole directory, every collection included (a guide's `updated` and a national
 * count's `asOf` count too). Every API document and every page without sources of its own asks: computed once per
 * directory (a directory is read once per build).
 */
export const newestSourceDay = rememberedPer((dir: Directory): string | undefined => {
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
  return newestDay(
    all.flatMap((e) => e.sources),
    [...dir.guides.map((g) => g.updated), ...(dir.nationalCounts ?? []).map((n) => n.asOf)],
  );
});
