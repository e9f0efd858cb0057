/**
 * Queries every collection once and turns Astro entries into the plain
 * shapes of src/lib/model/types.ts (the id beside the data). Pages import from here.
 */
import { getCollection } from 'astro:content';
import type { Directory } from '../lib/model/types.ts';
import { toDirectory } from './directory.ts';
import { buildIndex, type DirectoryIndex } from '../lib/model/directory.ts';
import { coopListRoutes } from '../lib/views/lists.ts';
import { contentDir, readDataFile } from './files.ts';
import { idRef, searchSynonymsSchema } from '../lib/model/schemas/index.ts';
import type { SearchSynonyms } from '../lib/model/types.ts';
import { contentChanges } from './changes.ts';
import { exportDates } from '../lib/publish/datasets/index.ts';
import { dayInJapan } from '../lib/publish/citation.ts';

/** Entries as plain objects: the id beside the data (the types are the schemas', so no cast is needed). */
function withIds<D extends object>(entries: ReadonlyArray<{ id: string; data: D }>): Array<{ id: string } & D> {
  return entries.map((e) => ({ id: e.id, ...e.data }));
}

let cached: Promise<Directory> | undefined;

/** The whole directory, loaded once per build. */
export function loadDirectory(): Promise<Directory> {
  cached ??= (async () => {
    const [coops, categories, bodies, contracts, councils, programmes, guides, nationalCounts] = await Promise.all([
      getCollection('coops').then(withIds),
      getCollection('categories').then(withIds),
      getCollection('municipalities').then(withIds),
      getCollection('contracts').then(withIds),
      getCollection('councils').then(withIds),
      getCollection('programmes').then(withIds),
      getCollection('guides').then(withIds),
      getCollection('nationalCounts').then(withIds),
    ]);
    return toDirectory({ coops, categories, bodies, contracts, councils, programmes, guides, nationalCounts });
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
 * the build; parsing again here keeps the types honest. Read once per build:
 * every indexed page folds it into its search fields.
 */
export function loadSearchSynonyms(): SearchSynonyms {
  cachedSynonyms ??= readSearchSynonyms();
  return cachedSynonyms;
}

let cachedSynonyms: SearchSynonyms | undefined;

function readSearchSynonyms(): SearchSynonyms {
  const { data } = readDataFile(process.env.RA_CONTENT_DIR ?? contentDir(), 'searchSynonyms');
  if (data === undefined) return { reviewed: '', groups: [] };
  return searchSynonymsSchema(idRef).parse(data);
}

/** The routes of the prefecture lists, Japanese and English alike: every page of every prefecture's list (src/lib/views/lists.ts). */
export async function coopListStaticPaths() {
  const { coops } = await loadDirectory();
  return coopListRoutes(coops, (await loadIndex()).bodies);
}

/** What dates a page's citation: each content file's last change (git; see changes.ts) and the build's day. */
export interface CitationDates {
  /** 'coops/kifukuto' → its last change, 'YYYY-MM-DD'. */
  changes: ReadonlyMap<string, string>;
  /** The day of the downloads' generatedAt: SOURCE_DATE_EPOCH, else the newest source date. */
  buildDay: string;
}

let cachedDates: Promise<CitationDates> | undefined;

/** The citation dates, read once per build. */
export function loadCitationDates(): Promise<CitationDates> {
  cachedDates ??= loadDirectory().then((dir) => ({
    changes: contentChanges(process.env.RA_CONTENT_DIR ?? contentDir()),
    buildDay: dayInJapan(exportDates(dir, process.env.SOURCE_DATE_EPOCH).generatedAt),
  }));
  return cachedDates;
}
