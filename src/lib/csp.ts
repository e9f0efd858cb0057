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

/** The `_headers` file (Netlify, Cloudflare Pages and others) for a site deployed under `base`. */
export function headersFile(base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const common = [
    'X-Content-Type-Options: nosniff',
    'Referrer-Policy: strict-origin-when-cross-origin',
    'Permissions-Policy: geolocation=(), camera=(), microphone=(), interest-cohort=()',
  ];
  return [
    `${b}*`,
    `  Content-Security-Policy: ${cspHeader()}`,
    ...common.map((h) => `  ${h}`),
    '',
    `${b}embed/*`,
    `  Content-Security-Policy: ${cspHeader({ frameAncestors: '*' })}`,
    '',
    `${b}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}
