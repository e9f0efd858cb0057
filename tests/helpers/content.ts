/** Test helpers: read content/ the way the data check does, so expectations derive from it. */
import { contentDir, readContent, readDataFile } from '../../src/content/files.ts';
import { schemasFor, idRef, searchSynonymsSchema } from '../../src/lib/model/schemas/index.ts';
import type { SearchSynonyms } from '../../src/search/synonyms.ts';
import type { Directory } from '../../src/lib/model/types.ts';

/** The real content/ folder as a plain directory (parsed with the same schemas). */
export function loadContentDirectory(dir: string = contentDir()): Directory {
  const { entries } = readContent(dir);
  const schemas = schemasFor(idRef);
  const of = <T>(c: keyof typeof schemas) =>
    entries.filter((e) => e.collection === c).map((e) => ({ id: e.id, ...(schemas[c].parse(e.data) as object) }) as T);
  return {
    coops: of('coops'),
    categories: of('categories'),
    bodies: of('municipalities'),
    contracts: of('contracts'),
    councils: of('councils'),
    programmes: of('programmes'),
    guides: of('guides'),
    nationalCounts: of('nationalCounts'),
  };
}

/** content/search-synonyms.yaml, parsed (an empty table when the folder has none). */
export function loadSearchSynonyms(dir: string = contentDir()): SearchSynonyms {
  const { data } = readDataFile(dir, 'searchSynonyms');
  return data === undefined
    ? { reviewed: '', groups: [] }
    : (searchSynonymsSchema(idRef).parse(data) as SearchSynonyms);
}
