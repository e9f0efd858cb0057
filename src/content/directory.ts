/**
 * The one way entries become a Directory (src/lib/model/types.ts): each
 * collection in its reading order. The site gets its entries from Astro
 * (src/content/load.ts); the data check's report and the tests parse the
 * files themselves (directoryFromEntries). Both end here.
 */
import { idRef, schemasFor, type CollectionName } from '../lib/model/schemas/index.ts';
import type { Directory, Entry } from '../lib/model/types.ts';
import { sortByReading } from '../lib/model/sort.ts';
import { byDate } from '../lib/views/national-counts.ts';
import type { RawEntry } from '../lib/check/types.ts';

/** The collections of a directory, in any order. */
export type DirectoryParts = Directory;

/** By `order`, then id (categories and guides are listed in an editor-chosen order). */
function byOrder<T extends { id: string; order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

/** The directory with every collection in the order pages list it (so no page depends on the order files were read). */
export function toDirectory(parts: DirectoryParts): Directory {
  return {
    coops: sortByReading(parts.coops),
    categories: byOrder(parts.categories),
    bodies: sortByReading(parts.bodies),
    contracts: [...parts.contracts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    councils: sortByReading(parts.councils),
    programmes: sortByReading(parts.programmes),
    guides: byOrder(parts.guides),
    nationalCounts: byDate(parts.nationalCounts),
  };
}

/** Entries of one collection parsed with its schema, the id beside the data; entries that fail are left out (the data check names them). */
function parsedOf<C extends CollectionName>(entries: readonly RawEntry[], collection: C) {
  const schema = schemasFor(idRef)[collection];
  return entries.flatMap((e): Array<Entry<C>> => {
    if (e.collection !== collection) return [];
    const r = schema.safeParse(e.data);
    // The schema of collection C parses to C's entry type; TypeScript cannot follow the index through the generic.
    return r.success ? [{ id: e.id, ...(r.data as object) } as Entry<C>] : [];
  });
}

/** A directory from entries read from files (the report and the tests; the site reads through Astro). */
export function directoryFromEntries(entries: readonly RawEntry[]): Directory {
  return toDirectory({
    coops: parsedOf(entries, 'coops'),
    categories: parsedOf(entries, 'categories'),
    bodies: parsedOf(entries, 'municipalities'),
    contracts: parsedOf(entries, 'contracts'),
    councils: parsedOf(entries, 'councils'),
    programmes: parsedOf(entries, 'programmes'),
    guides: parsedOf(entries, 'guides'),
    nationalCounts: parsedOf(entries, 'nationalCounts'),
  });
}
