/**
 * Every URL of the site in one place. Paths are relative to the base (no
 * leading slash); `withBase` joins them to `import.meta.env.BASE_URL`, so the
 * site works under any sub-path.
 */
/** The path segment under coops/ that holds the per-prefecture lists; no co-op may have it as its id. */
export const COOP_LIST_SEGMENT = 'prefecture';

export const paths = {
  home: () => '',
  coops: () => 'coops/',
  coop: (id: string) => `coops/${id}/`,
  /**
   * The organisations of one prefecture (its code, or 'none' for those without one), page n ≥ 2 of a long list.
   * 'prefecture' is a reserved co-op id (see idProblem in lib/model/schemas/index.ts), so these never meet a co-op's page.
   */
  coopsIn: (prefecture: string, page = 1) => `coops/${COOP_LIST_SEGMENT}/${prefecture}/${page > 1 ? `${page}/` : ''}`,
  categories: () => 'categories/',
  /** A category's page; page n ≥ 2 continues its list of organisations. */
  category: (id: string, page = 1) => `categories/${id}/${page > 1 ? `${page}/` : ''}`,
  bodies: () => 'municipalities/',
  body: (id: string) => `municipalities/${id}/`,
  modelProject: () => 'model-project/',
  council: (id: string) => `model-project/${id}/`,
  guides: () => 'guide/',
  guide: (id: string) => `guide/${id}/`,
  about: () => 'about/',
  /** 「掲載されている組合の方へ」: what the directory publishes about an organisation and how it is corrected. */
  forCoops: () => 'about/for-coops/',
  /** The editors' CMS (Decap CMS, noindex; src/lib/publish/cms/) and its configuration, generated from the schemas. */
  admin: () => 'admin/',
  adminConfig: () => 'admin/config.yml',
  map: () => 'map/',
  search: () => 'search/',
  data: () => 'data/',
  /** A download under /data/: 'coops.csv', 'contracts.json' … */
  dataFile: (file: string) => `data/${file}`,
  /** The contracts one public body commissions, as CSV. */
  bodyContractsCsv: (id: string) => `data/contracts/${id}.csv`,
  /** A public body's page for an iframe on another site. */
  embed: (id: string) => `embed/${id}/`,
  feed: () => 'feed.xml',
  /** The Atom feed of one prefecture: organisations there and contracts its public bodies give. */
  prefectureFeed: (code: string) => `feed/prefecture/${code}.xml`,
  /** The Atom feed of one category: its organisations and contracts. */
  categoryFeed: (id: string) => `feed/category/${id}.xml`,
  stats: () => 'stats/',
  /**
   * Every contract, or those of one programme kind and/or one prefecture ('national' for the state's bodies), or of
   * one category; page n ≥ 2 of a long list.
   */
  contracts: (
    f: { kind?: string | undefined; prefecture?: string | undefined; category?: string | undefined } = {},
    page = 1,
  ) =>
    `contracts/${f.kind ? `programme/${f.kind}/` : ''}${f.prefecture ? `prefecture/${f.prefecture}/` : ''}${f.category ? `category/${f.category}/` : ''}${page > 1 ? `${page}/` : ''}`,
};

/** Joins a base ('/' or '/sub/') and a relative path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

/**
 * A site path joined to the base the site is built at (Vite's `BASE_URL`): the one way pages and
 * components link (Starlight's `pathWithBase`). Node scripts, which have no `BASE_URL`, call `withBase`.
 */
export function href(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}

/** An absolute URL when the site's origin is known (SITE_URL), else the base-relative path; never an invented domain. */
export function siteUrl(site: URL | string | undefined, base: string, path: string): string {
  const local = withBase(base, path);
  return site ? new URL(local, site).href : local;
}

/** A page's own address from its path as Astro gives it (`Astro.url.pathname`, base included): absolute when SITE_URL is set. */
export function pageUrl(pathname: string, site: URL | undefined): string {
  return site ? new URL(pathname, site).href : pathname;
}
