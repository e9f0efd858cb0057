/** The collections, the folders under content/ that hold them, and the single data files beside them. */
import type { z } from 'astro/zod';

/** Builds the schema of a reference to an entry of another collection: the entry's id. */
export type RefFactory = (collection: CollectionName) => z.ZodType<string>;

export const COLLECTION_NAMES = [
  'coops',
  'categories',
  'municipalities',
  'contracts',
  'councils',
  'programmes',
  'guides',
  'nationalCounts',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** The folder under content/ of a collection whose name is not its folder name. */
export const COLLECTION_FOLDERS: Partial<Record<CollectionName, string>> = { nationalCounts: 'national-counts' };

/** The folder under content/ that holds a collection. */
export function folderOf(collection: CollectionName): string {
  return COLLECTION_FOLDERS[collection] ?? collection;
}

/** Single data files at the top of content/ (not collections): name → file. */
export const DATA_FILES = { searchSynonyms: 'search-synonyms.yaml' } as const;
