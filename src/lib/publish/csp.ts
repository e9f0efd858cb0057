/**
 * The site's Content-Security-Policy, defined once: a meta tag on every page
 * (src/layouts/Base.astro) and, for hosts that read one, a `_headers` file
 * written at build (src/integrations/headers.ts). No 'unsafe-inline' for
 * scripts or styles: pages carry no inline script or style at all (the only
 * inline <script> is JSON-LD data, which is not executed). Pagefind needs
 * 'wasm-unsafe-eval'; the map's only third-party request is 地理院タイル.
 */

/** Hosts the site may load images from besides itself: GSI map tiles. */
export const TILE_ORIGIN = 'https://cyberjapandata.gsi.go.jp';

/** Directives that a meta tag may carry. */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', `'self' data: ${TILE_ORIGIN}`],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy as one header value; `frameAncestors` only works in a header, not in a meta tag. */
export function cspHeader(options: { meta?: boolean; frameAncestors?: string } = {}): string {
  const directives = [...CSP_DIRECTIVES];
  if (!options.meta) directives.push(['frame-ancestors', options.frameAncestors ?? "'none'"]);
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The top of the built site: its folders and files (read from dist/ after the build). */
export interface SiteTop {
  dirs: readonly string[];
  files: readonly string[];
}

/** Top-level folders whose pages may be framed by other sites. */
export const FRAMABLE_DIRS: readonly string[] = ['embed'];

/**
 * The `_headers` file (Netlify, Cloudflare Pages and others) for a site
 * deployed under `base`. Both hosts apply every rule whose path matches a
 * request: Netlify lets a later rule's header replace an earlier one's,
 * Cloudflare Pages joins them with a comma, which for a CSP means both
 * policies apply (and `frame-ancestors 'none'` would block the embeds).
 * So no two rules that can match one path both carry a CSP: the policy is
 * written per top-level folder and file, never as a site-wide `/*`, and the
 * headers that are the same everywhere go in `/*` alone.
 */
export function headersFile(base: string, top: SiteTop): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const strict = `  Content-Security-Policy: ${cspHeader()}`;
  const framable = `  Content-Security-Policy: ${cspHeader({ frameAncestors: '*' })}`;
  const rules: string[][] = [
    [
      `${b}*`,
      '  X-Content-Type-Options: nosniff',
      '  Referrer-Policy: strict-origin-when-cross-origin',
      '  Permissions-Policy: geolocation=(self), camera=(), microphone=(), interest-cohort=()',
    ],
    [b, strict],
    ...[...top.files]
      .sort()
      .filter((f) => f !== '_headers')
      .map((f) => [`${b}${f}`, strict]),
    // Astro's hashed assets never change under one name: cache them for a year.
    ...[...top.dirs]
      .sort()
      .map((d) => [
        `${b}${d}/*`,
        FRAMABLE_DIRS.includes(d) ? framable : strict,
        ...(d === '_astro' ? ['  Cache-Control: public, max-age=31536000, immutable'] : []),
      ]),
  ];
  return `${rules.map((r) => r.join('\n')).join('\n\n')}\n`;
}
