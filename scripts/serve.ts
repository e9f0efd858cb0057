/**
 * Serves the built site (dist/) on 127.0.0.1 with sirv, a maintained static
 * file server: it indexes the folder once at start and answers only paths
 * that are files in it, so no request can reach another folder (`..`,
 * `%2F`, malformed escapes all end as 404). `npm run preview` (PORT=4321,
 * BASE_PATH=/sub/ to serve under a sub-path). Also used by the browser tests.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Types sirv's table does not know (Pagefind's index files, GeoJSON). */
const EXTRA_TYPES: Record<string, string> = {
  '.geojson': 'application/geo+json; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
};

/** Starts serving `root` under `base` on 127.0.0.1:`port` (0 = any free port). */
export function serve(root: string, port = 0, base = '/'): Promise<{ server: Server; url: string }> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const notFoundPage = join(root, '404.html');
  const notFound = (res: import('node:http').ServerResponse, status = 404) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(status === 404 && existsSync(notFoundPage) ? readFileSync(notFoundPage) : String(status));
  };
  const files = sirv(root, {
    dev: false,
    etag: true,
    dotfiles: false,
    setHeaders: (res, pathname) => {
      const ext = /\.[a-z_]+$/i.exec(pathname)?.[0];
      if (ext && EXTRA_TYPES[ext]) res.setHeader('Content-Type', EXTRA_TYPES[ext]);
    },
  });
  const server = createServer((req, res) => {
    const raw = (req.url ?? '/').split('?')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      return notFound(res, 400);
    }
    if (!raw.startsWith(prefix) || path.includes('\0') || path.split('/').includes('..')) return notFound(res);
    // Pages live in folders (trailingSlash: 'always'): send /coops to /coops/ so relative URLs resolve as built.
    if (
      !raw.endsWith('/') &&
      !/\.[a-z0-9_]+$/i.test(raw) &&
      existsSync(join(root, path.slice(prefix.length), 'index.html'))
    ) {
      res.writeHead(301, { location: `${raw}/` });
      return res.end();
    }
    req.url = `/${raw.slice(prefix.length)}`;
    files(req, res, () => notFound(res));
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://127.0.0.1:${p}${prefix}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.env.DIST_DIR ?? 'dist');
  const { url } = await serve(root, Number(process.env.PORT ?? 4321), process.env.BASE_PATH ?? '/');
  console.log(`労協アトラス: ${url} で公開中（Ctrl+C で停止）`);
}
