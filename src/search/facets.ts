/**
 * What each page tells the search index about itself: filters (kind,
 * prefecture, category), meta shown with a result (kind, municipality,
 * categories) and extra names (variants, kana readings) that are searched
 * like the title. Pages pass these to Base.astro, which writes them as
 * `<meta data-pagefind-…>` tags, with the encoded fields (page-fields.ts). Pure functions over the plain directory.
 */
import type { Body, Category, Contract, Coop, Council } from '../lib/model/types.ts';
import { prefectureOf } from '../lib/model/directory.ts';
import { ORG_KIND, PAGE_KIND, type PageKind } from '../lib/model/vocabularies.ts';

/** Search facets of one page (all optional: a page without them is still indexed, with its kind). */
export interface SearchFacets {
  /** Prefecture names (filter). */
  prefecture?: string[] | undefined;
  /** Category names (filter, and meta `categories`). */
  category?: string[] | undefined;
  /** Where the entity is, for the result line (meta `municipality`), e.g. 神奈川県大和市. */
  municipality?: string | undefined;
  /** Other names and readings, searched like the title (meta `aka`). */
  aka?: string[] | undefined;
  /** What the entity does (business, services, contracted programmes): encoded in the facets field only (page-fields.ts), no meta of its own. */
  keywords?: string[] | undefined;
  /**
   * What a hub page (a category, a public body) is the page for, besides its names: a category's listed
   * services and contracted programmes (meta `subjects`; indexed in the hub field, never shown).
   */
  subjects?: string[] | undefined;
  /**
   * The entry's own kind, shown as the result's badge (meta `badge`): 事業本部, 連合会, 市 … from the vocabularies'
   * labels; the kind filter stays the page's kind (組合, 自治体 …).
   */
  badge?: string | undefined;
  /**
   * The places the entry is in, each a whole official name (meta `places`, ' | '-separated): prefecture, then
   * municipality. The search page ranks an entry for a place word only on a whole name (東京 → 東京都, not 西東京市).
   */
  places?: string[] | undefined;
}

/** Tool pages whose content repeats other pages (the map's list, the search page itself) stay out of the index. */
const UNINDEXED_KINDS: ReadonlySet<PageKind | undefined> = new Set<PageKind>(['map', 'search', '404']);

/** Whether pages of this Base.astro kind go into the search index. */
export function isIndexedKind(kind: PageKind | undefined): boolean {
  return !UNINDEXED_KINDS.has(kind);
}

/** The kind filter value for a page kind; pages about the site itself are サイト案内. */
export function kindLabel(kind: PageKind | undefined): string {
  return kind ? PAGE_KIND.labels[kind] : 'サイト案内';
}

/** The meta tags Base.astro writes for a page: [name, value, pagefind attribute, attribute value]. */
export function facetTags(
  kind: PageKind | undefined,
  f: SearchFacets = {},
): Array<{ name: string; content: string; attr: 'data-pagefind-filter' | 'data-pagefind-meta'; key: string }> {
  const label = kindLabel(kind);
  const tags: ReturnType<typeof facetTags> = [
    { name: 'ra-search-kind', content: label, attr: 'data-pagefind-filter', key: 'kind[content]' },
    { name: 'ra-search-kind-label', content: label, attr: 'data-pagefind-meta', key: 'kind[content]' },
  ];
  for (const p of new Set(f.prefecture ?? []))
    tags.push({ name: 'ra-search-prefecture', content: p, attr: 'data-pagefind-filter', key: 'prefecture[content]' });
  for (const c of new Set(f.category ?? []))
    tags.push({ name: 'ra-search-category', content: c, attr: 'data-pagefind-filter', key: 'category[content]' });
  if (f.category?.length)
    tags.push({
      name: 'ra-search-categories',
      content: [...new Set(f.category)].join('、'),
      attr: 'data-pagefind-meta',
      key: 'categories[content]',
    });
  if (f.municipality)
    tags.push({
      name: 'ra-search-municipality',
      content: f.municipality,
      attr: 'data-pagefind-meta',
      key: 'municipality[content]',
    });
  if (f.aka?.length)
    tags.push({
      name: 'ra-search-aka',
      content: [...new Set(f.aka)].join(' | '),
      attr: 'data-pagefind-meta',
      key: 'aka[content]',
    });
  if (f.badge)
    tags.push({ name: 'ra-search-badge', content: f.badge, attr: 'data-pagefind-meta', key: 'badge[content]' });
  if (f.places?.length)
    tags.push({
      name: 'ra-search-places',
      content: [...new Set(f.places)].join(' | '),
      attr: 'data-pagefind-meta',
      key: 'places[content]',
    });
  if (f.subjects?.length)
    tags.push({
      name: 'ra-search-subjects',
      content: [...new Set(f.subjects)].join(' | '),
      attr: 'data-pagefind-meta',
      key: 'subjects[content]',
    });
  return tags;
}

