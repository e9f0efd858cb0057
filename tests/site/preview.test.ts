/**
 * `npm run preview` (scripts/serve.ts) serves the built site as the host will: raw requests to the home page, a
 * co-op's page, an embed, the search page, a hashed asset and an unknown path get exactly the headers the built
 * `_headers` gives their path — as Cloudflare Pages applies it (tests/helpers/static-hosts.ts, a parser of our own)
 * and as Netlify's parser reads it —, one CSP each, the 404 page with status 404, and redirects on the origin.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, type IncomingMessage, type Server } from 'node:http';
import { DIST, requireDist } from '../helpers/dist.ts';
import { cloudflareHeadersFor, netlifyHeadersFor, type ServedHeaders } from '../helpers/static-hosts.ts';
import { HOST_DEFAULT_CACHE, serve } from '../../scripts/serve.ts';

let server: Server;
let url: string;
let cloudflare: (path: string) => ServedHeaders;
let netlify: (path: string) => ServedHeaders;
beforeAll(async () => {
  requireDist();
  ({ server, url } = await serve(DIST));
  cloudflare = cloudflareHeadersFor(readFileSync(join(DIST, '_headers'), 'utf8'));
  netlify = await netlifyHeadersFor(join(DIST, '_headers'));
});
afterAll(() => server?.close());

/** A raw GET (no normalisation of the path); the response and its body. */
function get(path: string): Promise<{ res: IncomingMessage; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ res, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** The first folder under a built folder that holds a page (a co-op, an embed). */
function firstPage(folder: string): string {
  const name = readdirSync(join(DIST, folder), { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== 'prefecture')
    .map((e) => e.name)
    .sort()[0];
  if (!name) throw new Error(`no page under ${folder}/`);
  return `/${folder}/${name}/`;
}

test('each page type gets exactly the _headers rules for its path, once, as both hosts read the file', async () => {
  const asset = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.css'))!;
  const paths = ['/', firstPage('coops'), firstPage('embed'), '/search/', `/_astro/${asset}`, '/no-such-page/'];
  for (const path of paths) {
    const { res } = await get(path);
    expect(res.statusCode, path).toBe(path === '/no-such-page/' ? 404 : 200);
    const rules = cloudflare(path);
    expect(Object.fromEntries(netlify(path)), path).toEqual(Object.fromEntries(rules));
    for (const [name, values] of rules) expect(res.headers[name], `${path} ${name}`).toBe(values.join(', '));
    const names = res.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase());
    const csp = names.filter((n) => n === 'content-security-policy').length;
    expect(csp, `${path}: one CSP header (none for a path no rule names)`).toBe(
      rules.has('content-security-policy') ? 1 : 0,
    );
    expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    expect(res.headers['permissions-policy'], path).toMatch(/geolocation=\(self\)/);
    expect(res.headers['cache-control'], path).toBe(rules.get('cache-control')?.[0] ?? HOST_DEFAULT_CACHE);
  }
  const frame = async (path: string) => String((await get(path)).res.headers['content-security-policy']);
  expect(await frame('/')).toContain("frame-ancestors 'none'");
  expect(await frame(firstPage('embed'))).toContain('frame-ancestors *');
  expect(await frame('/search/')).toContain("'wasm-unsafe-eval'");
});

test('an unknown path gets the built 404 page with status 404', async () => {
  const { res, body } = await get('/no-such-page/');
  expect(res.statusCode).toBe(404);
  expect(body).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
});

test('a folder without its slash, and //x, are redirected on the origin', async () => {
  for (const [path, location] of [
    ['/coops', '/coops/'],
    ['//coops', '/coops/'],
    ['//search', '/search/'],
  ]) {
    const { res } = await get(path!);
    expect(res.statusCode, path).toBe(301);
    expect(res.headers.location, path).toBe(location);
  }
});
