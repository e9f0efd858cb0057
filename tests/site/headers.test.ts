/**
 * `_headers` as two hosts really apply it (tests/helpers/static-hosts.ts):
 * every file of the built site, requested by its URL path, gets exactly one
 * Content-Security-Policy on Netlify and on Cloudflare Pages; embeds may be
 * framed by any site, every other page by none; the CMS under /admin/ gets
 * its own policy (Decap CMS needs eval) and noindex, no other path allows
 * eval; the shared headers reach every path once.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFiles, requireDist } from '../helpers/dist.ts';
import { cloudflareHeadersFor, netlifyHeadersFor, type ServedHeaders } from '../helpers/static-hosts.ts';
import { ADMIN_DIR, FRAMABLE_DIRS, adminCspHeader } from '../../src/lib/publish/csp.ts';

/** URL paths a visitor can request: each file, and each page's folder URL. */
function requestPaths(): string[] {
  const files = distFiles().filter((f) => f !== '_headers');
  const paths = files.map((f) => `/${f}`);
  for (const f of files)
    if (f === 'index.html' || f.endsWith('/index.html')) paths.push(`/${f.slice(0, -'index.html'.length)}`);
  return paths;
}

describe.each(['netlify', 'cloudflare'] as const)('%s', (host) => {
  let served: (path: string) => ServedHeaders;
  let paths: string[];
  beforeAll(async () => {
    requireDist();
    const file = join(DIST, '_headers');
    served = host === 'netlify' ? await netlifyHeadersFor(file) : cloudflareHeadersFor(readFileSync(file, 'utf8'));
    paths = requestPaths();
  });

  test('every path gets exactly one CSP, framable only under the embed folders', () => {
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) {
      const csp = served(path).get('content-security-policy') ?? [];
      expect(csp, path).toHaveLength(1);
      expect(csp[0]!.split(',').length, `${path}: one policy, not a comma-joined pair`).toBe(1);
      const framable = FRAMABLE_DIRS.some((d) => path.startsWith(`/${d}/`));
      expect(csp[0], path).toMatch(framable ? /frame-ancestors \*/ : /frame-ancestors 'none'/);
      expect(csp[0], path).toMatch(/default-src 'self'/);
    }
  });

  test('/admin/ has its own policy and noindex; no other path allows eval', () => {
    const admin = paths.filter((p) => p.startsWith(`/${ADMIN_DIR}/`));
    expect(admin).toContain(`/${ADMIN_DIR}/`);
    expect(admin).toContain(`/${ADMIN_DIR}/config.yml`);
    for (const path of paths) {
      const h = served(path);
      if (admin.includes(path)) {
        expect(h.get('content-security-policy'), path).toEqual([adminCspHeader()]);
        expect(h.get('x-robots-tag'), path).toEqual(['noindex']);
      } else {
        expect(h.get('content-security-policy')![0], path).not.toContain("'unsafe-eval'");
        expect(h.get('x-robots-tag'), path).toBeUndefined();
      }
    }
  });

  test('the shared headers reach every path once; only hashed assets are cached for long', () => {
    for (const path of paths) {
      const h = served(path);
      expect(h.get('x-content-type-options'), path).toEqual(['nosniff']);
      expect(h.get('referrer-policy'), path).toEqual(['strict-origin-when-cross-origin']);
      const cache = h.get('cache-control');
      if (path.startsWith('/_astro/')) expect(cache, path).toEqual(['public, max-age=31536000, immutable']);
      else expect(cache, path).toBeUndefined();
    }
  });
});

test('the simulators tell an overlapping file apart (the mistake this guards against)', async () => {
  const overlapping =
    "/*\n  Content-Security-Policy: frame-ancestors 'none'\n\n/embed/*\n  Content-Security-Policy: frame-ancestors *\n";
  const cf = cloudflareHeadersFor(overlapping)('/embed/x/');
  expect(cf.get('content-security-policy')).toEqual(["frame-ancestors 'none'", 'frame-ancestors *']);
});
