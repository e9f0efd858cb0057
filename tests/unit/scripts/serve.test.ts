/**
 * The preview server (scripts/serve.ts), with raw requests: files of the built folder only (traversal and malformed
 * escapes never reach another folder or crash it, a link is never followed), the built `_headers` on every answer,
 * redirects that stay on the origin, the 404 page with status 404, oversized requests 431, many requests at once
 * answered; and no start at all on a folder that is not a whole build.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request, type Server } from 'node:http';
import { connect } from 'node:net';
import { spawnSync } from 'node:child_process';
import { HOST_DEFAULT_CACHE, serve } from '../../../scripts/serve.ts';
import { BUILD_MARKER, writeBuildMarker } from '../../../src/integrations/build-marker.ts';
import { netlifyHeadersFor } from '../../helpers/static-hosts.ts';

const work = mkdtempSync(join(tmpdir(), 'serve-'));
const sibling = join(work, 'dist2');
mkdirSync(sibling);
writeFileSync(join(sibling, 'secret.txt'), 'secret');
writeFileSync(join(sibling, 'index.html'), '<p>secret index</p>');

/** A small whole build for `base`, with a `_headers` shaped like the real one (shared rules, one CSP per top path). */
function builtSite(name: string, base: string): string {
  const site = join(work, name);
  mkdirSync(join(site, 'coops'), { recursive: true });
  mkdirSync(join(site, 'embed', 'x'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<p>home</p>');
  writeFileSync(join(site, '404.html'), '<p>not found</p>');
  writeFileSync(join(site, 'coops', 'index.html'), '<p>coops</p>');
  writeFileSync(join(site, 'embed', 'x', 'index.html'), '<p>embed</p>');
  writeFileSync(
    join(site, '_headers'),
    [
      `${base}*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin`,
      `${base}\n  Content-Security-Policy: frame-ancestors 'none'`,
      `${base}coops/*\n  Content-Security-Policy: frame-ancestors 'none'`,
      `${base}embed/*\n  Content-Security-Policy: frame-ancestors *`,
    ].join('\n\n'),
  );
  writeBuildMarker(site, base);
  return site;
}

interface Answer {
  status: number;
  body: string;
  location?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** Sends a raw request path (fetch would normalise `..` and `//` before sending). */
function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body, location: res.headers.location, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

let site: string;
let server: Server;
let url: string;
beforeAll(async () => {
  site = builtSite('dist', '/sub/');
  ({ server, url } = await serve(site, 0, '/sub/'));
});
afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

test('pages under the base path, a folder without its slash redirected', async () => {
  expect(await get(url, '/sub/')).toMatchObject({ status: 200, body: '<p>home</p>' });
  expect(await get(url, '/sub/coops/')).toMatchObject({ status: 200, body: '<p>coops</p>' });
  expect(await get(url, '/sub/coops')).toMatchObject({ status: 301, location: '/sub/coops/' });
  expect(await get(url, '/sub')).toMatchObject({ status: 301, location: '/sub/' });
  expect(await get(url, '/other/')).toMatchObject({ status: 404, body: '<p>not found</p>' });
});

test.each([
  '/sub/../dist2/secret.txt',
  '/sub/..%2Fdist2/secret.txt',
  '/sub/%2e%2e/dist2/secret.txt',
  '/sub/..%5Cdist2%5Csecret.txt',
  '/sub/%2e%2e%2fdist2%2fsecret.txt',
])('traversal %s is 404, never the sibling folder', async (path) => {
  const res = await get(url, path);
  expect(res.status).toBe(404);
  expect(res.body).not.toContain('secret');
});

test.each(['/sub/%E0', '/sub/%', '/sub/%zz'])(
  'a malformed escape %s is 400 and the server keeps answering',
  async (path) => {
    expect((await get(url, path)).status).toBe(400);
    expect((await get(url, '/sub/')).status).toBe(200);
  },
);

test("every answer carries the built _headers' rules for its path, as Netlify's own parser reads them", async () => {
  const rules = await netlifyHeadersFor(join(site, '_headers'));
  for (const path of ['/sub/', '/sub/coops/', '/sub/embed/x/', '/sub/no-such-page/']) {
    const res = await get(url, path);
    const expected = rules(path);
    expect(expected.size, path).toBeGreaterThanOrEqual(2);
    for (const [name, values] of expected) expect(res.headers[name], `${path} ${name}`).toBe(values.join(', '));
    expect(res.headers['cache-control'], path).toBe(HOST_DEFAULT_CACHE);
  }
  expect((await get(url, '/sub/embed/x/')).headers['content-security-policy']).toBe('frame-ancestors *');
  expect((await get(url, '/sub/coops/')).headers['content-security-policy']).toBe("frame-ancestors 'none'");
  // The 404 page: its status, its body and the headers for the path asked.
  const missing = await get(url, '/sub/no-such-page/');
  expect(missing).toMatchObject({ status: 404, body: '<p>not found</p>' });
  expect(missing.headers['x-content-type-options']).toBe('nosniff');
  expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
});

test('a file that has not changed answers 304 with its ETag', async () => {
  const first = await get(url, '/sub/coops/');
  const again = await get(url, '/sub/coops/', { 'If-None-Match': String(first.headers.etag) });
  expect(again.status).toBe(304);
});

describe('redirects stay on the origin', () => {
  let rootUrl: string;
  let rootServer: Server;
  beforeAll(async () => {
    ({ server: rootServer, url: rootUrl } = await serve(builtSite('dist-root', '/'), 0, '/'));
  });
  afterAll(() => rootServer?.close());

  test.each([
    ['//coops', '/coops/'],
    ['//coops/', '/coops/'],
    ['///coops', '/coops/'],
    ['/%2Fcoops', '/coops/'],
    ['//coops?x=1', '/coops/?x=1'],
    ['/coops//', '/coops/'],
  ])('%s → %s', async (path, location) => {
    const res = await get(rootUrl, path);
    expect(res).toMatchObject({ status: 301, location });
    expect(new URL(res.location!, rootUrl).origin).toBe(new URL(rootUrl).origin);
  });

  test.each(['//evil.example/', '//evil.example', '/\\evil.example/', '/%5Cevil.example/', '//127.0.0.1:1/coops'])(
    '%s names no other host',
    async (path) => {
      const res = await get(rootUrl, path);
      expect(res.status).toBe(404);
      expect(res.location).toBeUndefined();
    },
  );
});

test('a link in the folder is never served, whether it points out of it or into it (added after the start)', async () => {
  symlinkSync(join(sibling, 'secret.txt'), join(site, 'leak.txt'));
  symlinkSync(sibling, join(site, 'linked'));
  symlinkSync(join(site, 'index.html'), join(site, 'alias.html'));
  symlinkSync(sibling, join(site, 'folder'));
  try {
    for (const path of ['/sub/leak.txt', '/sub/linked/secret.txt', '/sub/alias.html', '/sub/folder/', '/sub/folder']) {
      const res = await get(url, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('secret');
    }
  } finally {
    for (const l of ['leak.txt', 'linked', 'alias.html', 'folder']) unlinkSync(join(site, l));
  }
});

test('an oversized request is 431, and the server keeps answering', async () => {
  const res = await get(url, '/sub/', { 'X-Big': 'a'.repeat(20_000) });
  expect(res.status).toBe(431);
  expect((await get(url, '/sub/')).status).toBe(200);
});

test('1,000 requests at once and 500 half-open connections are all answered', async () => {
  const { port } = new URL(url);
  const halfOpen = Array.from({ length: 500 }, () => {
    const s = connect(Number(port), '127.0.0.1');
    s.on('error', () => {});
    s.write('GET /sub/ HTTP/1.1\r\nHost: x\r\n'); // never finished
    return s;
  });
  try {
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => get(url, i % 2 ? '/sub/' : '/sub/x/')));
    expect(answers.filter((a) => a.status === (a.body.includes('home') ? 200 : 404)).length).toBe(1000);
  } finally {
    for (const s of halfOpen) s.destroy();
  }
});

describe('only a whole build is served: otherwise no start, and the reason', () => {
  test.each([
    [
      'no marker (a build stopped half-way, or an older tool)',
      (d: string) => unlinkSync(join(d, BUILD_MARKER)),
      '完成の印',
    ],
    ['a file gone since', (d: string) => unlinkSync(join(d, 'coops', 'index.html')), 'ファイル数'],
    ['a link', (d: string) => symlinkSync('/etc/passwd', join(d, 'leak.txt')), 'leak.txt'],
    [
      'a linked folder holding a dangling link',
      (d: string) => {
        const target = join(work, `dangling-${Math.random()}`);
        mkdirSync(target);
        symlinkSync(join(work, 'gone'), join(target, 'x'));
        symlinkSync(target, join(d, 'linked'));
      },
      'linked',
    ],
  ])('%s', async (_, spoil, why) => {
    const dir = builtSite(`spoilt-${why}`, '/');
    spoil(dir);
    await expect(serve(dir, 0, '/')).rejects.toThrow(why);
  });

  test('another base path', async () => {
    await expect(serve(builtSite('based', '/sub/'), 0, '/')).rejects.toThrow('BASE_PATH=/sub/');
  });

  test('npm run preview exits 1 and says why', () => {
    const dir = builtSite('cli', '/');
    unlinkSync(join(dir, BUILD_MARKER));
    const r = spawnSync(process.execPath, ['scripts/serve.ts'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DIST_DIR: dir, PORT: '0' },
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('完成の印');
    expect(r.stdout).not.toContain('公開中');
  });
});
