/**
 * `npm run preview`: serves a built site (dist/) on 127.0.0.1 the way the
 * static host will, and nothing else. Also used by the browser tests and the
 * benchmarks.
 *
 * - Only a whole build: the folder must carry its completion marker
 *   (src/integrations/build-marker.ts), the right file count, no link, and be
 *   built for the same BASE_PATH; otherwise the server does not start and says
 *   why (a half-written dist/ is never served).
 * - The built `_headers` applied to every response, 404s included, as Netlify
 *   reads it (scripts/lib/netlify-headers.ts, its own parser); other files get
 *   the hosts' default `Cache-Control: public, max-age=0, must-revalidate`.
 * - Files of the folder only: every path is resolved here, segment by
 *   segment (no `..`, no dotfile, no NUL, malformed escapes 400), and served
 *   only when its real path is the path itself, so a link anywhere in it —
 *   added after the start, into the folder or out of it — is a 404.
 * - Redirects stay on the origin: a folder without its slash, or a path with
 *   empty segments (`//coops`), is sent to its one canonical path, built from
 *   the base and encoded segments, never `//host…`.
 * - An unknown path gets the 404 page with status 404.
 *
 * sirv (a maintained static file server) sends the file once it is resolved:
 * content types, ETag and 304, ranges. Node's HTTP server answers oversized
 * headers with 431.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { checkWholeBuild } from '../src/integrations/build-marker.ts';
import { netlifyHeadersFor, type ServedHeaders } from './lib/netlify-headers.ts';

/** Types sirv's table does not know (Pagefind's index files, GeoJSON). */
const EXTRA_TYPES: Record<string, string> = {
  '.geojson': 'application/geo+json; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
};

/** What Netlify and Cloudflare Pages send when `_headers` sets no Cache-Control. */
export const HOST_DEFAULT_CACHE = 'public, max-age=0, must-revalidate';

/** A URL path built from decoded segments: each one encoded, so it can never read as `//host` or `/\host`. */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Starts serving the built site `root` under `base` on 127.0.0.1:`port` (0 = any free port); rejects, saying why, when `root` is not a whole build. */
export async function serve(root: string, port = 0, base = '/'): Promise<{ server: Server; url: string }> {
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const verdict = checkWholeBuild(root, prefix);
  if (!verdict.ok) throw new Error(verdict.reason);
  const realRoot = realpathSync.native(root);
  const headersPath = join(realRoot, '_headers');
  const rulesFor: (path: string) => ServedHeaders = existsSync(headersPath)
    ? await netlifyHeadersFor(headersPath)
    : () => new Map();

  /** The plain file at these segments under the root, or undefined (absent, a folder, or reached through a link). */
  const plainFile = (segments: string[]): string | undefined => {
    const file = join(realRoot, ...segments);
    try {
      if (realpathSync.native(file) !== file) {
        console.warn(`preview: リンクは配信しません: ${segments.join('/')}`);
        return undefined;
      }
      return statSync(file).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  };
  const withHeaders = (res: ServerResponse, path: string) => {
    res.setHeader('Cache-Control', HOST_DEFAULT_CACHE);
    for (const [name, values] of rulesFor(path)) res.setHeader(name, values.join(', '));
  };
  const notFoundPage = () => {
    const file = plainFile(['404.html']);
    return file ? readFileSync(file) : '404 Not Found';
  };
  const answer = (res: ServerResponse, status: 400 | 404, path: string) => {
    withHeaders(res, path);
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(status === 404 ? notFoundPage() : '400 Bad Request');
  };
  const redirect = (res: ServerResponse, path: string, query: string | undefined) => {
    // Kept only when it is plain printable ASCII (it goes into a header as it came).
    const q = query !== undefined && /^[\x21-\x7e]*$/.test(query) ? `?${query}` : '';
    res.writeHead(301, { Location: `${encodePath(path)}${q}`, 'Cache-Control': HOST_DEFAULT_CACHE });
    res.end();
  };
  const files = sirv(realRoot, {
    dev: true, // looks each file up when asked (no index of the folder built at start, which followed links)
    etag: true,
    dotfiles: false,
    extensions: [],
    setHeaders: (res, pathname) => {
      const ext = /\.[a-z_]+$/i.exec(pathname)?.[0];
      if (ext && EXTRA_TYPES[ext]) res.setHeader('Content-Type', EXTRA_TYPES[ext]);
    },
  });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const at = url.indexOf('?');
    const raw = at < 0 ? url : url.slice(0, at);
    const query = at < 0 ? undefined : url.slice(at + 1);
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      return answer(res, 400, raw);
    }
    if (`${path}/` === prefix) return redirect(res, prefix, query);
    if (!path.startsWith(prefix) || path.includes('\0')) return answer(res, 404, path);
    const rest = path.slice(prefix.length);
    const parts = rest.split('/').filter((s) => s !== '');
    // No traversal, no dotfile, nothing a URL path could not name again.
    if (parts.some((s) => s.startsWith('.') || /[?#\\]/.test(s))) return answer(res, 404, path);
    const folderUrl = (rest === '' || rest.endsWith('/')) && parts.length > 0;
    const canonical = `${prefix}${parts.join('/')}${folderUrl ? '/' : ''}`;
    const file = plainFile(rest === '' || rest.endsWith('/') ? [...parts, 'index.html'] : parts);
    if (file) {
      if (path !== canonical) return redirect(res, canonical, query);
      withHeaders(res, path);
      req.url = encodeURI(`/${file.slice(realRoot.length + 1)}`);
      return files(req, res, () => answer(res, 404, path));
    }
    // Pages live in folders (trailingSlash: 'always'): /coops → /coops/, so relative URLs resolve as built.
    if (parts.length > 0 && plainFile([...parts, 'index.html'])) return redirect(res, `${canonical}/`, query);
    answer(res, 404, path);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      ok({ server, url: `http://127.0.0.1:${p}${prefix}` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.env.DIST_DIR ?? 'dist');
  try {
    const { url } = await serve(root, Number(process.env.PORT ?? 4321), process.env.BASE_PATH ?? '/');
    console.log(`労協アトラス: ${url} で公開中（Ctrl+C で停止）`);
  } catch (e) {
    console.error(`npm run preview: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
