/** Test helpers: read content/ the way the data check does, so expectations derive from it. */
import { contentDir, readContent, readDataFile } from '../../src/content/files.ts';
import { directoryFromEntries } from '../../src/content/directory.ts';
import { idRef, searchSynonymsSchema } from '../../src/lib/model/schemas/index.ts';
import type { Directory, SearchSynonyms } from '../../src/lib/model/types.ts';

/** The real content/ folder as a plain directory (parsed with the same schemas, in the site's order). */
export function loadContentDirectory(dir: string = contentDir()): Directory {
  return directoryFromEntries(readContent(dir).entries);
}

/** content/search-synonyms.yaml, parsed (an empty table when the folder has none). */
export function loadSearchSynonyms(dir: string = contentDir()): SearchSynonyms {
  const { data } = readDataFile(dir, 'searchSynonyms');
  return data === undefined ? { reviewed: '', groups: [] } : searchSynonymsSchema(idRef).parse(data);
}
