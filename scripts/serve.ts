/**
 * A small static file server for the built site (dist/), bound to 127.0.0.1.
 * `npm run preview` (PORT=4321, BASE_PATH=/sub/ to serve under a sub-path).
 * Also imported by the browser tests.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** Starts serving `root` under `base` on 127.0.0.1:`port` (0 = any free port). */
export function serve(root: string, port = 0, base = '/'): Promise<{ server: Server; url: string }> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const notFound = () => {
      const page = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(page)) createReadStream(page).pipe(res);
      else res.end('404');
    };
    if (!path.startsWith(prefix)) return notFound();
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { location: `${path}/` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
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
