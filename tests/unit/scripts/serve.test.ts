/** The preview server (scripts/serve.ts): files of the built folder only; traversal and malformed escapes never reach another folder or crash it. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { serve } from '../../../scripts/serve.ts';

let server: Server;
let url: string;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'serve-'));
  const site = join(root, 'dist');
  const sibling = join(root, 'dist2');
  mkdirSync(join(site, 'coops'), { recursive: true });
  mkdirSync(sibling);
  writeFileSync(join(site, 'index.html'), '<p>home</p>');
  writeFileSync(join(site, '404.html'), '<p>not found</p>');
  writeFileSync(join(site, 'coops', 'index.html'), '<p>coops</p>');
  writeFileSync(join(sibling, 'secret.txt'), 'secret');
  ({ server, url } = await serve(site, 0, '/sub/'));
});
afterAll(() => server.close());

/** Sends a raw request path (fetch would normalise `..` before sending). */
async function get(path: string): Promise<{ status: number; body: string; location?: string | undefined }> {
  const { request } = await import('node:http');
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode!, body, location: res.headers.location }));
    });
    req.on('error', fail);
    req.end();
  });
}

test('pages under the base path, a folder without its slash redirected', async () => {
  expect(await get('/sub/')).toMatchObject({ status: 200, body: '<p>home</p>' });
  expect(await get('/sub/coops/')).toMatchObject({ status: 200, body: '<p>coops</p>' });
  expect(await get('/sub/coops')).toMatchObject({ status: 301, location: '/sub/coops/' });
  expect(await get('/other/')).toMatchObject({ status: 404, body: '<p>not found</p>' });
});

test.each([
  '/sub/../dist2/secret.txt',
  '/sub/..%2Fdist2/secret.txt',
  '/sub/%2e%2e/dist2/secret.txt',
  '/sub/..%5Cdist2%5Csecret.txt',
  '/sub/%2e%2e%2fdist2%2fsecret.txt',
])('traversal %s is 404, never the sibling folder', async (path) => {
  const res = await get(path);
  expect(res.status).toBe(404);
  expect(res.body).not.toContain('secret');
});

test.each(['/sub/%E0', '/sub/%', '/sub/%zz'])(
  'a malformed escape %s is 400 and the server keeps answering',
  async (path) => {
    expect((await get(path)).status).toBe(400);
    expect((await get('/sub/')).status).toBe(200);
  },
);