const names = (ids: readonly string[], byId: Map<string, { name: string }>) =>
  ids.map((id) => byId.get(id)?.name).filter((n): n is string => Boolean(n));

/** A co-op page: its prefecture, categories, municipality, name variants and reading, its kind, and what it does (with the contracts it holds). */
export function coopFacets(
  coop: Coop,
  bodies: Map<string, Body>,
  categories: Map<string, Category>,
  contracts: readonly Contract[] = [],
): SearchFacets {
  const pref = prefectureOf(coop, bodies);
  const muni = coop.municipality ? bodies.get(coop.municipality) : undefined;
  const places = [pref ? bodies.get(pref)?.name : undefined, muni?.name].filter((n): n is string => Boolean(n));
  return {
    prefecture: names(pref ? [pref] : [], bodies),
    category: names(coop.categories, categories),
    municipality: places.join('') || undefined,
    aka: [...(coop.nameVariants ?? []), coop.reading],
    badge: ORG_KIND.labels[coop.kind],
    places,
    keywords: [
      // Its kind, so a kind word finds it (連合会 東京).
      ORG_KIND.labels[coop.kind],
      ...(coop.business ?? []),
      ...(coop.services ?? []).flatMap((g) => [...(g.group ? [g.group] : []), ...g.items]),
      ...contracts.filter((c) => c.contractor === coop.id).flatMap((c) => [c.programme, ...(c.services ?? [])]),
      ...(coop.area ? [coop.area] : []),
    ],
  };
}

/** A public body's page: its prefecture (itself for a prefecture; none for a national body), reading and kind (市, 町 …). */
export function bodyFacets(body: Body, bodies: Map<string, Body>): SearchFacets {
  const prefId = body.kind === '都道府県' ? body.id : body.prefecture;
  const pref = prefId ? bodies.get(prefId) : undefined;
  return {
    prefecture: pref ? [pref.name] : [],
    municipality: pref && pref.id !== body.id ? `${pref.name}${body.name}` : body.name,
    // The name itself too: the page's heading says more (「…の労働者協同組合と委託事業」), and exact names rank first.
    aka: [body.name, body.reading],
    badge: body.kind,
    places: [...(pref && pref.id !== body.id ? [pref.name] : []), body.name],
  };
}

/**
 * A category page: the category itself, its name, reading and English name,
 * and as subjects the services organisations list under it and the
 * programmes and services of its contracts.
 */
export function categoryFacets(
  category: Category,
  coops: readonly Coop[] = [],
  contracts: readonly Contract[] = [],
): SearchFacets {
  const subjects = [
    ...coops.flatMap((c) =>
      (c.services ?? [])
        .filter((g) => g.category === category.id)
        .flatMap((g) => [...(g.group ? [g.group] : []), ...g.items]),
    ),
    ...contracts.filter((k) => k.category === category.id).flatMap((k) => [k.programme, ...(k.services ?? [])]),
  ];
  return {
    category: [category.name],
    aka: [category.name, category.reading, category.nameEn],
    subjects: [...new Set(subjects)],
  };
}

/**
 * A model-project council's page: its prefecture and reading, and as what it is about its members' names, its
 * activities' titles, organisers and venues (a university or a hall a person may look for).
 */
export function councilFacets(council: Council, bodies: Map<string, Body>): SearchFacets {
  const pref = bodies.get(council.prefecture);
  return {
    prefecture: pref ? [pref.name] : [],
    municipality: pref?.name,
    aka: [council.reading],
    places: pref ? [pref.name] : [],
    keywords: [
      ...(council.members ?? []).map((m) => m.name),
      ...(council.activities ?? []).flatMap((a) => [a.title, a.organiser, a.place]),
    ].filter((k): k is string => Boolean(k)),
  };
}
