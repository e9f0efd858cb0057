/**
 * Queries every collection once and turns Astro entries into the plain
 * shapes of src/lib/types.ts (references become ids). Pages import from here.
 */
import { getCollection } from 'astro:content';
import type { Directory } from './lib/types.ts';
import { sortByReading } from './lib/sort.ts';
import { byDate } from './lib/nationalCounts.ts';
import { buildIndex, type DirectoryIndex } from './lib/directory.ts';
import { contentDir, readDataFile } from './integrations/content-files.ts';
import { idRef, searchSynonymsSchema } from './lib/schema.ts';
import type { SearchSynonyms } from './lib/search-synonyms.ts';

type Ref = { id: string; collection: string };

/** Replaces every `{ id, collection }` reference object with its id, deeply. */
function flattenRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(flattenRefs);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const keys = Object.keys(value);
    if (keys.length === 2 && 'id' in value && 'collection' in value) return (value as Ref).id;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flattenRefs(v)]));
  }
  return value;
}

async function plain<T>(name: 'coops' | 'categories' | 'municipalities' | 'contracts' | 'councils' | 'programmes' | 'guides' | 'nationalCounts'): Promise<T[]> {
  const entries = await getCollection(name);
  return entries.map((e) => ({ id: e.id, ...(flattenRefs(e.data) as object) }) as T);
}

let cached: Promise<Directory> | undefined;

/** The whole directory, loaded once per build. */
export function loadDirectory(): Promise<Directory> {
  cached ??= (async () => {
    const [coops, categories, bodies, contracts, councils, programmes, guides, nationalCounts] = await Promise.all([
      plain<Directory['coops'][number]>('coops'),
      plain<Directory['categories'][number]>('categories'),
      plain<Directory['bodies'][number]>('municipalities'),
      plain<Directory['contracts'][number]>('contracts'),
      plain<Directory['councils'][number]>('councils'),
      plain<Directory['programmes'][number]>('programmes'),
      plain<Directory['guides'][number]>('guides'),
      plain<Directory['nationalCounts'][number]>('nationalCounts'),
    ]);
    return {
      coops: sortByReading(coops),
      categories: [...categories].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
      bodies: sortByReading(bodies),
      contracts: [...contracts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      councils: sortByReading(councils),
      programmes: sortByReading(programmes),
      guides: [...guides].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1)),
      nationalCounts: byDate(nationalCounts),
    };
  })();
  return cached;
}

let cachedIndex: Promise<DirectoryIndex> | undefined;

/** Lookups over the directory (by id, children, members, contracts), built once per build. */
export function loadIndex(): Promise<DirectoryIndex> {
  cachedIndex ??= loadDirectory().then(buildIndex);
  return cachedIndex;
}

/**
 * The everyday-words table (content/search-synonyms.yaml), or an empty one when
 * the file is absent. The data check has already refused a broken file before
 * the build; parsing again here keeps the types honest.
 */
export function loadSearchSynonyms(): SearchSynonyms {
  const { data } = readDataFile(process.env.RA_CONTENT_DIR ?? contentDir(), 'searchSynonyms');
  if (data === undefined) return { reviewed: '', groups: [] };
  return searchSynonymsSchema(idRef).parse(data) as SearchSynonyms;
}
