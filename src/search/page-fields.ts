/**
 * A page's encoded search fields, computed while Astro renders the page
 * (Base.astro writes them as `<meta data-pagefind-meta>` tags), so Pagefind
 * reads them from the built page like any other meta field and the index is
 * built in one pass over dist/ (src/search/build/pagefind.ts).
 *
 * Only names and facets are encoded (INDEXED_FIELDS): the page's text is
 * left to Pagefind's own word index (see src/search/README.md for the
 * figures behind this).
 */
import { facetTags, type SearchFacets } from './facets.ts';
import type { PageKind } from '../lib/model/vocabularies.ts';
import { HUB_KINDS, searchTermFields, type ExtractedPage, type FieldOptions } from './fields.ts';
import type { SynonymTable } from './synonyms.ts';

/** The encoded fields the site fills: names and facets; the text field costs more than it finds (README). */
export const INDEXED_FIELDS: NonNullable<FieldOptions['fields']> = ['hub', 'names', 'facets'];

/**
 * The encoded fields of one page from its title, kind and facets. A hub's title says more than its name
 * (「札幌市の労働者協同組合と委託事業」), so a hub is named by its facets' other names (which hold its name) only.
 * `synonyms`: the everyday-words table (content/search-synonyms.yaml) folded into the fields.
 */
export function pageTermFields(
  title: string,
  kind: PageKind | undefined,
  f: SearchFacets,
  synonyms: SynonymTable = [],
): Record<string, string> {
  const tags = facetTags(kind, f);
  const values = (name: string) => tags.filter((t) => t.name === `ra-search-${name}`).map((t) => t.content);
  const filters = { kind: values('kind'), prefecture: values('prefecture'), category: values('category') };
  const hub = filters.kind.some((k) => HUB_KINDS.includes(k));
  const page: ExtractedPage = {
    url: '',
    content: '',
    meta: {
      title: hub ? '' : title,
      aka: (f.aka ?? []).join(' | '),
      municipality: f.municipality ?? '',
      keywords: (f.keywords ?? []).join(' | '),
      subjects: (f.subjects ?? []).join(' | '),
    },
    filters,
  };
  return searchTermFields(page, { fields: INDEXED_FIELDS, synonyms });
}
