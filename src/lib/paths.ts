/**
 * Every URL of the site in one place. Paths are relative to the base (no
 * leading slash); `withBase` joins them to `import.meta.env.BASE_URL`, so the
 * site works under any sub-path.
 */
export const paths = {
  home: () => '',
  coops: () => 'coops/',
  coop: (id: string) => `coops/${id}/`,
  categories: () => 'categories/',
  category: (id: string) => `categories/${id}/`,
  bodies: () => 'municipalities/',
  body: (id: string) => `municipalities/${id}/`,
  modelProject: () => 'model-project/',
  council: (id: string) => `model-project/${id}/`,
  guides: () => 'guide/',
  guide: (id: string) => `guide/${id}/`,
  about: () => 'about/',
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
  stats: () => 'stats/',
  /** Every contract, or those of one programme kind and/or one prefecture ('national' for the state's bodies). */
  contracts: (f: { kind?: string; prefecture?: string } = {}) =>
    `contracts/${f.kind ? `programme/${f.kind}/` : ''}${f.prefecture ? `prefecture/${f.prefecture}/` : ''}`,
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
