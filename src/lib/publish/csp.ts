/**
 * The site's Content-Security-Policy, defined once: a meta tag on every page
 * (src/layouts/Base.astro) and, for hosts that read one, a `_headers` file
 * written at build (src/integrations/headers.ts). No 'unsafe-inline' for
 * scripts or styles: pages carry no inline script or style at all (the only
 * inline <script> is JSON-LD data, which is not executed). Pagefind needs
 * 'wasm-unsafe-eval'; the map's only third-party request is 地理院タイル.
 * The CMS under /admin/ is no page of the site: it gets a policy of its own.
 */
import { paths } from '../model/paths.ts';

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

/**
 * The policy as one header value; `frameAncestors` only works in a header, not in a meta tag. `styleHashes` allow
 * inlined <style> blocks by hash (INLINE_STYLESHEETS=1, src/integrations/one-stylesheet.ts).
 */
export function cspHeader(
  options: { meta?: boolean; frameAncestors?: string; styleHashes?: readonly string[] } = {},
): string {
  const hashes = options.styleHashes ?? [];
  const directives = CSP_DIRECTIVES.map(([k, v]): [string, string] =>
    k === 'style-src' && hashes.length ? [k, `${v} ${hashes.join(' ')}`] : [k, v],
  );
  if (!options.meta) directives.push(['frame-ancestors', options.frameAncestors ?? "'none'"]);
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The folder of the CMS (Decap CMS at /admin/), which gets a policy of its own. */
export const ADMIN_DIR = paths.admin().replace(/\/$/, '');

/**
 * Decap CMS 3.16's own `<style>` elements: emotion's (created empty, filled
 * through the CSSOM, which CSP does not check), react-toastify's and
 * uploadcare's stylesheets. Their hashes change with Decap's version: after
 * an upgrade, the browser test of `npm run edit` (tests/dev/cms-edit.test.ts)
 * lists any style it refuses, and docs/cms.md says how to recompute them.
 */
export const DECAP_STYLE_HASHES = [
  "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
  "'sha256-4qb+qTjZ8vb8co1YZpMNDeX7tJSzzRBt6uIroh6K5K8='",
  "'sha256-oLQo1xOLbYlsNCDIECXg24EuQKwYCOy/jJqds+fExxE='",
] as const;

/**
 * The policy of /admin/ only: what Decap CMS needs and no more. Its config
 * validator (ajv) compiles code with `new Function`, hence 'unsafe-eval'
 * (decaporg/decap-cms#2138, open); its styles are pinned by hash, not
 * 'unsafe-inline'. It talks to GitHub's API (and status page) and shows the
 * editor's GitHub avatar; sign-in opens the OAuth client in a pop-up, which
 * the opener's policy does not govern.
 */
export const ADMIN_CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'unsafe-eval'"],
  ['style-src', `'self' ${DECAP_STYLE_HASHES.join(' ')}`],
  ['img-src', "'self' data: blob: https://avatars.githubusercontent.com"],
  ['font-src', "'self'"],
  ['connect-src', "'self' https://api.github.com https://www.githubstatus.com"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** The policy of /admin/ as one header value. */
export function adminCspHeader(): string {
  return ADMIN_CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
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
export function headersFile(base: string, top: SiteTop, styleHashes: readonly string[] = []): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const strict = `  Content-Security-Policy: ${cspHeader({ styleHashes })}`;
  const framable = `  Content-Security-Policy: ${cspHeader({ frameAncestors: '*', styleHashes })}`;
  const policyOf = (dir: string) =>
    dir === ADMIN_DIR
      ? [`  Content-Security-Policy: ${adminCspHeader()}`, '  X-Robots-Tag: noindex']
      : [FRAMABLE_DIRS.includes(dir) ? framable : strict];
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
        ...policyOf(d),
        ...(d === '_astro' ? ['  Cache-Control: public, max-age=31536000, immutable'] : []),
      ]),
  ];
  return `${rules.map((r) => r.join('\n')).join('\n\n')}\n`;
}
